package io.rackscope.desktop.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.stage.FileChooser;

/** What the app's tables share: text columns and saving what they show as CSV. */
public final class Tables {
    private Tables() {}

    public static <R> TableColumn<R, String> textColumn(
            String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /**
     * Asks where to save, then writes {@code csv}; a failure goes to {@code problem}, worded for
     * the page.
     */
    public static void saveCsv(
            Node owner,
            String title,
            String fileName,
            Supplier<String> csv,
            Consumer<String> problem) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        File f =
                chooser.showSaveDialog(
                        owner.getScene() == null ? null : owner.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            Files.writeString(f.toPath(), csv.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problem.accept("could not save " + f + ": " + e.getMessage());
        }
    }
}
