package io.rackscope.desktop.it;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A running planner on a real server, through a client of its own whose queries it keeps in the
 * order sent; both closed together.
 */
record LivePlanner(PrometheusClient client, List<String> asked, TelemetryPlanner planner)
        implements AutoCloseable {

    /** The app's planner on {@code url}, cycles {@code interval} apart. */
    static LivePlanner of(RackscopeConfig config, String url, Duration interval) {
        PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(url), new QueryStats());
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        PrometheusApi recorded = new RecordingApi(client, asked);
        TelemetryPlanner planner =
                new TelemetryPlanner(config, recorded, EvaluationMode.FILTERED, Clock.systemUTC());
        planner.setCycleInterval(interval);
        return new LivePlanner(client, asked, planner);
    }

    /** The queries sent from the {@code from}th on. */
    List<String> askedFrom(int from) {
        synchronized (asked) {
            return List.copyOf(asked.subList(Math.min(from, asked.size()), asked.size()));
        }
    }

    @Override
    public void close() {
        planner.close();
        client.close();
    }
}
