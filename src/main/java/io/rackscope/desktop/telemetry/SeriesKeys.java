package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.Series;
import java.util.Map;
import java.util.TreeMap;

/**
 * A series' identity across answers: its labels without the metric name, which comparisons and
 * functions may drop.
 */
final class SeriesKeys {
    private SeriesKeys() {}

    static String of(Series s) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(s.labels()).entrySet()) {
            if (!e.getKey().equals("__name__") && !e.getKey().equals(CheckQueries.SEVERITY_LABEL)) {
                b.append(e.getKey()).append('\u0001').append(e.getValue()).append('\u0002');
            }
        }
        return b.toString();
    }
}
