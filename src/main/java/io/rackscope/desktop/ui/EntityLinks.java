package io.rackscope.desktop.ui;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator can take away from an entity: its id, its path, its series in Prometheus' graph
 * page, and the configured {@code links:} (a Grafana dashboard with {@code {instance}}, ...) filled
 * in for it.
 */
public final class EntityLinks {
    public static final EntityLinks NONE = new EntityLinks(null);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** A link offered for an entity: its name and the URL filled in. */
    public record Link(String name, String url) {}

    private final RackscopeConfig config;

    public EntityLinks(RackscopeConfig config) {
        this.config = config;
    }

    /** The names an entity is known by: its id and those of the places above it. */
    Map<String, String> names(Target t) {
        Map<String, String> out = new LinkedHashMap<>();
        if (config == null) {
            return out;
        }
        Topology topo = config.topology();
        out.put("id", t.id());
        switch (t.type()) {
            case INSTANCE -> topo.instance(t.id()).ifPresent(p -> instance(out, p));
            case DEVICE -> topo.device(t.id()).ifPresent(d -> device(out, topo, d));
            case RACK -> topo.rack(t.id()).ifPresent(r -> rack(out, r));
            case ROOM -> {
                out.put(
                        "room",
                        t.id().contains("/") ? t.id().substring(t.id().indexOf('/') + 1) : t.id());
                if (t.id().contains("/")) {
                    out.put("site", t.id().substring(0, t.id().indexOf('/')));
                }
            }
            case SITE -> out.put("site", t.id());
            case AISLE -> out.put("aisle", t.id());
        }
        return out;
    }

    private static void instance(Map<String, String> out, InstancePath p) {
        out.put("instance", p.instanceId());
        out.put("device", p.device().id());
        rack(out, p.rack());
    }

    private static void device(Map<String, String> out, Topology topo, Device d) {
        out.put("device", d.id());
        topo.rack(d.rackKey()).ifPresent(r -> rack(out, r));
    }

    private static void rack(Map<String, String> out, Rack r) {
        out.putIfAbsent("rack", r.id());
        out.putIfAbsent("room", r.roomId());
        out.putIfAbsent("site", r.siteId());
    }

    /** How people read where the entity is ({@code site / room / rack / device / node}). */
    public String path(Target t) {
        Map<String, String> n = names(t);
        List<String> parts = new ArrayList<>();
        for (String k : List.of("site", "room", "aisle", "rack", "device", "instance")) {
            if (n.containsKey(k)) {
                parts.add(n.get(k));
            }
        }
        return parts.isEmpty() ? t.id() : String.join(" / ", parts);
    }

    /** Prometheus' graph page showing the entity's series, for nodes, devices and racks. */
    public Optional<String> prometheusGraph(Target t) {
        if (config == null) {
            return Optional.empty();
        }
        AppConfig.Telemetry tel = config.app().telemetry();
        Map<String, String> n = names(t);
        String expr =
                switch (t.type()) {
                    case INSTANCE ->
                            "up{" + tel.identityLabel() + "=\"" + n.get("instance") + "\"}";
                    case DEVICE -> "{" + tel.chassisLabel() + "=\"" + n.get("device") + "\"}";
                    case RACK -> "{" + tel.rackLabel() + "=\"" + n.get("rack") + "\"}";
                    default -> null;
                };
        if (expr == null || expr.contains("\"null\"")) {
            return Optional.empty();
        }
        String base = tel.prometheusUrl().replaceAll("/+$", "");
        return Optional.of(
                base
                        + "/graph?g0.expr="
                        + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                        + "&g0.tab=0&g0.range_input=1h");
    }

    /** The configured links whose placeholders this entity fills, filled in. */
    public List<Link> links(Target t) {
        return config == null ? new ArrayList<>() : links(t, config.app().links());
    }

    /** {@code configured} (links being written, say) filled in for {@code t}. */
    public List<Link> links(Target t, List<AppConfig.Link> configured) {
        List<Link> out = new ArrayList<>();
        if (config == null) {
            return out;
        }
        Map<String, String> n = names(t);
        for (AppConfig.Link l : configured) {
            Matcher m = PLACEHOLDER.matcher(l.url());
            StringBuilder url = new StringBuilder();
            boolean complete = true;
            while (m.find()) {
                String v = n.get(m.group(1));
                if (v == null) {
                    complete = false;
                    break;
                }
                m.appendReplacement(
                        url,
                        Matcher.quoteReplacement(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            }
            if (complete) {
                m.appendTail(url);
                out.add(new Link(l.name(), url.toString()));
            }
        }
        return out;
    }
}
