package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.PrometheusApi;

/** A Prometheus the planner asks, and the name it has in messages (its URL, no credentials). */
record Route(PrometheusApi api, String name) {
    static Route of(PrometheusApi api) {
        return new Route(api, api.displayUrl());
    }
}
