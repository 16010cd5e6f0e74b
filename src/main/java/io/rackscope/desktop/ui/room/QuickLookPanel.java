package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.Severities;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The floor's quick look at one rack, beside the floor: its name and state, a mini elevation (each
 * device at its U in its state's colour), its failing checks with values and its metrics now; Open
 * goes to the rack, ✕ closes.
 */
final class QuickLookPanel extends VBox {
    private static final double U_PX = 6;
    private final RoomFloorViewModel model;

    QuickLookPanel(RoomFloorViewModel model) {
        super(8);
        this.model = model;
        setId("quick-look");
        getStyleClass().add("panel");
        setPadding(new Insets(10));
        setPrefWidth(300);
        setMinWidth(300);
        setMaxWidth(300);
        model.selectedProperty().addListener((o, a, r) -> show(r));
        model.revisionProperty().addListener(o -> show(model.selectedProperty().get()));
        show(model.selectedProperty().get());
    }

    private void show(Rack r) {
        setVisible(r != null);
        setManaged(r != null);
        if (r == null) {
            getChildren().clear();
            return;
        }
        QuickLook q = model.quickLook(r);
        Label name = new Label(r.name());
        name.getStyleClass().add("subtitle");
        name.setWrapText(true);
        Label state = Severities.styled(new Label(q.state().name()), q.state(), "sev-badge");
        state.setMinWidth(Region.USE_PREF_SIZE);
        Button close = new Button("✕");
        close.setId("quick-look-close");
        close.getStyleClass().add("nav-button");
        close.setOnAction(e -> model.select(null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, name, state, spacer, close);
        head.setAlignment(Pos.CENTER_LEFT);
        Label facts = new Label(q.facts());
        facts.getStyleClass().add("muted");
        Label handled = new Label(q.handled() == null ? "" : model.handledText(q.handled()));
        handled.setId("quick-look-handled");
        handled.getStyleClass().add("handled-note");
        handled.setWrapText(true);
        handled.setVisible(q.handled() != null);
        handled.setManaged(q.handled() != null);
        if (q.handled() != null) {
            state.setText(q.state().name() + (q.handled().acknowledged() ? " · ack" : " · maint."));
        }
        Button open = new Button("Open rack");
        open.setId("quick-look-open");
        open.getStyleClass().add("nav-button");
        open.setOnAction(e -> model.open(r));
        VBox failing = new VBox(2);
        if (q.failing().isEmpty()) {
            failing.getChildren().add(muted("No failing checks"));
        }
        q.failing().forEach(line -> failing.getChildren().add(new Label(line)));
        VBox metrics = new VBox(2);
        model.metricsNow(r)
                .thenAccept(
                        lines ->
                                Platform.runLater(
                                        () -> {
                                            if (r.equals(model.selectedProperty().get())) {
                                                metrics.getChildren().clear();
                                                if (lines.isEmpty()) {
                                                    metrics.getChildren()
                                                            .add(
                                                                    muted(
                                                                            "No rack metric has a sample now"));
                                                }
                                                lines.forEach(
                                                        l ->
                                                                metrics.getChildren()
                                                                        .add(new Label(l)));
                                            }
                                        }));
        VBox body = new VBox(8, elevation(q), subtitle("Failing checks"), failing);
        if (!q.forecasts().isEmpty()) {
            VBox forecasts = new VBox(2);
            forecasts.setId("quick-look-forecasts");
            q.forecasts().forEach(line -> forecasts.getChildren().add(wrapped(line)));
            body.getChildren().addAll(subtitle("Forecast"), forecasts);
        }
        body.getChildren().addAll(subtitle("Metrics now"), metrics);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().setAll(head, facts, handled, open, scroll);
    }

    /** Each device at its U, in its state's colour, the empty U dim. */
    private Canvas elevation(QuickLook q) {
        Canvas c = new Canvas(120, q.uHeight() * U_PX + 4);
        GraphicsContext g = c.getGraphicsContext2D();
        Palette p = model.palette();
        g.setFill(p.token("-rack-frame"));
        g.fillRect(0, 0, c.getWidth(), c.getHeight());
        g.setFill(p.token("-rack-empty"));
        g.fillRect(6, 2, c.getWidth() - 12, q.uHeight() * U_PX);
        for (QuickLook.DeviceBar d : q.devices()) {
            double top = (q.uHeight() - (d.uPosition() + d.uHeight() - 1)) * U_PX + 2;
            g.setFill(p.severity(d.state()));
            g.fillRect(7, top + 0.5, c.getWidth() - 14, d.uHeight() * U_PX - 1);
        }
        return c;
    }

    private static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subtitle");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }
}
