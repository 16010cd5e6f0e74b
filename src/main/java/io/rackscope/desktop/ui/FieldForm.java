package io.rackscope.desktop.ui;

import io.rackscope.desktop.edit.SettingsCatalog;
import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A form of fields described by {@link Setting}s (the settings of app.yaml, the keys of a metric):
 * each a row of its path, a control of its kind bound to its value, and what it does; an empty
 * value shows the default.
 */
public final class FieldForm {
    private FieldForm() {}

    /** The rows of {@code fields}, each control made by {@code control}. */
    public static GridPane grid(List<Setting> fields, Function<Setting, Node> control) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(200);
        ColumnConstraints values = new ColumnConstraints();
        values.setMinWidth(240);
        values.setPrefWidth(400);
        ColumnConstraints help = new ColumnConstraints();
        help.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, values, help);
        int r = 0;
        for (Setting s : fields) {
            Label l = new Label(s.path());
            l.getStyleClass().add("code");
            l.setTooltip(new Tooltip(s.path()));
            Label h = new Label(s.help());
            h.getStyleClass().add("muted");
            h.setWrapText(true);
            GridPane.setValignment(h, VPos.CENTER);
            g.add(l, 0, r);
            g.add(control.apply(s), 1, r);
            g.add(h, 2, r);
            r++;
        }
        return g;
    }

    /** A control for {@code s} bound to {@code value}, its id {@code prefix-path-with-dashes}. */
    public static Control control(Setting s, StringProperty value, String prefix) {
        Control c =
                switch (s.type()) {
                    case BOOL, CHOICE -> {
                        ComboBox<String> box = new ComboBox<>();
                        List<String> items = new ArrayList<>();
                        items.add("");
                        items.addAll(
                                s.type() == SettingsCatalog.Type.BOOL
                                        ? List.of("true", "false")
                                        : s.choices());
                        box.getItems().setAll(items);
                        box.valueProperty().bindBidirectional(value);
                        box.setConverter(
                                new javafx.util.StringConverter<>() {
                                    @Override
                                    public String toString(String v) {
                                        return v == null || v.isEmpty() ? fallback(s) : v;
                                    }

                                    @Override
                                    public String fromString(String text) {
                                        return text;
                                    }
                                });
                        yield box;
                    }
                    case SECRET -> {
                        PasswordField p = new PasswordField();
                        p.textProperty().bindBidirectional(value);
                        yield p;
                    }
                    default -> {
                        TextField t = new TextField();
                        t.textProperty().bindBidirectional(value);
                        t.setPromptText(fallback(s));
                        yield t;
                    }
                };
        c.setId(String.join("-", prefix, s.path().replace('.', '-').replace('_', '-')));
        c.setTooltip(new Tooltip(s.help()));
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static String fallback(Setting s) {
        return s.fallback().isEmpty() ? "not set" : "default: " + s.fallback();
    }
}
