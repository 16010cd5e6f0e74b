package io.rackscope.desktop.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a Prometheus API envelope into a {@link QueryResult} without building a JSON tree, so a
 * 10,000-series answer costs only its series. Native histograms are skipped.
 */
final class ResponseParser {
    private static final JsonFactory JSON = new JsonFactory();

    /** {@code partial}: VictoriaMetrics' {@code isPartial: true}. */
    record Envelope(
            String status, String errorType, String error, boolean partial, QueryResult result) {}

    /**
     * An answer larger than the bounds: it is abandoned while streaming, before it fills memory.
     */
    static class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    static Envelope parse(InputStream in, long[] bytesRead) throws IOException {
        return parse(in, bytesRead, Integer.MAX_VALUE);
    }

    /** Parses at most {@code maxSeries} series; one more throws {@link TooLarge}. */
    static Envelope parse(InputStream in, long[] bytesRead, int maxSeries) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            String status = null;
            String errorType = null;
            String error = null;
            String resultType = null;
            boolean partial = false;
            List<Series> series = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            List<String> infos = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "status" -> status = p.getValueAsString();
                    case "errorType" -> errorType = p.getValueAsString();
                    case "error" -> error = p.getValueAsString();
                    case "warnings" -> strings(p, warnings);
                    case "infos" -> strings(p, infos);
                    case "isPartial" -> partial = p.getValueAsBoolean();
                    case "data" -> resultType = data(p, series, maxSeries);
                    default -> p.skipChildren();
                }
            }
            return new Envelope(
                    status,
                    errorType,
                    error,
                    partial,
                    new QueryResult(
                            resultType == null ? "" : resultType,
                            series,
                            warnings,
                            infos,
                            bytesRead[0]));
        }
    }

    private static void strings(JsonParser p, List<String> into) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            into.add(p.getValueAsString());
        }
    }

    private static String data(JsonParser p, List<Series> series, int maxSeries)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("resultType")) {
                type = p.getValueAsString();
            } else if (field.equals("result")) {
                if (p.currentToken() == JsonToken.START_ARRAY) {
                    if ("scalar".equals(type) || "string".equals(type)) {
                        double[] sample = sample(p);
                        series.add(
                                new Series(
                                        Map.of(),
                                        new double[] {sample[0]},
                                        new double[] {sample[1]}));
                    } else {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            if (series.size() >= maxSeries) {
                                throw new TooLarge(
                                        "the answer holds more than "
                                                + maxSeries
                                                + " series (planner.max_series_per_query)");
                            }
                            series.add(oneSeries(p));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        return type;
    }

    private static Series oneSeries(JsonParser p) throws IOException {
        Map<String, String> labels = Map.of();
        double[] ts = new double[0];
        double[] vs = new double[0];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "metric" -> labels = labels(p);
                case "value" -> {
                    double[] s = sample(p);
                    ts = new double[] {s[0]};
                    vs = new double[] {s[1]};
                }
                case "values" -> {
                    List<double[]> samples = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        samples.add(sampleBody(p));
                    }
                    ts = new double[samples.size()];
                    vs = new double[samples.size()];
                    for (int i = 0; i < samples.size(); i++) {
                        ts[i] = samples.get(i)[0];
                        vs[i] = samples.get(i)[1];
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Series(labels, ts, vs);
    }

    private static Map<String, String> labels(JsonParser p) throws IOException {
        Map<String, String> labels = new HashMap<>(8);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            labels.put(name, p.getValueAsString());
        }
        return labels;
    }

    /** {@code [ts, "v"]} with the parser on its START_ARRAY. */
    private static double[] sample(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("a sample is not [time, value]");
        }
        return sampleBody(p);
    }

    private static double[] sampleBody(JsonParser p) throws IOException {
        p.nextToken();
        double ts = p.getValueAsDouble();
        p.nextToken();
        String text = p.getValueAsString();
        double v;
        try {
            v = text == null ? Double.NaN : parseValue(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        return new double[] {ts, v};
    }

    /** Prometheus float text: {@code +Inf}, {@code -Inf}, {@code NaN} or a number. */
    static double parseValue(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
