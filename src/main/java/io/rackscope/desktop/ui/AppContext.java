package io.rackscope.desktop.ui;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.metrics.MetricsService;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.alerts.AlertTracker;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every view model may use: the loaded configuration, the health feed, navigation, and the
 * services that fetch on demand. {@code planner} and {@code metrics} are null when there is no
 * Prometheus to ask (a render without --prometheus); views then show states only.
 */
public final class AppContext {
    private final RackscopeConfig config;
    private final HealthFeed feed;
    private final NavigationModel navigation = new NavigationModel();
    private final Locator locator;
    private final TelemetryPlanner planner;
    private final MetricsService metrics;
    private final AlertTracker alerts = new AlertTracker();
    private final ObjectProperty<Theme> theme =
            new SimpleObjectProperty<>(this, "theme", Theme.DARK);
    private final BooleanProperty colourBySlurm = new SimpleBooleanProperty(this, "colourBySlurm");
    private final ObjectProperty<String> selectedJob =
            new SimpleObjectProperty<>(this, "selectedJob");
    private final Clock clock;
    private AlertIndex alertIndex;

    public AppContext(
            RackscopeConfig config,
            HealthFeed feed,
            TelemetryPlanner planner,
            MetricsService metrics,
            Clock clock) {
        this.config = config;
        this.feed = feed;
        this.locator = new Locator(config.topology());
        this.planner = planner;
        this.metrics = metrics;
        this.clock = clock;
    }

    public RackscopeConfig config() {
        return config;
    }

    public HealthFeed feed() {
        return feed;
    }

    public NavigationModel navigation() {
        return navigation;
    }

    public Locator locator() {
        return locator;
    }

    public TelemetryPlanner planner() {
        return planner;
    }

    public MetricsService metrics() {
        return metrics;
    }

    /** The alert index of the current snapshot, built once per snapshot on first use. */
    public AlertIndex alertIndex() {
        HealthSnapshot s = feed.current();
        AlertIndex idx = alertIndex;
        if (idx == null || idx.version() != s.version()) {
            idx = new AlertIndex(s, config.topology());
            alertIndex = idx;
        }
        return idx;
    }

    public AlertTracker alerts() {
        return alerts;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Room, rack and wallboard views colour nodes by their Slurm state instead of their health. */
    public BooleanProperty colourBySlurmProperty() {
        return colourBySlurm;
    }

    /** The Slurm job whose nodes the floor, rack and wallboard views highlight; null for none. */
    public ObjectProperty<String> selectedJobProperty() {
        return selectedJob;
    }

    /** The instances of the selected job in the current snapshot (empty when none is selected). */
    public Set<String> selectedJobNodes() {
        String job = selectedJob.get();
        List<String> nodes = job == null ? null : feed.current().slurm().jobs().get(job);
        return nodes == null ? Set.of() : Set.copyOf(nodes);
    }

    public Palette palette() {
        return Palette.of(theme.get());
    }

    public Clock clock() {
        return clock;
    }
}
