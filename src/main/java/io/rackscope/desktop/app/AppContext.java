package io.rackscope.desktop.app;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.live.AlertHandling;
import io.rackscope.desktop.ui.ChartSource;
import io.rackscope.desktop.ui.CheckValues;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.JournalHistory;
import io.rackscope.desktop.ui.JournalMarks;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.SampleTimes;
import io.rackscope.desktop.ui.TimeTravel;
import io.rackscope.desktop.ui.ViewOptions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where the window is assembled: the loaded configuration, the health feed, navigation, the shared
 * view options and the on-demand services. Only the assembly ({@link ViewFactory}, {@link
 * DesktopApp}, {@link ViewRenderer}) holds it; view models receive the ports they need from it.
 */
public final class AppContext {
    /** Charts when there is no Prometheus to ask (a render without --prometheus). */
    public static final ChartSource NO_CHARTS =
            (metric, entity, range, width, now) ->
                    CompletableFuture.failedFuture(
                            new IllegalStateException(
                                    "no Prometheus to ask: charts need a Prometheus URL"));

    /** Charts and metric values from {@code metrics}, its batched values included. */
    public static ChartSource charts(io.rackscope.desktop.telemetry.MetricsService metrics) {
        return new ChartSource() {
            @Override
            public CompletableFuture<io.rackscope.desktop.metrics.ChartData> range(
                    io.rackscope.desktop.metrics.MetricDefinition metric,
                    String entity,
                    java.time.Duration range,
                    int widthPixels,
                    java.time.Instant now) {
                return metrics.range(metric, entity, range, widthPixels, now);
            }

            @Override
            public CompletableFuture<Map<String, Double>> valuesAt(
                    io.rackscope.desktop.metrics.MetricDefinition metric,
                    java.util.List<String> entities,
                    java.time.Instant at) {
                return metrics.valuesAt(metric, entities, at);
            }

            @Override
            public CompletableFuture<Map<String, Double>> peaksAt(
                    io.rackscope.desktop.metrics.MetricDefinition metric,
                    java.util.List<String> entities,
                    java.time.Instant at,
                    java.time.Duration range) {
                return metrics.peaksAt(metric, entities, at, range);
            }
        };
    }

    /** Values when there is no Prometheus to ask. */
    public static final CheckValues NO_VALUES =
            (check, ids, at) -> CompletableFuture.completedFuture(Map.of());

    private final RackscopeConfig config;
    private final HealthSource health;
    private final NavigationModel navigation = new NavigationModel();
    private final Locator locator;
    private final ViewOptions options = new ViewOptions();
    private final ChartSource charts;
    private final CheckValues values;
    private final Clock clock;
    private final Kept kept;

    /**
     * What a window keeps besides health: acknowledgements and maintenances, when entities last had
     * samples, the incident journal (its marks on the time control and its History list), and the
     * estate's files being edited.
     */
    public record Kept(
            AlertHandling handling,
            SampleTimes sampleTimes,
            JournalMarks journal,
            JournalHistory history,
            EstateEditing editing) {
        public static final Kept NONE =
                new Kept(
                        AlertHandling.NONE,
                        SampleTimes.NONE,
                        JournalMarks.NONE,
                        JournalHistory.NONE,
                        EstateEditing.NONE);
    }

    /** A context that keeps nothing besides health (renders, tests). */
    public AppContext(
            RackscopeConfig config,
            HealthSource health,
            ChartSource charts,
            CheckValues values,
            Clock clock) {
        this(config, health, charts, values, clock, Kept.NONE);
    }

    public AppContext(
            RackscopeConfig config,
            HealthSource health,
            ChartSource charts,
            CheckValues values,
            Clock clock,
            Kept kept) {
        this.config = config;
        this.health = health;
        this.locator = new Locator(config.topology());
        this.charts = charts == null ? NO_CHARTS : charts;
        this.values = values == null ? NO_VALUES : values;
        this.clock = clock;
        this.kept = kept;
    }

    public RackscopeConfig config() {
        return config;
    }

    /**
     * Another screen of the same window: the same health, charts, values and stores (one planner
     * for all), its own place and options.
     */
    public AppContext anotherScreen() {
        AppContext other = new AppContext(config, health, charts, values, clock, kept);
        other.override = override;
        return other;
    }

    /** The Prometheus this window asks instead of app.yaml's (given with --prometheus). */
    private String override;

    void override(String url) {
        this.override = url;
    }

    public java.util.Optional<String> override() {
        return java.util.Optional.ofNullable(override);
    }

    public HealthSource health() {
        return health;
    }

    /**
     * The incident journal the time control marks on its slider (none unless the window keeps one).
     */
    public JournalMarks journal() {
        return kept.journal();
    }

    /** Acknowledging and maintenance (none unless the window keeps a store). */
    public AlertHandling handling() {
        return kept.handling();
    }

    /** When entities last had samples (nothing known unless a Prometheus is asked). */
    /** The estate's files being edited ({@link EstateEditing#NONE} where nothing is edited). */
    public EstateEditing editing() {
        return kept.editing();
    }

    public SampleTimes sampleTimes() {
        return kept.sampleTimes();
    }

    /** The incident journal the alerts page lists under History (empty unless one is kept). */
    public JournalHistory history() {
        return kept.history();
    }

    /** The time control's port: the feed when it can look back, otherwise always live. */
    public TimeTravel time() {
        return health instanceof TimeTravel t && t.canLookBack() ? t : TimeTravel.NONE;
    }

    public NavigationModel navigation() {
        return navigation;
    }

    public Locator locator() {
        return locator;
    }

    public ViewOptions options() {
        return options;
    }

    public ChartSource charts() {
        return charts;
    }

    public CheckValues values() {
        return values;
    }

    public Clock clock() {
        return clock;
    }
}
