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

    /** The query for {@code e} (the check's expression for a group of candidates). */
    String query(String e) {
        String v = CheckQueries.worstPerEntity(e, check, entityLabel);
        String window = "[" + settings.window().toSeconds() + "s:" + step + "s]";
        String sub = "(" + v + ")" + window;
        return part(v, "value")
                + " or "
                + part("deriv(" + sub + ")", "slope")
                + " or "
                + part("stddev_over_time(" + sub + ")", "sd")
                + " or "
                + part("count_over_time(" + sub + ")", "n");
    }

    private static String part(String q, String name) {
        return "label_replace(" + q + ", \"" + PART_LABEL + "\", \"" + name + "\", \"\", \"\")";
    }

    /** Reads a group's answer: a forecast for each entity whose trend is steady and heading on. */
    synchronized void answer(List<Series> series, List<String> group) {
        Map<String, double[]> parts = new HashMap<>();
        for (Series s : series) {
            String id = s.label(entityLabel);
            String part = s.label(PART_LABEL);
            if (id == null || part == null) {
                continue;
            }
            double[] p = parts.computeIfAbsent(id, k -> new double[] {Double.NaN, 0, 0, 0});
            switch (part) {
                case "value" -> p[0] = s.value();
                case "slope" -> p[1] = s.value();
                case "sd" -> p[2] = s.value();
                case "n" -> p[3] = s.value();
                default -> {}
            }
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
            Trends.Trend trend = new Trends.Trend(p[0], p[1], p[2], (int) p[3], step);
            Trends.crossing(check, trend, bar)
                    .ifPresent(
                            c ->
                                    found.add(
                                            new Forecast(
                                                    check.id(),
                                                    id,
                                                    null,
                                                    null,
                                                    null,
                                                    c.severity(),
                                                    c.etaSeconds(),
                                                    trend.value(),
                                                    c.threshold(),
                                                    trend.slope(),
                                                    trend.fit())));
        }
    }

    /** This cycle's forecasts, about raw entity ids (placed by the assembler). */
    synchronized List<Forecast> forecasts() {
        return List.copyOf(found);
    }
}
