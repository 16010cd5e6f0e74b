package io.rackscope.desktop.ui.device;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.CheckState;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.ui.ChartSource;
import io.rackscope.desktop.ui.CheckValues;
import io.rackscope.desktop.ui.ForecastText;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.LastSamples;
import io.rackscope.desktop.ui.PlaceHandling;
import io.rackscope.desktop.ui.SampleTimes;
import io.rackscope.desktop.ui.ShownClock;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.ViewOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A device's checks for each of its instances (and the chassis), with states from the snapshot and
 * the current values of healthy checks fetched on demand, since the filtered cycle leaves those at
 * Prometheus.
 */
public final class DeviceViewModel {
    private final RackscopeConfig config;
    private final HealthSource health;
    private final CheckValues values;
    private final ChartSource charts;
    private final ViewOptions options;
    private final Clock clock;
    private final Device device;
    private final List<Check> checks;
    private final Map<String, ReadOnlyObjectWrapper<List<CheckRow>>> rows = new LinkedHashMap<>();
    private final Map<String, Double> currentValues = new ConcurrentHashMap<>();
    private final Subscriptions subscriptions = new Subscriptions();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    private final PlaceHandling handling;
    private final LastSamples lastSamples;

    /** Acknowledging and maintenance from a right-click on a node's tab. */
    public PlaceHandling handling() {
        return handling;
    }

    private void askLastSamples(HealthSnapshot s) {
        for (Check c : checks) {
            lastSamples.update(s, c, targetsOf(c));
        }
    }

    /** The ids {@code c}'s series of this device carry. */
    private List<String> targetsOf(Check c) {
        return switch (c.scope()) {
            case NODE -> device.instanceIds();
            case CHASSIS -> List.of(device.id());
            case RACK -> List.of(device.rackId());
        };
    }

    public DeviceViewModel(
            RackscopeConfig config,
            Device device,
            HealthSource health,
            CheckValues values,
            ChartSource charts,
            ViewOptions options,
            Clock clock,
            PlaceHandling handling,
            SampleTimes sampleTimes) {
        this.handling = handling;
        this.config = config;
        this.health = health;
        this.values = values;
        this.charts = charts;
        this.options = options;
        this.clock = new ShownClock(health, clock);
        this.lastSamples =
                new LastSamples(
                        config.app().alerts().sinceLookback(),
                        this.clock,
                        sampleTimes,
                        () -> rebuild(health.current()));
        this.device = device;
        this.checks = config.checksFor(device);
        for (String entity : entities()) {
            rows.put(entity, new ReadOnlyObjectWrapper<>(List.of()));
        }
        subscriptions.onChange(health.snapshotProperty(), (o, a, s) -> refresh(s));
        refresh(health.current());
    }

    /** The instances of the device, or the device itself when it has none. */
    public List<String> entities() {
        List<String> out = new ArrayList<>();
        out.addAll(device.instanceIds());
        if (out.isEmpty()) {
            out.add(device.key());
        }
        return out;
    }

    public Device device() {
        return device;
    }

    public ReadOnlyObjectProperty<List<CheckRow>> rows(String entity) {
        return rows.get(entity).getReadOnlyProperty();
    }

    private void refresh(HealthSnapshot s) {
        askLastSamples(s);
        rebuild(s);
        revision.set(revision.get() + 1);
        for (Check c : checks) {
            List<String> ids = targetsOf(c);
            if (ids.isEmpty()) {
                continue;
            }
            values.valuesAt(c, ids, clock.instant())
                    .thenAccept(
                            v -> {
                                v.forEach(
                                        (id, value) -> currentValues.put(c.id() + "/" + id, value));
                                Platform.runLater(() -> rebuild(health.current()));
                            });
        }
    }

    private void rebuild(HealthSnapshot s) {
        Map<String, Instant> since = new HashMap<>();
        s.alertsOfDevice(device.key()).forEach(a -> since.put(a.key(), a.since()));
        s.alertsOfRack(device.rackKey()).forEach(a -> since.putIfAbsent(a.key(), a.since()));
        for (String entity : rows.keySet()) {
            List<CheckRow> list = new ArrayList<>();
            for (Check c : checks) {
                String target =
                        switch (c.scope()) {
                            case NODE -> entity;
                            case CHASSIS -> device.id();
                            case RACK -> device.rackId();
                        };
                String alerting =
                        switch (c.scope()) {
                            case NODE -> entity;
                            case CHASSIS -> device.key();
                            case RACK -> device.rackKey();
                        };
                list.add(
                        row(s, c, target, since.get(Alert.key(c.id(), alerting)))
                                .withForecast(
                                        s.forecast(c.id(), alerting)
                                                .map(ForecastText::line)
                                                .orElse("")));
            }
            if (!list.equals(rows.get(entity).get())) {
                rows.get(entity).set(List.copyOf(list));
            }
        }
    }

    /** {@code target}: the id the check's series carry; {@code since}: its alert's start. */
    private CheckRow row(HealthSnapshot s, Check c, String target, Instant since) {
        CheckState st = s.stateOf(c.id(), target);
        double value =
                Double.isNaN(st.value())
                        ? currentValues.getOrDefault(c.id() + "/" + target, Double.NaN)
                        : st.value();
        String why =
                switch (st.reason()) {
                    case NOT_EVALUATED -> "not evaluated yet";
                    case NO_SAMPLE -> lastSamples.noSample(c, target);
                    case QUERY_FAILED ->
                            st.severity() == Severity.UNKNOWN && !st.stale()
                                    ? "query failed, nothing known"
                                    : "";
                    default -> "";
                };
        if (st.reason() == CheckState.Reason.NO_SAMPLE && since == null) {
            since = lastSamples.lastOf(c, target);
        }
        Severity sev = st.severity();
        boolean stale = st.stale();
        return new CheckRow(
                c.id(),
                c.name(),
                sev,
                value,
                c.scope().name().toLowerCase(Locale.ROOT),
                since,
                stale,
                why,
                "");
    }

    /**
     * How {@code entity}'s alerts are handled when every one of them is (acknowledged or under
     * maintenance), else null: the tab keeps its true colour, hatched, and says by whom.
     */
    public Handled handled(String entity) {
        HealthSnapshot s = health.current();
        Handled out = null;
        for (Alert a : s.alerts()) {
            if (a.entity().equals(entity)) {
                Handled h = s.handling().alert(a);
                if (h == null) {
                    return null;
                }
                out = h;
            }
        }
        return out;
    }

    public Map<String, Severity> states() {
        Map<String, Severity> out = new HashMap<>();
        HealthSnapshot s = health.current();
        for (String e : rows.keySet()) {
            out.put(
                    e,
                    device.instances().isEmpty()
                            ? s.devices().getOrDefault(device.key(), Severity.UNKNOWN)
                            : s.node(e));
        }
        return out;
    }

    public String title() {
        return device.name();
    }

    public Severity state() {
        return health.current().device(device.key());
    }

    /** "Compute node 1U · U12 front · 4 instance(s)". */
    public String facts() {
        String template =
                config.templates()
                        .device(device.templateId())
                        .map(t -> t.name())
                        .orElse(device.templateId());
        return template
                + " · U"
                + device.uPosition()
                + " "
                + device.face().name().toLowerCase(Locale.ROOT)
                + " · "
                + device.instances().size()
                + " instance(s)";
    }

    public int checkCount() {
        return checks.size();
    }

    /**
     * One chart model per metric definition of the device's template, for {@code entity}: a range
     * chosen on one is taken by every other that offers it, so the charts of a page line up.
     */
    public List<MetricChartViewModel> charts(String entity) {
        List<MetricChartViewModel> out = new ArrayList<>();
        for (MetricDefinition m : config.metricsFor(device)) {
            out.add(new MetricChartViewModel(m, seriesId(entity), charts, options, clock));
        }
        for (MetricChartViewModel m : out) {
            m.rangeProperty()
                    .addListener((o, before, range) -> out.forEach(other -> other.offer(range)));
        }
        return out;
    }

    /** The id an entity's series carry: an instance's own, or the device's id. */
    public String seriesId(String entity) {
        return entity.equals(device.key()) ? device.id() : entity;
    }

    /** Grows by one per snapshot (tab headers repaint on it). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public Instant now() {
        return clock.instant();
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
