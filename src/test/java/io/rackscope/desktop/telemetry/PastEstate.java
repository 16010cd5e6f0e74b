package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A four-node estate (racks of {@link PlannerLogicTest}) with hand-built history: n02 down for the
 * half hour that ended 30 minutes before {@link #NOW}, everything else healthy.
 */
public final class PastEstate {
    public static final long NOW = PlannerLogicTest.T0 + 7200;

    private PastEstate() {}

    public static RackscopeConfig config(Path dir) {
        return config(dir, "telemetry: {scrape_interval_seconds: 15}\n");
    }

    /** The estate with {@code app} as its app.yaml. */
    public static RackscopeConfig config(Path dir, String app) {
        return PlannerLogicTest.load(dir, app);
    }

    public static HandBuiltPrometheus history() {
        HandBuiltPrometheus p = new HandBuiltPrometheus();
        for (String n : List.of("n01", "n02", "n03", "n04")) {
            p.series(
                    "up",
                    Map.of("instance", n),
                    t -> n.equals("n02") && t >= NOW - 3600 && t < NOW - 1800 ? 0 : 1);
            p.series("temp", Map.of("instance", n), t -> 40);
        }
        return p;
    }

    public static Clock clock() {
        return Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    }

    /** Past moments of {@code config} on {@code p}, a minute apart, the last 24 hours. */
    public static LookBack lookBack(RackscopeConfig config, HandBuiltPrometheus p, int keep) {
        return new LookBack(
                config,
                new PrometheusRouter(p),
                EvaluationMode.FILTERED,
                clock(),
                Duration.ofSeconds(60),
                Duration.ofHours(24),
                keep);
    }

    public static Instant ago(long seconds) {
        return Instant.ofEpochSecond(NOW - seconds);
    }
}
