package io.rackscope.desktop.ui.shell;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.Tone;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The window's status bar, bound to the status view model. */
final class StatusBar {
    private StatusBar() {}

    /**
     * The status bar: connection, data age and cycle on the left, the legend and the clock on the
     * right; the cycle's figures give way first when the bar is narrow.
     */
    static Node of(StatusViewModel status, boolean slurm) {
        Region dot = Severities.styled(new Region(), Severity.UNKNOWN, "sev-fill", "status-dot");
        Severities.apply(dot, status.healthProperty().get());
        status.healthProperty().addListener((o, a, h) -> Severities.apply(dot, h));
        Label prom = new Label();
        prom.setId("status-prometheus");
        // the headline only, never cut; the reason is in the banner and the tooltip
        prom.textProperty().bind(status.headlineProperty());
        Tooltip promTip = new Tooltip();
        promTip.textProperty().bind(status.prometheusProperty());
        prom.setTooltip(promTip);
        Label age = new Label();
        age.setId("status-age");
        age.textProperty().bind(status.ageProperty());
        Label cycle = new Label();
        cycle.setId("status-cycle");
        cycle.textProperty().bind(status.cycleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox legend = new HBox(10);
        legend.setId("legend");
        legend.setAlignment(Pos.CENTER_RIGHT);
        for (Severity s : List.of(Severity.OK, Severity.WARN, Severity.CRIT, Severity.UNKNOWN)) {
            Region sw = Severities.styled(new Region(), s, "sev-fill", "legend-swatch");
            legend.getChildren().add(new HBox(4, sw, new Label(s.name())));
        }
        Region stale = Severities.styled(new Region(), Severity.OK, "sev-fill", "legend-swatch");
        Severities.apply(stale, Severity.OK, true);
        legend.getChildren().add(new HBox(4, stale, new Label("STALE")));
        Region handled =
                Severities.styled(new Region(), Severity.CRIT, "sev-fill", "legend-swatch");
        handled.getStyleClass().add("legend-handled");
        Label handledText = new Label("HANDLED");
        Tooltip.install(
                handledText,
                new Tooltip("Hatched: every alert there is acknowledged or under maintenance"));
        legend.getChildren().add(new HBox(4, handled, handledText));
        if (slurm) {
            Region info = Severities.styled(new Region(), Severity.OK, "sev-fill", "legend-swatch");
            Severities.apply(info, Tone.INFO);
            legend.getChildren().add(new HBox(4, info, new Label("INFO (Slurm)")));
        }
        legend.getChildren().forEach(n -> ((HBox) n).setAlignment(Pos.CENTER));
        Label now = new Label();
        now.setId("status-clock");
        now.textProperty().bind(status.timeProperty());
        // the legend, the data age and the clock never shrink; the long texts give way (the banner
        // says them in full)
        for (Region r : List.of(legend, age, now, dot)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        prom.setMinWidth(Region.USE_PREF_SIZE);
        cycle.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(dot, prom, age, cycle, spacer, legend, now);
        bar.getStyleClass().add("status-bar");
        // the cycle's figures are the first to go when the bar is narrow: whole, never cut
        javafx.beans.InvalidationListener room =
                o -> {
                    double need = bar.getInsets().getLeft() + bar.getInsets().getRight();
                    for (Node n : bar.getChildren()) {
                        if (n != spacer) {
                            need += n.prefWidth(-1) + bar.getSpacing();
                        }
                    }
                    boolean fits = bar.getWidth() <= 0 || need <= bar.getWidth();
                    cycle.setVisible(fits);
                    cycle.setManaged(fits);
                };
        bar.widthProperty().addListener(room);
        cycle.textProperty().addListener(room);
        age.textProperty().addListener(room);
        prom.textProperty().addListener(room);
        return bar;
    }
}
