package io.rackscope.desktop.app;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.Stores;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.PrometheusRouter;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import java.time.Clock;

/**
 * A session's way to Prometheus and its planner, for one estate: made by the session itself, or
 * made at launch and {@linkplain #begun begun} while JavaFX starts, so that the first cycle's
 * answers are in sooner.
 */
record SessionTelemetry(PrometheusRouter prometheus, TelemetryPlanner planner) {
    static SessionTelemetry of(RackscopeConfig cfg, LaunchOptions options, Clock clock) {
        String url =
                options.prometheusUrl() != null
                        ? options.prometheusUrl()
                        : cfg.app().telemetry().prometheusUrl();
        PrometheusRouter prometheus = new PrometheusRouter(cfg, url, new QueryStats());
        TelemetryPlanner planner =
                new TelemetryPlanner(cfg, prometheus, EvaluationMode.FILTERED, clock);
        Stores.feed(cfg, null).ifPresent(planner::setAlertFeed);
        return new SessionTelemetry(prometheus, planner);
    }

    /** Made and its first cycle begun. */
    static SessionTelemetry begun(RackscopeConfig cfg, LaunchOptions options, Clock clock) {
        SessionTelemetry t = of(cfg, options, clock);
        t.planner.refreshAhead();
        return t;
    }
}
