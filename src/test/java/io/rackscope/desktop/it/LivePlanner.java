package io.rackscope.desktop.it;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.time.Clock;
import java.time.Duration;

/** A running planner on a real server, through a client of its own; both closed together. */
record LivePlanner(PrometheusClient client, TelemetryPlanner planner) implements AutoCloseable {

    /** The app's planner on {@code url}, cycles {@code interval} apart. */
    static LivePlanner of(RackscopeConfig config, String url, Duration interval) {
        PrometheusClient client =
                new PrometheusClient(config.app().telemetry().endpoint(url), new QueryStats());
        TelemetryPlanner planner =
                new TelemetryPlanner(config, client, EvaluationMode.FILTERED, Clock.systemUTC());
        planner.setCycleInterval(interval);
        return new LivePlanner(client, planner);
    }

    @Override
    public void close() {
        planner.close();
        client.close();
    }
}
