package io.rackscope.desktop.ui.shell;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.ui.AppContext;
import io.rackscope.desktop.ui.Formats;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the status bar says: whether Prometheus answers (and why not), how old the data is, the last
 * cycle's time and query count, and the cache hit ratio. {@link #tick()} refreshes the age once a
 * second.
 */
public final class StatusViewModel {
    private final AppContext ctx;
    private String notice;
    private final ReadOnlyObjectWrapper<Severity> health =
            new ReadOnlyObjectWrapper<>(this, "health", Severity.UNKNOWN);
    private final ReadOnlyStringWrapper prometheus =
            new ReadOnlyStringWrapper(this, "prometheus", "Prometheus: connecting…");
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper(this, "age", "no data yet");
    private final ReadOnlyStringWrapper cycle = new ReadOnlyStringWrapper(this, "cycle", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private long previousQueries = -1;

    public StatusViewModel(AppContext ctx, String notice) {
        this.ctx = ctx;
        this.notice = notice == null ? "" : notice;
        banner.set(this.notice);
        ctx.feed().snapshotProperty().addListener((o, a, s) -> apply(s));
        if (ctx.feed().current().version() > 0) {
            apply(ctx.feed().current());
        }
    }

    private void apply(HealthSnapshot s) {
        Map<String, Object> stats = s.stats();
        long queries = number(stats.get("query_count"));
        long perCycle = previousQueries < 0 ? queries : queries - previousQueries;
        previousQueries = queries;
        long hits = number(stats.get("cache_hits")) + number(stats.get("query_cache_hits"));
        long misses = number(stats.get("cache_misses")) + number(stats.get("query_cache_misses"));
        String ratio = hits + misses == 0 ? "—" : Math.round(100.0 * hits / (hits + misses)) + " %";
        cycle.set(
                "cycle "
                        + s.cycleTime().toMillis()
                        + " ms · "
                        + perCycle
                        + " queries · cache "
                        + ratio);
        String url =
                ctx.planner() == null ? "" : " " + ctx.config().app().telemetry().prometheusUrl();
        if (s.errors().isEmpty()) {
            health.set(Severity.OK);
            prometheus.set("Prometheus reachable");
            banner.set(notice);
        } else {
            boolean all =
                    s.staleEntities().size() + s.nodes().size() > 0
                            && s.errors().size() >= ctx.config().checks().size();
            health.set(all ? Severity.CRIT : Severity.WARN);
            String reason = commonReason(s.errors());
            prometheus.set((all ? "Prometheus unreachable: " : "Some checks failed: ") + reason);
            boolean same = !reason.equals(s.errors().get(0));
            banner.set(
                    (notice.isEmpty() ? "" : notice + "  ")
                            + (all
                                    ? "No fresh data — showing the last known states with their age. "
                                    : "")
                            + reason
                            + (s.errors().size() > 1 && !same
                                    ? "  (+" + (s.errors().size() - 1) + " more)"
                                    : ""));
        }
        tick();
    }

    void addNotice(String text) {
        notice = notice.isEmpty() ? text : notice + "  " + text;
        banner.set(banner.get().isEmpty() ? text : banner.get() + "  " + text);
    }

    public void tick() {
        HealthSnapshot s = ctx.feed().current();
        if (s.version() == 0) {
            return;
        }
        Duration dataAge = Duration.between(s.takenAt(), ctx.clock().instant());
        int staleAfter = ctx.config().app().kiosk().staleAfterSeconds();
        if (staleAfter > 0 && dataAge.toSeconds() > staleAfter) {
            health.set(Severity.CRIT);
            banner.set(
                    "STALE: no fresh data for "
                            + Formats.age(dataAge)
                            + " — showing the last known states. "
                            + (s.errors().isEmpty() ? "" : s.errors().get(0)));
        }
        Instant last = s.staleSince().values().stream().min(Instant::compareTo).orElse(s.takenAt());
        age.set(
                "updated "
                        + Formats.ago(s.takenAt(), ctx.clock().instant())
                        + (s.staleEntities().isEmpty()
                                ? ""
                                : " · oldest data "
                                        + Formats.age(
                                                Duration.between(last, ctx.clock().instant()))));
    }

    /**
     * Errors read "check: reason"; when every check failed for the same reason, the reason alone.
     */
    static String commonReason(List<String> errors) {
        Set<String> reasons = new HashSet<>();
        for (String e : errors) {
            int colon = e.indexOf(": ");
            reasons.add(colon < 0 ? e : e.substring(colon + 2));
        }
        return reasons.size() == 1 && errors.size() > 1 ? reasons.iterator().next() : errors.get(0);
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    public ReadOnlyObjectProperty<Severity> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty prometheusProperty() {
        return prometheus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cycleProperty() {
        return cycle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }
}
