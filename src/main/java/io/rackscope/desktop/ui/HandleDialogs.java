package io.rackscope.desktop.ui;

import io.rackscope.desktop.handling.Silence;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The small forms behind "Acknowledge…" and "Put under maintenance…". */
public final class HandleDialogs {
    private HandleDialogs() {}

    /** A note and how long; null length means "until it clears or gets worse" / open-ended. */
    public record Answer(String text, Duration length, Silence.Effect effect) {}

    // an acknowledgement ends when its alert clears or gets worse; a maintenance has a bounded
    // default, since a forgotten open-ended one would hide trouble for good
    private static final Map<String, Duration> ACK_LENGTHS =
            lengths("Until it clears or gets worse", true);
    private static final Map<String, Duration> MAINTENANCE_LENGTHS = lengths("Until ended", false);

    private static Map<String, Duration> lengths(String open, boolean openFirst) {
        Map<String, Duration> m = new LinkedHashMap<>();
        if (openFirst) {
            m.put(open, null);
        }
        m.put("4 hours", Duration.ofHours(4));
        m.put("1 hour", Duration.ofHours(1));
        m.put("8 hours (a shift)", Duration.ofHours(8));
        m.put("24 hours", Duration.ofHours(24));
        if (!openFirst) {
            m.put(open, null);
        }
        return m;
    }

    /** The lengths a maintenance is offered, the bounded default first. */
    public static Map<String, Duration> maintenanceLengths() {
        return MAINTENANCE_LENGTHS;
    }

    public static Optional<Answer> acknowledge(Node owner, String what, StringProperty operator) {
        return ask(owner, "Acknowledge", what, "Note", ACK_LENGTHS, operator, false);
    }

    public static Optional<Answer> maintain(Node owner, String what, StringProperty operator) {
        return ask(
                owner,
                "Put under maintenance",
                what,
                "Reason",
                MAINTENANCE_LENGTHS,
                operator,
                true);
    }

    private static Optional<Answer> ask(
            Node owner,
            String title,
            String what,
            String textLabel,
            Map<String, Duration> lengths,
            StringProperty operator,
            boolean effect) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(title);
        d.setHeaderText(title + ": " + what);
        if (owner != null && owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        TextField by = new TextField(operator.get());
        by.setId("handle-by");
        TextArea text = new TextArea();
        text.setId("handle-text");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        ComboBox<String> length = new ComboBox<>();
        length.setId("handle-length");
        length.getItems().setAll(lengths.keySet());
        length.getSelectionModel().selectFirst();
        // or typed: 2h, 90m, 06:30, 2026-12-05 06:30
        length.setEditable(true);
        length.setPromptText("2h, 06:30, …");
        Label problem = new Label();
        problem.getStyleClass().add("trial-problems");
        problem.setWrapText(true);
        ComboBox<String> hide = new ComboBox<>();
        hide.setId("handle-effect");
        hide.getItems().setAll("Badge: listed, tagged, silent", "Hide: not listed at all");
        hide.getSelectionModel().selectFirst();
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Operator"), by);
        g.addRow(1, new Label(textLabel), text);
        g.addRow(2, new Label("For"), length);
        g.add(problem, 1, 3);
        if (effect) {
            g.addRow(4, new Label("Effect"), hide);
        }
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        // what OK accepted is what is answered: read once, when OK is pressed
        HandleLength.Read[] accepted = new HandleLength.Read[1];
        d.getDialogPane()
                .lookupButton(ButtonType.OK)
                .addEventFilter(
                        javafx.event.ActionEvent.ACTION,
                        e -> {
                            HandleLength.Read r =
                                    HandleLength.parse(
                                            length.getEditor().getText(),
                                            lengths,
                                            java.time.Instant.now(),
                                            zone);
                            problem.setText(r.ok() ? "" : r.problem());
                            if (!r.ok()) {
                                e.consume();
                            }
                            accepted[0] = r;
                        });
        d.setOnShown(e -> text.requestFocus());
        Optional<ButtonType> chosen = d.showAndWait();
        if (chosen.isEmpty() || chosen.get() != ButtonType.OK) {
            return Optional.empty();
        }
        if (!by.getText().isBlank()) {
            operator.set(by.getText().trim());
        }
        return Optional.of(
                new Answer(
                        text.getText().trim(),
                        accepted[0].length(),
                        hide.getSelectionModel().getSelectedIndex() == 1
                                ? Silence.Effect.HIDE
                                : Silence.Effect.BADGE));
    }
}
