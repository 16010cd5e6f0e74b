package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The site's own Prometheus alerting rules ({@code alerts.sources.prometheus_rules}): one query of
 * their {@code ALERTS} series a cycle, each placed on the node, device or rack its labels name.
 * Since {@code ALERTS} is a series, a cycle at a past moment reads them as they were then.
 */
final class RuleAlerts {
    private static final String FOR_STATE = "ALERTS_FOR_STATE";
    private static final List<String> HOST_LABELS =
            List.of("instance", "node", "nodename", "hostname", "host");

    private final AppConfig.RuleAlerts config;
    private final Topology topology;
    private final List<String> nodeLabels;
    private final List<String> chassisLabels;
    private final List<String> rackLabels;

    RuleAlerts(RackscopeConfig config) {
        this.config = config.app().alerts().rules();
        this.topology = config.topology();
        AppConfig.Telemetry t = config.app().telemetry();
        Set<String> nodes = new LinkedHashSet<>(List.of(t.identityLabel()));
        nodes.addAll(HOST_LABELS);
        this.nodeLabels = or(this.config.labels("node"), List.copyOf(nodes));
        this.chassisLabels = or(this.config.labels("chassis"), List.of(t.chassisLabel()));
        this.rackLabels = or(this.config.labels("rack"), List.of(t.rackLabel()));
    }

    private static List<String> or(List<String> set, List<String> fallback) {
        return set.isEmpty() ? fallback : set;
    }

    /** Whether the rules' {@code ALERTS} are read at all. */
    boolean enabled() {
        return config.enabled();
    }

    /** The one query of a cycle. */
    String query() {
        // ALERTS_FOR_STATE's value is when each alert became active: its true start
        return (config.pending()
                        ? "ALERTS{alertstate=~\"firing|pending\"}"
                        : "ALERTS{alertstate=\"firing\"}")
                + " or ALERTS_FOR_STATE";
    }

    /** Whether Alertmanager's alerts are read too. */
    boolean fromAlertmanager() {
        return config.alertmanager();
    }

    /**
     * Each {@code ALERTS} series as an alert, placed where its labels say, started when its {@code
     * ALERTS_FOR_STATE} says (unknown without one).
     */
    List<SiteAlert> read(List<Series> series) {
        Map<Map<String, String>, Instant> activeAt = new HashMap<>();
        for (Series s : series) {
            if (FOR_STATE.equals(s.label("__name__")) && Double.isFinite(s.value())) {
                Map<String, String> labels = new HashMap<>(s.labels());
                labels.remove("__name__");
                activeAt.put(labels, Instant.ofEpochSecond((long) s.value()));
            }
        }
        List<SiteAlert> out = new ArrayList<>();
        for (Series s : series) {
            if (FOR_STATE.equals(s.label("__name__"))) {
                continue;
            }
            Map<String, String> labels = new HashMap<>(s.labels());
            labels.remove("__name__");
            SiteAlert.State state =
                    "pending".equals(labels.remove("alertstate"))
                            ? SiteAlert.State.PENDING
                            : SiteAlert.State.FIRING;
            out.add(place(Alert.Source.RULE, labels, state, activeAt.get(labels)));
        }
        return out;
    }

    /**
     * Alertmanager's alerts, less those that are a rule's alert already read from {@code ALERTS}
     * (Alertmanager holds them with the same labels, plus the server's external labels).
     */
    List<SiteAlert> fromAlertmanager(List<AlertFeed.Fed> fed, List<SiteAlert> fromRules) {
        Map<String, List<Map<String, String>>> rules = new HashMap<>();
        fromRules.forEach(
                r -> rules.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.labels()));
        List<SiteAlert> out = new ArrayList<>();
        for (AlertFeed.Fed f : fed) {
            String name = f.labels().getOrDefault("alertname", "");
            boolean known =
                    rules.getOrDefault(name, List.of()).stream()
                            .anyMatch(l -> f.labels().entrySet().containsAll(l.entrySet()));
            if (!known) {
                out.add(
                        place(
                                Alert.Source.ALERTMANAGER,
                                f.labels(),
                                f.inhibited() ? SiteAlert.State.INHIBITED : SiteAlert.State.FIRING,
                                f.startsAt()));
            }
        }
        return out;
    }

    private SiteAlert place(
            Alert.Source source, Map<String, String> labels, SiteAlert.State state, Instant since) {
        String severity = labels.getOrDefault("severity", "").toLowerCase(Locale.ROOT);
        Severity sev = config.severities().getOrDefault(severity, config.unmapped());
        String name = labels.getOrDefault("alertname", "ALERTS");
        CheckScope scope = null;
        String entity = node(labels);
        if (entity != null) {
            scope = CheckScope.NODE;
        } else if ((entity = named(labels, chassisLabels, CheckScope.CHASSIS)) != null) {
            scope = CheckScope.CHASSIS;
        } else if ((entity = named(labels, rackLabels, CheckScope.RACK)) != null) {
            scope = CheckScope.RACK;
        }
        return new SiteAlert(source, name, sev, state, labels, scope, entity, since);
    }

    /** The node a label names, also as an {@code instance}'s host before its port. */
    private String node(Map<String, String> labels) {
        for (String label : nodeLabels) {
            String v = labels.get(label);
            if (v == null) {
                continue;
            }
            if (topology.instance(v).isPresent()) {
                return v;
            }
            int colon = v.lastIndexOf(':');
            if (colon > 0 && topology.instance(v.substring(0, colon)).isPresent()) {
                return v.substring(0, colon);
            }
        }
        return null;
    }

    private String named(Map<String, String> labels, List<String> names, CheckScope scope) {
        for (String label : names) {
            String v = labels.get(label);
            if (v != null
                    && !(scope == CheckScope.RACK
                                    ? topology.racksWithId(v)
                                    : topology.devicesWithId(v))
                            .isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
