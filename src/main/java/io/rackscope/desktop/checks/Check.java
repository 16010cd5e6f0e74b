package io.rackscope.desktop.checks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A PromQL health check. {@code forDuration} is {@link Duration#ZERO} when the check has no
 * debounce; {@code expandByLabel} is null unless the check splits an instance into sub-nodes.
 */
public record Check(
        String id,
        String name,
        String kind,
        CheckScope scope,
        String expr,
        boolean boolOutput,
        Duration forDuration,
        List<String> selectors,
        List<Rule> rules,
        String expandByLabel,
        String expandDiscoveryExpr,
        Severity expandAbsentState,
        int expandCritThreshold,
        Path file,
        int line) {
    /**
     * The check id of a "no data" alert: an entity none of whose checks has a sample (its exporter
     * went silent). Not a YAML id: no configured check can be named so.
     */
    public static final String NO_DATA = "rackscope:no_data";

    /** What a "no data" alert is called on screen, in exports and in the journal. */
    public static final String NO_DATA_NAME = "No data";

    /** The keys a check is written with, in the order a new one is written. */
    public static final List<String> KEYS =
            List.of(
                    "id",
                    "name",
                    "description",
                    "kind",
                    "scope",
                    "expr",
                    "output",
                    "for",
                    "selectors",
                    "rules",
                    "expand_by_label",
                    "expand_discovery_expr",
                    "expand_absent_state",
                    "expand_crit_threshold");

    public Check {
        selectors = List.copyOf(selectors);
        rules = List.copyOf(rules);
    }

    /** The worst severity among the rules {@code sample} matches; OK when none matches. */
    public Severity evaluate(double sample) {
        Severity worst = Severity.OK;
        for (Rule rule : rules) {
            if (rule.matches(sample)) {
                worst = Severity.worst(worst, rule.severity());
            }
        }
        return worst;
    }
}
