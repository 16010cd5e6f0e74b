package io.rackscope.desktop.config;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Durations;
import io.rackscope.desktop.checks.Operator;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.checks.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads health checks ({@code checks:} lists). A check with a broken rule is reported and left out.
 */
final class CheckLoader {
    private static final KnownKeys FILE = KnownKeys.of("checks", "kinds");
    private static final KnownKeys CHECK = KnownKeys.of(Check.KEYS.toArray(String[]::new));
    private static final KnownKeys RULE = KnownKeys.of("op", "value", "severity");
    private final Diagnostics diagnostics;
    private final YamlReader reader;
    private final Map<String, YamlNode> rejected = new LinkedHashMap<>();
    private final Severity absentDefault;

    /** {@code absentDefault}: {@code expand_absent_state} when a check names none. */
    CheckLoader(Diagnostics diagnostics, YamlReader reader, Severity absentDefault) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.absentDefault = absentDefault;
    }

    /** Where each check that was rejected is defined, so that its users can point there. */
    Map<String, YamlNode> rejected() {
        return rejected;
    }

    Map<String, Check> load(Path dir) {
        Map<String, Check> checks = new LinkedHashMap<>();
        for (Path file : YamlFiles.under(dir)) {
            loadFile(file, checks);
        }
        return checks;
    }

    /**
     * The checks of one file, added to {@code checks} (a repeated id is an error): a {@code
     * checks:} list, and the {@code kinds: {kind: [checks]}} form whose checks take their kind from
     * the key unless they name one.
     */
    void loadFile(Path file, Map<String, Check> checks) {
        reader.readMapping(file)
                .ifPresent(
                        root -> {
                            FILE.check(root, "a checks file", diagnostics);
                            for (YamlNode node : root.list("checks")) {
                                entry(node, "", checks);
                            }
                            if (root.has("kinds") && root.mapping("kinds").isEmpty()) {
                                diagnostics.error(
                                        root.at("kinds"),
                                        "'kinds' should map each kind to a list of checks; it was"
                                                + " skipped");
                            }
                            root.mapping("kinds")
                                    .ifPresent(
                                            kinds ->
                                                    kinds.entries()
                                                            .keySet()
                                                            .forEach(
                                                                    kind ->
                                                                            kinds.list(kind)
                                                                                    .forEach(
                                                                                            n ->
                                                                                                    entry(
                                                                                                            n,
                                                                                                            kind,
                                                                                                            checks))));
                        });
    }

    private void entry(YamlNode node, String kind, Map<String, Check> checks) {
        if (node instanceof YamlNode.Mapping m) {
            parse(m, kind).ifPresent(c -> keepFirst(checks, c, m));
        } else {
            diagnostics.error(
                    node,
                    "each check should be a block of settings with an id; this one was skipped");
        }
    }

    private void keepFirst(Map<String, Check> checks, Check c, YamlNode.Mapping m) {
        Check first = checks.putIfAbsent(c.id(), c);
        if (first != null) {
            diagnostics.error(
                    m.at("id"),
                    "the check id '"
                            + c.id()
                            + "' is already defined at "
                            + first.file()
                            + ":"
                            + first.line()
                            + "; this second definition was ignored");
        }
    }

    private Optional<Check> parse(YamlNode.Mapping m, String defaultKind) {
        String id = m.text("id", null);
        if (id == null || id.isBlank()) {
            diagnostics.error(m, "a check has no id; it was skipped");
            return Optional.empty();
        }
        CHECK.check(m, "check '" + id + "'", diagnostics);
        boolean ok = true;
        String expr = m.text("expr", null);
        if (expr == null || expr.isBlank()) {
            diagnostics.error(
                    m, "check '" + id + "' has no expr (the PromQL to run); it was skipped");
            ok = false;
        }
        Optional<CheckScope> scope = CheckScope.parse(m.text("scope", null));
        if (scope.isEmpty()) {
            diagnostics.error(
                    m.at("scope"),
                    "check '"
                            + id
                            + "' has scope '"
                            + m.text("scope", "")
                            + "'; it must be node, chassis or rack");
            ok = false;
        }
        String output = m.text("output", "numeric").trim().toLowerCase(Locale.ROOT);
        if (!output.equals("bool") && !output.equals("numeric")) {
            diagnostics.error(
                    m.at("output"),
                    "check '" + id + "' has output '" + output + "'; it must be bool or numeric");
            ok = false;
        }
        Duration forDuration = Duration.ZERO;
        String forText = m.text("for", null);
        if (forText != null) {
            Optional<Duration> parsed = Durations.parse(forText);
            if (parsed.isEmpty()) {
                diagnostics.error(
                        m.at("for"),
                        "check '"
                                + id
                                + "' has for: '"
                                + forText
                                + "', which is not a duration (write e.g. 30s, 5m, 1h)");
                ok = false;
            } else {
                forDuration = parsed.get();
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (YamlNode n : m.list("rules")) {
            Optional<Rule> rule = n instanceof YamlNode.Mapping r ? rule(id, r) : Optional.empty();
            if (rule.isEmpty()) {
                if (!(n instanceof YamlNode.Mapping)) {
                    diagnostics.error(
                            n,
                            "check '"
                                    + id
                                    + "' has a rule that is not of the form {op, value, severity}");
                }
                ok = false;
            } else {
                rules.add(rule.get());
            }
        }
        if (rules.isEmpty() && ok) {
            diagnostics.warning(
                    m, "check '" + id + "' has no rules, so it can never report a problem");
        }
        Severity absent =
                Severity.parse(m.text("expand_absent_state", absentDefault.name()))
                        .orElseGet(
                                () -> {
                                    diagnostics.error(
                                            m.at("expand_absent_state"),
                                            "check '"
                                                    + id
                                                    + "' has an unknown expand_absent_state; "
                                                    + absentDefault
                                                    + " (planner.unknown_state) is used");
                                    return absentDefault;
                                });
        int threshold = 0;
        String thresholdText = m.text("expand_crit_threshold", null);
        if (thresholdText != null) {
            try {
                threshold = Integer.parseInt(thresholdText.trim());
            } catch (NumberFormatException e) {
                diagnostics.error(
                        m.at("expand_crit_threshold"),
                        "check '"
                                + id
                                + "' has expand_crit_threshold '"
                                + thresholdText
                                + "'; it must be a whole number");
            }
        }
        if (!ok) {
            rejected.putIfAbsent(id, m);
            return Optional.empty();
        }
        return Optional.of(
                new Check(
                        id,
                        m.text("name", id),
                        m.text("kind", defaultKind),
                        scope.get(),
                        expr.trim(),
                        output.equals("bool"),
                        forDuration,
                        m.texts("selectors"),
                        rules,
                        m.text("expand_by_label", null),
                        m.text("expand_discovery_expr", null),
                        absent,
                        threshold,
                        m.file(),
                        m.line()));
    }

    private Optional<Rule> rule(String checkId, YamlNode.Mapping r) {
        RULE.check(r, "a rule of check '" + checkId + "'", diagnostics);
        String opText = r.text("op", null);
        Optional<Operator> op = Operator.parse(opText);
        if (op.isEmpty()) {
            diagnostics.error(
                    r.at("op"),
                    "check '"
                            + checkId
                            + "' has a rule with operator '"
                            + opText
                            + "'; use one of == != > >= < <=");
        }
        String severityText = r.text("severity", null);
        Optional<Severity> severity = Severity.parse(severityText);
        if (severity.isEmpty()) {
            diagnostics.error(
                    r.at("severity"),
                    "check '"
                            + checkId
                            + "' has a rule with severity '"
                            + severityText
                            + "'; use OK, WARN, CRIT or UNKNOWN");
        }
        String valueText = r.text("value", null);
        Double value = ruleValue(valueText);
        if (value == null) {
            diagnostics.error(
                    r.at("value"),
                    "check '"
                            + checkId
                            + "' has a rule whose value '"
                            + valueText
                            + "' is not a number");
        }
        if (op.isEmpty() || severity.isEmpty() || value == null) {
            return Optional.empty();
        }
        return Optional.of(new Rule(op.get(), value, severity.get()));
    }

    /** A rule's value: a number, written bare or as a string ({@code "0.9"}), or true / false. */
    static Double ruleValue(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true") ? 1.0 : 0.0;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
