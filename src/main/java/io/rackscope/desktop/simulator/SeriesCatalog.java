package io.rackscope.desktop.simulator;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Rule;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.promql.Placeholder;
import io.rackscope.desktop.promql.QueryTemplate;
import io.rackscope.desktop.telemetry.CheckTargets;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Rack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series a configuration needs: every vector selector of every check and metric definition that
 * names an entity through a placeholder becomes a family, for exactly the entities whose templates
 * use it.
 */
final class SeriesCatalog {
    private static final Pattern SELECTOR =
            // a quoted value may hold braces: instance="{instance}"
            Pattern.compile(
                    "([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{((?:[^{}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)}");
    private static final Pattern MATCHER =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern SIMPLE_VALUE = Pattern.compile("[A-Za-z0-9_.:-]+");

    private final Map<String, Builder> families = new LinkedHashMap<>();
    private final AppConfig.Telemetry telemetry;

    private SeriesCatalog(AppConfig.Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    static List<SeriesFamily> of(RackscopeConfig cfg) {
        SeriesCatalog catalog = new SeriesCatalog(cfg.app().telemetry());
        CheckTargets targets = new CheckTargets(cfg);
        for (Check check : new TreeMap<>(cfg.checks()).values()) {
            catalog.add(
                    check.expr(),
                    check.rules(),
                    check.boolOutput(),
                    check.expandByLabel(),
                    targets.of(check));
        }
        for (MetricDefinition metric : new TreeMap<>(cfg.metrics()).values()) {
            catalog.addMetric(cfg, metric);
        }
        return catalog.families.values().stream().map(Builder::build).toList();
    }

    private void addMetric(RackscopeConfig cfg, MetricDefinition metric) {
        Set<String> instances = new LinkedHashSet<>();
        Set<String> chassis = new LinkedHashSet<>();
        Set<String> racks = new LinkedHashSet<>();
        for (Rack rack : cfg.topology().racks()) {
            if (cfg.metricsFor(rack).contains(metric)) {
                racks.add(rack.id());
            }
            for (Device d : rack.devices()) {
                if (cfg.metricsFor(d).contains(metric)) {
                    chassis.add(d.id());
                    instances.addAll(d.instanceIds());
                    racks.add(rack.id());
                }
            }
        }
        Matcher m = SELECTOR.matcher(metric.expr());
        while (m.find()) {
            CheckScope scope = scopeOf(m.group(2));
            if (scope != null) {
                List<String> entities =
                        new ArrayList<>(
                                switch (scope) {
                                    case NODE -> instances;
                                    case CHASSIS -> chassis;
                                    case RACK -> racks;
                                });
                family(m.group(1), m.group(2), scope, List.of(), false, null, entities);
            }
        }
    }

    private void add(
            String expr,
            List<Rule> rules,
            boolean bool,
            String expandLabel,
            List<String> entities) {
        Matcher m = SELECTOR.matcher(expr);
        while (m.find()) {
            CheckScope scope = scopeOf(m.group(2));
            if (scope != null) {
                family(m.group(1), m.group(2), scope, rules, bool, expandLabel, entities);
            }
        }
    }

    private void family(
            String metric,
            String matchers,
            CheckScope scope,
            List<Rule> rules,
            boolean bool,
            String expandLabel,
            List<String> entities) {
        Builder b = families.computeIfAbsent(metric + "/" + scope, k -> new Builder(metric, scope));
        b.rules.addAll(rules);
        b.bool |= bool;
        if (expandLabel != null) {
            b.expandLabel = expandLabel;
        }
        b.entities.addAll(entities);
        Matcher lm = MATCHER.matcher(matchers);
        while (lm.find()) {
            String label = lm.group(1);
            String value = lm.group(3);
            Set<Placeholder> used = QueryTemplate.placeholdersIn(value);
            if (scopeOf(used) != null) {
                b.identityLabel = label;
            } else if (used.contains(Placeholder.JOB)) {
                b.fixed.put(label, firstAlternative(telemetry.jobRegex()));
            } else if (lm.group(2).equals("=")
                    || lm.group(2).equals("=~")
                            && SIMPLE_VALUE.matcher(firstAlternative(value)).matches()) {
                b.fixed.put(label, firstAlternative(value));
            }
        }
    }

    private static String firstAlternative(String regex) {
        return regex.split("\\|", -1)[0];
    }

    private static CheckScope scopeOf(String matchers) {
        return scopeOf(QueryTemplate.placeholdersIn(matchers));
    }

    private static CheckScope scopeOf(Set<Placeholder> used) {
        if (used.contains(Placeholder.INSTANCE)) {
            return CheckScope.NODE;
        }
        if (used.contains(Placeholder.CHASSIS)) {
            return CheckScope.CHASSIS;
        }
        return used.contains(Placeholder.RACK) ? CheckScope.RACK : null;
    }

    private static final class Builder {
        final String metric;
        final CheckScope scope;
        final List<Rule> rules = new ArrayList<>();
        final Map<String, String> fixed = new LinkedHashMap<>();
        final Set<String> entities = new LinkedHashSet<>();
        boolean bool;
        String expandLabel;
        String identityLabel;

        Builder(String metric, CheckScope scope) {
            this.metric = metric;
            this.scope = scope;
        }

        SeriesFamily build() {
            return new SeriesFamily(
                    metric,
                    scope,
                    identityLabel,
                    Map.copyOf(fixed),
                    expandLabel,
                    new ValueModel(metric, List.copyOf(rules), bool),
                    List.copyOf(entities));
        }
    }
}
