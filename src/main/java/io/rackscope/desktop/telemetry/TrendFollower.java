package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Trends;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.prometheus.Series;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A threshold check's forecasts on one Prometheus: it remembers the entities near their next
 * threshold (at WARN, or within the margin) as the check's reads show them, and asks only their
 * trend, in one query per group, so the cost is bounded like the {@code for:} follower's. An entity
 * leaves the set when a read shows it far from its threshold again, or without a sample.
 */
final class TrendFollower {
    static final String PART_LABEL = "rackscope_trend";

    private final Check check;
    private final String entityLabel;
    private final AppConfig.Forecast settings;
    private final Trends.Bar bar;
    private final long step;
    private final Set<String> candidates = new LinkedHashSet<>();
    private final List<Forecast> found = new ArrayList<>();

    private TrendFollower(
            Check check, String entityLabel, AppConfig.Forecast settings, long stepSeconds) {
        this.check = check;
        this.entityLabel = entityLabel;
        this.settings = settings;
        this.bar = new Trends.Bar(settings.minPoints(), settings.minFit(), settings.horizon());
        this.step = stepSeconds;
    }

    /** A follower for {@code check}, or null when it has no thresholds or forecasts are off. */
    static TrendFollower of(
            Check check, String entityLabel, AppConfig.Forecast settings, long stepSeconds) {
        if (!settings.enabled() || !Trends.forecastable(check)) {
            return null;
        }
        return new TrendFollower(check, entityLabel, settings, stepSeconds);
    }

    /** How near a threshold (a fraction of it) an entity's trend is asked. */
    double margin() {
        return settings.margin();
    }

    /** A new cycle: nothing forecast yet. */
    synchronized void startCycle() {
        found.clear();
    }

    /** What a read of {@code batch} found: each entity's worst value; the others have none. */
    synchronized void read(Collection<String> batch, Map<String, Double> worst) {
        for (String id : batch) {
            Double v = worst.get(id);
            if (v != null && Trends.near(check, v, settings.margin())) {
                candidates.add(id);
            } else {
                candidates.remove(id);
            }
        }
    }

    /** The entities whose trend this cycle asks. */
    synchronized List<String> candidates() {
        return new ArrayList<>(candidates);
    }

    /**
     * The query for {@code e} (the check's expression for a group of candidates): each entity's
     * worst value now, and its slope, spread and count of points over the window and over its last
     * third.
     */
    String query(String e) {
        String v = CheckQueries.worstPerEntity(e, check, entityLabel);
        long whole = settings.window().toSeconds();
        long recent = Math.max(step * 3, whole / 3);
        StringBuilder q = new StringBuilder(part(v, "value"));
        for (long w : new long[] {whole, recent}) {
            String sub = "(" + v + ")[" + w + "s:" + step + "s]";
            String suffix = w == whole ? "" : "_recent";
            q.append(" or ").append(part("deriv(" + sub + ")", "slope" + suffix));
            q.append(" or ").append(part("stddev_over_time(" + sub + ")", "sd" + suffix));
            q.append(" or ").append(part("count_over_time(" + sub + ")", "n" + suffix));
        }
        return q.toString();
    }

    private static final List<String> PARTS =
            List.of("value", "slope", "sd", "n", "slope_recent", "sd_recent", "n_recent");

    private static String part(String q, String name) {
        return "label_replace(" + q + ", \"" + PART_LABEL + "\", \"" + name + "\", \"\", \"\")";
    }

    /** Reads a group's answer: a forecast for each entity whose trend is steady and heading on. */
    synchronized void answer(List<Series> series, List<String> group) {
        Map<String, double[]> parts = new HashMap<>();
        for (Series s : series) {
            String id = s.label(entityLabel);
            int at = PARTS.indexOf(s.label(PART_LABEL));
            if (id == null || at < 0) {
                continue;
            }
            parts.computeIfAbsent(
                                    id,
                                    k -> {
                                        double[] p = new double[PARTS.size()];
                                        p[0] = Double.NaN;
                                        return p;
                                    })[at] =
                    s.value();
        }
        Map<String, Double> now = new HashMap<>();
        parts.forEach(
                (id, p) -> {
                    if (!Double.isNaN(p[0])) {
                        now.put(id, p[0]);
                    }
                });
        read(group, now);
        for (String id : group) {
            double[] p = parts.get(id);
            if (p == null || Double.isNaN(p[0])) {
                continue;
            }
            Trends.Trend whole = new Trends.Trend(p[0], p[1], p[2], (int) p[3], step);
            Trends.Trend recent = new Trends.Trend(p[0], p[4], p[5], (int) p[6], step);
            Trends.crossing(check, whole, recent, bar)
                    .ifPresent(
                            c -> {
                                Trends.Trend used =
                                        Trends.crossing(check, recent, bar).isPresent()
                                                ? recent
                                                : whole;
                                found.add(
                                        new Forecast(
                                                check.id(),
                                                id,
                                                null,
                                                null,
                                                null,
                                                c.severity(),
                                                c.etaSeconds(),
                                                used.value(),
                                                c.threshold(),
                                                used.slope(),
                                                used.fit()));
                            });
        }
    }

    /** This cycle's forecasts, about raw entity ids (placed by the assembler). */
    synchronized List<Forecast> forecasts() {
        return List.copyOf(found);
    }
}
