package io.rackscope.desktop.prometheus;

import java.util.List;

/**
 * A successful answer: its series (a scalar is one series without labels), warnings, infos and its
 * size.
 */
public record QueryResult(
        String resultType,
        List<Series> series,
        List<String> warnings,
        List<String> infos,
        long bytes) {
    public QueryResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }
}
