package io.rackscope.desktop.edit;

import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Every key of a check as the form edits it: text as written, an empty text for a key the check
 * does not have.
 */
public record CheckFields(
        String id,
        String name,
        String description,
        String kind,
        String scope,
        String output,
        String forDuration,
        String expr,
        List<String> selectors,
        List<Rule> rules,
        String expandByLabel,
        String expandDiscoveryExpr,
        String expandAbsentState,
        String expandCritThreshold) {
    /** One rule: the operator, the value it compares with, the severity when it matches. */
    public record Rule(String op, String value, String severity) {}

    /** The keys, in the order a new check is written. */
    static final List<String> KEYS = io.rackscope.desktop.checks.Check.KEYS;

    public CheckFields {
        selectors = List.copyOf(selectors);
        rules = List.copyOf(rules);
    }

    /** A new check's fields: a node check of a boolean with one CRIT rule. */
    public static CheckFields fresh(String id) {
        return new CheckFields(
                id,
                id,
                "",
                "",
                "node",
                "bool",
                "",
                "up{instance=~\"$instances\"}",
                List.of(),
                List.of(new Rule("==", "0", "CRIT")),
                "",
                "",
                "",
                "");
    }

    /** The fields of the check written as {@code m}. */
    static CheckFields read(MappingNode m) {
        return new CheckFields(
                text(m, "id"),
                text(m, "name"),
                text(m, "description"),
                text(m, "kind"),
                text(m, "scope"),
                text(m, "output"),
                text(m, "for"),
                text(m, "expr"),
                YamlText.sequence(m, "selectors")
                        .map(s -> s.getValue().stream().map(CheckFields::scalar).toList())
                        .orElse(
                                text(m, "selectors").isEmpty()
                                        ? List.of()
                                        : List.of(text(m, "selectors"))),
                YamlText.sequence(m, "rules").map(CheckFields::rules).orElse(List.of()),
                text(m, "expand_by_label"),
                text(m, "expand_discovery_expr"),
                text(m, "expand_absent_state"),
                text(m, "expand_crit_threshold"));
    }

    /** The text of one key (its yaml key name) for comparison and writing. */
    String get(String key) {
        return switch (key) {
            case "id" -> id;
            case "name" -> name;
            case "description" -> description;
            case "kind" -> kind;
            case "scope" -> scope;
            case "output" -> output;
            case "for" -> forDuration;
            case "expr" -> expr;
            case "expand_by_label" -> expandByLabel;
            case "expand_discovery_expr" -> expandDiscoveryExpr;
            case "expand_absent_state" -> expandAbsentState;
            case "expand_crit_threshold" -> expandCritThreshold;
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static List<Rule> rules(SequenceNode s) {
        return s.getValue().stream()
                .filter(MappingNode.class::isInstance)
                .map(MappingNode.class::cast)
                .map(r -> new Rule(text(r, "op"), text(r, "value"), text(r, "severity")))
                .toList();
    }

    private static String text(MappingNode m, String key) {
        return YamlText.scalar(m, key).orElse("");
    }

    private static String scalar(Node n) {
        return Optional.of(n)
                .filter(ScalarNode.class::isInstance)
                .map(x -> ((ScalarNode) x).getValue())
                .orElse("");
    }
}
