package io.rackscope.desktop.ui.firstrun;

import io.rackscope.desktop.ui.EstateFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first run: where Prometheus is (tried with its credentials), how its series place the nodes
 * (previewed), and where the configuration is written; then the window opens on it. The only class
 * of the feature that talks to the service, through {@link EstateFinder}.
 */
public final class FirstRunViewModel {
    private final EstateFinder finder;
    private final Executor fx;
    private final Consumer<Path> written;

    final StringProperty url = new SimpleStringProperty("http://127.0.0.1:9090");
    final StringProperty user = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty ca = new SimpleStringProperty("");
    final StringProperty cert = new SimpleStringProperty("");
    final StringProperty key = new SimpleStringProperty("");
    final StringProperty metric = new SimpleStringProperty("up");
    final StringProperty identity = new SimpleStringProperty("instance");
    final StringProperty site = new SimpleStringProperty("=site1");
    final StringProperty room = new SimpleStringProperty("=room1");
    final StringProperty aisle = new SimpleStringProperty("=a01");
    final StringProperty rack = new SimpleStringProperty("rack_id");
    final StringProperty device = new SimpleStringProperty("");
    final StringProperty directory;
    final StringProperty importFile = new SimpleStringProperty("");
    final StringProperty importFormat = new SimpleStringProperty("csv");
    final BooleanProperty ready = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final javafx.collections.ObservableList<String> labels =
            javafx.collections.FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper labelsText = new ReadOnlyStringWrapper("");

    /** {@code written}: called on the FX thread with the directory, once written. */
    public FirstRunViewModel(
            EstateFinder finder, Executor fx, Path directory, Consumer<Path> written) {
        this.finder = finder;
        this.fx = fx;
        this.written = written;
        this.directory = new SimpleStringProperty(directory.toString());
    }

    /** What the connection test said (or why it failed). */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** The preview of the estate (or why there is none). */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** A question is out: the buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private EstateFinder.Connection conn() {
        return new EstateFinder.Connection(
                url.get().trim(), user.get(), password.get(), ca.get(), cert.get(), key.get());
    }

    private EstateFinder.Placement placement() {
        return new EstateFinder.Placement(
                metric.get().trim(),
                identity.get().trim(),
                site.get().trim(),
                room.get().trim(),
                aisle.get().trim(),
                rack.get().trim(),
                device.get().trim());
    }

    /**
     * The labels of the metric's series, to pick each level from (after a test that reached
     * Prometheus); also the values each could take.
     */
    public javafx.collections.ObservableList<String> labels() {
        return javafx.collections.FXCollections.unmodifiableObservableList(labels);
    }

    /** The labels with how many values each has and a few of them. */
    public ReadOnlyStringProperty labelsTextProperty() {
        return labelsText.getReadOnlyProperty();
    }

    public void test() {
        run(
                finder.test(conn(), metric.get().trim()),
                said -> {
                    connection.set(said);
                    finder.labels(conn(), metric.get().trim())
                            .whenComplete((l, e) -> fx.execute(() -> showLabels(l, e)));
                },
                connection);
    }

    private void showLabels(List<EstateFinder.Label> found, Throwable e) {
        if (e != null) {
            labelsText.set("");
            return;
        }
        labels.setAll(found.stream().map(EstateFinder.Label::name).toList());
        labelsText.set(
                "Labels of "
                        + metric.get().trim()
                        + ": "
                        + String.join(
                                "; ",
                                found.stream()
                                        .map(
                                                l ->
                                                        l.name()
                                                                + " ("
                                                                + l.values()
                                                                + ": "
                                                                + String.join(", ", l.samples())
                                                                + (l.values() > l.samples().size()
                                                                        ? "…"
                                                                        : "")
                                                                + ")")
                                        .toList()));
    }

    public void preview() {
        run(finder.preview(conn(), placement()), this::showPreview, preview);
    }

    private void showPreview(EstateFinder.Preview p) {
        StringBuilder b = new StringBuilder(p.summary()).append("\n\n");
        p.sample().forEach(l -> b.append(l).append('\n'));
        if (!p.notPlaced().isEmpty()) {
            b.append("\nNot placed:\n");
            p.notPlaced().forEach(l -> b.append(l).append('\n'));
        }
        preview.set(b.toString());
        ready.set(true);
    }

    /** What importing the file chosen would make (a CSV of devices or a NetBox export). */
    public void previewImport() {
        run(
                finder.previewImport(conn(), importFormat.get(), importPath(), target()),
                this::showPreview,
                preview);
    }

    /** Imports the file chosen into the directory, then opens it. */
    public void writeImport() {
        run(
                finder.writeImport(conn(), importFormat.get(), importPath(), target()),
                this::opened,
                preview);
    }

    private Path importPath() {
        return Path.of(importFile.get().trim());
    }

    private Path target() {
        return Path.of(directory.get().trim());
    }

    private void opened(Path dir) {
        preview.set("Written to " + dir + "; opening it…");
        written.accept(dir);
    }

    public void write() {
        run(finder.write(conn(), placement(), target()), this::opened, preview);
    }

    private <T> void run(CompletableFuture<T> work, Consumer<T> done, ReadOnlyStringWrapper says) {
        busy.set(true);
        says.set("asking…");
        work.whenComplete(
                (v, e) ->
                        fx.execute(
                                () -> {
                                    busy.set(false);
                                    if (e != null) {
                                        Throwable t =
                                                e instanceof CompletionException
                                                                && e.getCause() != null
                                                        ? e.getCause()
                                                        : e;
                                        says.set("Failed: " + t.getMessage());
                                    } else {
                                        done.accept(v);
                                    }
                                }));
    }
}
