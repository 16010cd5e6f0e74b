package io.rackscope.desktop.prometheus;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Prometheus itself says its queries cost: the sum of {@code
 * prometheus_engine_query_duration_seconds_sum} over the slices that evaluate (inner_eval,
 * prepare_time, result_sort), from its {@code /metrics}. Read before and after, the difference is
 * what the queries in between cost the server.
 */
public final class EngineSeconds {
    private static final Pattern ENGINE =
            Pattern.compile(
                    "prometheus_engine_query_duration_seconds_sum\\{slice=\"(inner_eval|prepare_time|result_sort)\"} (\\S+)");

    private EngineSeconds() {}

    /** The total in {@code metricsText}; empty when the server does not keep the counter. */
    public static OptionalDouble in(String metricsText) {
        Matcher m = ENGINE.matcher(metricsText);
        double sum = 0;
        boolean any = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
            any = true;
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
