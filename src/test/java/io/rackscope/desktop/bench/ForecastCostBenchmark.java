package io.rackscope.desktop.bench;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What forecasts cost Prometheus: two planners on the same estate, one with {@code
 * planner.forecast} as configured in ON_DIR, one as in OFF_DIR (the same estate with {@code
 * forecast: {enabled: false}}), live rounds at the refresh interval, the two sides alternately
 * first, engine seconds around each cycle from Prometheus' {@code /metrics}; the first round apart.
 * Run with {@code scripts/bench forecast-cost ON_DIR OFF_DIR URL [interval] [rounds]}.
 */
public final class ForecastCostBenchmark {
    record Side(double engine, long queries, int forecasts) {}

    public static void main(String[] args) throws Exception {
        RackscopeConfig on = new ConfigLoader().load(Path.of(args[0]));
        RackscopeConfig off = new ConfigLoader().load(Path.of(args[1]));
        String url = args[2];
        int interval = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        QueryStats onStats = new QueryStats();
        QueryStats offStats = new QueryStats();
        List<Side[]> measured = new ArrayList<>();
        try (PrometheusClient onClient =
                        new PrometheusClient(on.app().telemetry().endpoint(url), onStats);
                PrometheusClient offClient =
                        new PrometheusClient(off.app().telemetry().endpoint(url), offStats)) {
            TelemetryPlanner with =
                    PlannerCostBenchmark.planner(on, onClient, EvaluationMode.FILTERED, interval);
            TelemetryPlanner without =
                    PlannerCostBenchmark.planner(off, offClient, EvaluationMode.FILTERED, interval);
            Instant next = Instant.now();
            for (int k = 0; k < rounds; k++) {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
                next = next.plusSeconds(interval);
                Instant at = Instant.now();
                Side a;
                Side b;
                if (k % 2 == 0) {
                    a = side(with, onStats, url, at);
                    b = side(without, offStats, url, at);
                } else {
                    b = side(without, offStats, url, at);
                    a = side(with, onStats, url, at);
                }
                measured.add(new Side[] {a, b});
                System.out.printf(
                        Locale.ROOT,
                        "round %d: with forecasts %.4f s %d queries (%d forecasts) | without %.4f s"
                                + " %d queries%n",
                        k + 1,
                        a.engine(),
                        a.queries(),
                        a.forecasts(),
                        b.engine(),
                        b.queries());
            }
        }
        double[] with = measured.stream().skip(1).mapToDouble(s -> s[0].engine()).toArray();
        double[] without = measured.stream().skip(1).mapToDouble(s -> s[1].engine()).toArray();
        double mw = PlannerCostBenchmark.median(with);
        double mo = PlannerCostBenchmark.median(without);
        System.out.printf(
                Locale.ROOT,
                "steady cycles (%d): engine s median with forecasts %.4f, without %.4f: %+.1f %%%n",
                with.length,
                mw,
                mo,
                100 * (mw - mo) / mo);
    }

    private static Side side(TelemetryPlanner p, QueryStats stats, String url, Instant at)
            throws Exception {
        double e0 = PlannerCostBenchmark.engine(url);
        long q0 = stats.queryCount();
        HealthSnapshot s = p.refreshAt(at);
        return new Side(
                PlannerCostBenchmark.engine(url) - e0,
                stats.queryCount() - q0,
                s.forecasts().size());
    }
}
