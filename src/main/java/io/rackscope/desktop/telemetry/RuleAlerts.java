package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.promql.PromQL;
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
    // each alert's start once asked, by its labels (empty: asked, none known)
    private Map<Map<String, String>, java.util.Optional<Instant>> starts = new HashMap<>();
    private final java.util.Set<Map<String, String>> asked = new java.util.HashSet<>();

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

    /** The one query of a steady cycle. */
    String query() {
        return config.pending()
                ? "ALERTS{alertstate=~\"firing|pending\"}"
                : "ALERTS{alertstate=\"firing\"}";
    }

    /**
     * The query of the starts not known yet among {@code alerts} (an answer to {@link #query}):
     * {@code ALERTS_FOR_STATE} of their rules, whose value is when each became active; null when
     * every start is known (a steady cycle asks nothing more than {@code ALERTS}).
     */
    synchronized String startsQuery(List<Series> alerts) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Series s : alerts) {
            Map<String, String> id = identity(s);
            if (!starts.containsKey(id)) {
                names.add(s.labels().getOrDefault("alertname", ""));
                asked.add(id);
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        return FOR_STATE + "{alertname=~\"" + PromQL.alternation(names) + "\"}";
    }

    /** The starts asked could not be read: they are asked again next cycle. */
    synchronized void startsUnanswered() {
        asked.clear();
    }

    /** The labels that name one alert: its series' without the name and the state. */
    private static Map<String, String> identity(Series s) {
        Map<String, String> labels = new HashMap<>(s.labels());
        labels.remove("__name__");
        labels.remove("alertstate");
        return labels;
    }

    /** Whether Alertmanager's alerts are read too. */
    boolean fromAlertmanager() {
        return config.alertmanager();
    }

    /**
     * Each {@code ALERTS} series as an alert, placed where its labels say, started when its {@code
     * ALERTS_FOR_STATE} (among {@code series}, or read before for the same alert) says; unknown
     * without one. An alert no longer there forgets its start (firing again is a new start).
     */
    synchronized List<SiteAlert> read(List<Series> series) {
        Map<Map<String, String>, Instant> known = new HashMap<>();
        for (Series s : series) {
            if (FOR_STATE.equals(s.label("__name__")) && Double.isFinite(s.value())) {
                known.put(identity(s), Instant.ofEpochSecond((long) s.value()));
            }
        }
        Map<Map<String, String>, java.util.Optional<Instant>> next = new HashMap<>();
        List<SiteAlert> out = new ArrayList<>();
        for (Series s : series) {
            if (FOR_STATE.equals(s.label("__name__"))) {
                continue;
            }
            Map<String, String> labels = identity(s);
            java.util.Optional<Instant> start =
                    known.containsKey(labels)
                            ? java.util.Optional.of(known.get(labels))
                            : starts.get(labels);
            if (start == null && asked.contains(labels)) {
                start = java.util.Optional.empty();
            }
            if (start != null) {
                next.put(labels, start);
            }
            Instant since = start == null ? null : start.orElse(null);
            SiteAlert.State state =
                    "pending".equals(s.label("alertstate"))
                            ? SiteAlert.State.PENDING
                            : SiteAlert.State.FIRING;
            out.add(place(Alert.Source.RULE, labels, state, since));
        }
        starts = next;
        asked.clear();
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
