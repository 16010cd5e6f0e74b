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
 * trend, in two queries per group (the values now, the window's points), so the cost is bounded
 * like the {@code for:} follower's. An entity leaves the set when a read shows it far from its
 * threshold again, or without a sample.
 */
final class TrendFollower {
    static final String PART_LABEL = "rackscope_trend";

    private final Check check;
    // which way is worse: 1 higher, -1 lower
    private final int direction;
    private final String entityLabel;
    private final AppConfig.Forecast settings;
    private final Trends.Bar bar;
    private final long step;
    private final Set<String> candidates = new LinkedHashSet<>();
    private final List<Forecast> found = new ArrayList<>();
    // a trend changes slowly: a forecast candidate's is asked again only every refresh seconds
    // (between, its forecast stands, its time to go counted down); one without a forecast only
    // every recent third of the window, as a rise younger than that is not steady enough to tell
    private final long refresh;
    private final Map<String, Long> askedAt = new HashMap<>();
    private final Map<String, Forecast> kept = new HashMap<>();
    private long cycleAt;
    private volatile boolean raw;

    private TrendFollower(
            Check check, String entityLabel, AppConfig.Forecast settings, long stepSeconds) {
        this.check = check;
        this.direction = Trends.direction(check);
        this.entityLabel = entityLabel;
        this.settings = settings;
        this.bar = new Trends.Bar(settings.minPoints(), settings.minFit(), settings.horizon());
        this.step = stepSeconds;
        this.refresh = Math.max(stepSeconds, settings.window().toSeconds() / 10);
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

    /** A new cycle at {@code atSeconds}: nothing forecast yet. */
    synchronized void startCycle(long atSeconds) {
        found.clear();
        cycleAt = atSeconds;
    }

    /** What a read of {@code batch} found: each entity's worst value; the others have none. */
    synchronized void read(Collection<String> batch, Map<String, Double> worst) {
        for (String id : batch) {
            Double v = worst.get(id);
            if (v != null && Trends.near(check, v, settings.margin())) {
                candidates.add(id);
            } else if (candidates.remove(id)) {
                askedAt.remove(id);
                kept.remove(id);
            }
        }
    }

    /** What a read of {@code batch} found: its series, each entity taking its worst sample. */
    synchronized void readSeries(Collection<String> batch, List<Series> series) {
        Map<String, Double> worst = new HashMap<>();
        for (Series x : series) {
            String id = x.label(entityLabel);
            if (id != null && batch.contains(id)) {
                worse(worst, id, x.value());
            }
        }
        read(batch, worst);
    }

    /** Keeps in {@code worst} the worse of its value for {@code id} and {@code v} (NaN: none). */
    private void worse(Map<String, Double> worst, String id, double v) {
        if (!Double.isNaN(v)) {
            worst.merge(id, v, (a, b) -> direction * b > direction * a ? b : a);
        }
    }

    /** The entities whose trend this cycle asks: those not asked within their refresh. */
    synchronized List<String> candidates() {
        List<String> due = new ArrayList<>();
        for (String id : candidates) {
            Long at = askedAt.get(id);
            long every = kept.containsKey(id) ? refresh : recent();
            if (at == null || Math.abs(cycleAt - at) >= every) {
                due.add(id);
            }
        }
        return due;
    }

    /**
     * The query of the group's values now, for the check's expression {@code e} over a group of
     * candidates: each series' value (a plain selector as scraped; any other expression per entity,
     * its worst sample, {@code max by}).
     */
    String valueQuery(String e) {
        return "label_replace(" + perSeries(e) + ", \"" + PART_LABEL + "\", \"value\", \"\", \"\")";
    }

    /**
     * The query of the group's points over the window, read once: a plain selector's scraped
     * samples (a range vector: no expression evaluated again); any other expression through a
     * subquery at the scrape step, which evaluates it once per step. The slope, spread, count and
     * the fitted line's value now, over the window and its last third, are reckoned from these
     * points here, as Prometheus' {@code deriv}, {@code stddev_over_time}, {@code count_over_time}
     * and {@code predict_linear(…, 0)} would: asking those eight of Prometheus read the window
     * eight times.
     */
    String pointsQuery(String e) {
        boolean plain = plainSelector(e);
        raw = plain;
        long whole = settings.window().toSeconds();
        return plain
                ? e + "[" + whole + "s]"
                : "("
                        + CheckQueries.worstPerEntity(e, check, entityLabel)
                        + ")["
                        + whole
                        + "s:"
                        + step
                        + "s]";
    }

    private String perSeries(String e) {
        return plainSelector(e) ? e : CheckQueries.worstPerEntity(e, check, entityLabel);
    }

    /**
     * Whether {@code e} is a metric name with at most one set of matchers and nothing around it
     * (scanned, not matched with a regex: a batch's matcher runs to kilobytes).
     */
    static boolean plainSelector(String e) {
        String t = e.strip();
        int i = 0;
        while (i < t.length()
                && (Character.isLetterOrDigit(t.charAt(i)) || "_:".indexOf(t.charAt(i)) >= 0)) {
            i++;
        }
        if (i == 0 || Character.isDigit(t.charAt(0))) {
            return false;
        }
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        if (i == t.length()) {
            return true;
        }
        if (t.charAt(i) != '{') {
            return false;
        }
        boolean quoted = false;
        for (i++; i < t.length(); i++) {
            char c = t.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '{' || c == '(')) {
                return false;
            } else if (!quoted && c == '}') {
                return i == t.length() - 1;
            }
        }
        return false;
    }

    /** A series' labels without its name: how a value and its points are matched. */
    private static Map<String, String> key(Series s) {
        Map<String, String> key = new HashMap<>(s.labels());
        key.remove(PART_LABEL);
        key.remove("__name__");
        return key;
    }

    /**
     * Reads a group's answers ({@link #valueQuery} and {@link #pointsQuery} at {@code atSeconds}):
     * a crossing per series whose trend is steady and heading on, the soonest per entity.
     */
    synchronized void answer(
            List<Series> values, List<Series> points, List<String> group, double atSeconds) {
        Map<Map<String, String>, Series> window = new HashMap<>();
        for (Series s : points) {
            window.put(key(s), s);
        }
        Map<String, Double> worst = new HashMap<>();
        Map<String, Forecast> soonest = new HashMap<>();
        for (Series v : values) {
            Map<String, String> key = key(v);
            String id = key.get(entityLabel);
            if (id == null || Double.isNaN(v.value())) {
                continue;
            }
            worse(worst, id, v.value());
            Series pts = window.get(key);
            double[] ts = pts == null ? new double[0] : pts.timestamps();
            double[] vs = pts == null ? new double[0] : pts.values();
            Trends.Trend whole = trend(v.value(), ts, vs, atSeconds - window(), window());
            Trends.Trend recent = trend(v.value(), ts, vs, atSeconds - recent(), recent());
            Trends.crossing(check, whole, recent, bar)
                    .map(c -> forecast(id, c))
                    .ifPresent(
                            f ->
                                    soonest.merge(
                                            id,
                                            f,
                                            (a, b) -> b.etaSeconds() < a.etaSeconds() ? b : a));
        }
        read(group, worst);
        for (String id : group) {
            askedAt.put(id, cycleAt);
            Forecast f = soonest.get(id);
            if (f != null) {
                kept.put(id, f);
                found.add(f);
            } else {
                kept.remove(id);
            }
        }
    }

    /**
     * How far apart a window's points lie: the step of a subquery's; a scraped series' spread over
     * the window, whatever its scrape interval.
     */
    private double spacing(long windowSeconds, double points) {
        return raw && points > 1 ? (double) windowSeconds / points : step;
    }

    private long window() {
        return settings.window().toSeconds();
    }

    /**
     * The trend of the points at or after {@code fromSeconds} (a range selector's points, its start
     * included) with the line's value at {@code fromSeconds + lengthSeconds}: now.
     */
    private Trends.Trend trend(
            double value, double[] ts, double[] vs, double fromSeconds, long lengthSeconds) {
        int first = 0;
        while (first < ts.length && ts[first] < fromSeconds) {
            first++;
        }
        Trends.Line line = Trends.Line.through(ts, vs, first, fromSeconds + lengthSeconds);
        return new Trends.Trend(
                value,
                line.slope(),
                line.stddev(),
                line.points(),
                spacing(lengthSeconds, line.points()),
                line.level());
    }

    private long recent() {
        return Math.max(step * 3, settings.window().toSeconds() / 3);
    }

    private Forecast forecast(String id, Trends.Crossing c) {
        Trends.Trend used = c.trend();
        return new Forecast(
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
                used.fit());
    }

    /**
     * This cycle's forecasts, about raw entity ids (placed by the assembler): those asked now, and
     * for the candidates not asked this cycle their last one, counted down to this moment.
     */
    synchronized List<Forecast> forecasts() {
        List<Forecast> out = new ArrayList<>(found);
        Set<String> asked = new java.util.HashSet<>();
        found.forEach(f -> asked.add(f.entity()));
        kept.forEach(
                (id, f) -> {
                    long since = cycleAt - askedAt.getOrDefault(id, cycleAt);
                    if (!asked.contains(id) && candidates.contains(id) && f.etaSeconds() > since) {
                        out.add(f.sooner(since));
                    }
                });
        return List.copyOf(out);
    }
}
