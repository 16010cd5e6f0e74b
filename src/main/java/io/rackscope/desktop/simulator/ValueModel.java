package io.rackscope.desktop.simulator;

import io.rackscope.desktop.checks.Operator;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.checks.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Believable values for one metric: a healthy value that breaks none of the rules of the checks
 * reading it (moving with load), and a value inside each severity's band, so that scenarios can aim
 * at a state.
 */
record ValueModel(String metric, List<Rule> rules, boolean bool) {

    /** The healthy value at {@code load} (0..1). */
    double healthy(double load) {
        if (bool) {
            return rules.stream().anyMatch(r -> r.matches(1)) ? 0 : 1;
        }
        double upper = Double.NaN;
        double lower = Double.NaN;
        boolean wholeUpper = false;
        for (Rule r : rules) {
            if (r.op() == Operator.GT || r.op() == Operator.GE) {
                if (Double.isNaN(upper) || r.value() < upper) {
                    upper = r.value();
                    wholeUpper =
                            r.op() == Operator.GE
                                    && r.value() == Math.rint(r.value())
                                    && r.value() <= 1;
                }
            } else if (r.op() == Operator.LT || r.op() == Operator.LE) {
                lower = Double.isNaN(lower) ? r.value() : Math.max(lower, r.value());
            }
        }
        if (wholeUpper) {
            return 0;
        }
        if (!Double.isNaN(upper) && !Double.isNaN(lower)) {
            return lower + (upper - lower) * (0.3 + 0.4 * load);
        }
        if (!Double.isNaN(upper)) {
            return upper * 0.7 * (0.85 + 0.3 * load);
        }
        if (!Double.isNaN(lower)) {
            return lower * 2.5 * (0.9 + 0.2 * load);
        }
        return byName(load);
    }

    /**
     * A value that the checks reading this metric judge as {@code severity} (the worst band when
     * none has it).
     */
    double forSeverity(Severity severity) {
        Rule rule =
                rules.stream()
                        .filter(r -> r.severity() == severity)
                        .findFirst()
                        .or(
                                () ->
                                        rules.stream()
                                                .max(
                                                        (a, b) ->
                                                                a.severity()
                                                                        .compareTo(b.severity())))
                        .orElse(null);
        if (rule == null) {
            return healthy(1) * 1.5;
        }
        double t = rule.value();
        return switch (rule.op()) {
            case EQ -> t;
            case NE -> t + 1;
            case GT, GE ->
                    rules.stream()
                            .filter(
                                    r ->
                                            (r.op() == Operator.GT || r.op() == Operator.GE)
                                                    && r.value() > t
                                                    && r.severity().compareTo(rule.severity()) > 0)
                            .mapToDouble(Rule::value)
                            .min()
                            .stream()
                            .map(next -> (t + next) / 2)
                            .findFirst()
                            .orElse(
                                    rule.op() == Operator.GE
                                            ? Math.max(t, t * 1.05)
                                            : t == 0 ? 1 : t + Math.abs(t) * 0.08);
            case LT, LE ->
                    rules.stream()
                            .filter(
                                    r ->
                                            (r.op() == Operator.LT || r.op() == Operator.LE)
                                                    && r.value() < t
                                                    && r.severity().compareTo(rule.severity()) > 0)
                            .mapToDouble(Rule::value)
                            .max()
                            .stream()
                            .map(next -> (t + next) / 2)
                            .findFirst()
                            .orElse(t * 0.5);
        };
    }

    /** How fast a counter of this metric grows when healthy, per second. */
    double counterRate() {
        String m = metric.toLowerCase(Locale.ROOT);
        if (m.contains("bytes")) {
            // about 1 Gbit/s: a busy node's or a switch port's traffic
            return m.contains("switch") ? 1.0e9 : 1.25e8;
        }
        return healthy(0.5) * 0.05;
    }

    private double byName(double load) {
        String m = metric.toLowerCase(Locale.ROOT);
        if (m.contains("watts") || m.contains("power")) {
            return 180 + 320 * load;
        }
        if (m.contains("celsius") || m.contains("temperature")) {
            return 38 + 18 * load;
        }
        if (m.contains("ratio")) {
            return 0.25 + 0.5 * load;
        }
        if (m.contains("rpm")) {
            return 6500 + 3000 * load;
        }
        if (m.contains("percent")) {
            return 25 + 50 * load;
        }
        return 100 * load;
    }
}
