package io.rackscope.desktop.config;

import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.RackComponentTemplate;
import io.rackscope.desktop.topology.RackTemplate;
import io.rackscope.desktop.topology.TemplateCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads device, rack and rack-component templates; any file may hold any of the three lists. */
final class TemplateLoader {
    private static final KnownKeys FILE =
            KnownKeys.of("templates", "rack_templates", "rack_component_templates");
    private static final KnownKeys DEVICE =
            KnownKeys.of(
                    "id",
                    "name",
                    "description",
                    "type",
                    "role",
                    "u_height",
                    "layout",
                    "rear_layout",
                    "rear_components",
                    "disk_layout",
                    "display_thresholds",
                    "checks",
                    "metrics",
                    "power_w");
    private static final KnownKeys LAYOUT = KnownKeys.of("type", "rows", "cols", "matrix");
    private static final KnownKeys REAR_COMPONENT =
            KnownKeys.of("id", "name", "type", "role", "checks");
    private static final KnownKeys RACK =
            KnownKeys.of("id", "name", "description", "u_height", "infrastructure", "checks");
    private static final KnownKeys INFRASTRUCTURE =
            KnownKeys.of(
                    "components",
                    "rack_components",
                    "front_components",
                    "rear_components",
                    "side_components");
    private static final KnownKeys COMPONENT_REF =
            KnownKeys.of(
                    "id",
                    "template_id",
                    "u_position",
                    "u_height",
                    "side",
                    "location",
                    "name",
                    "type",
                    "model",
                    "role",
                    "checks",
                    "metrics");
    private static final KnownKeys COMPONENT =
            KnownKeys.of(
                    "id",
                    "name",
                    "type",
                    "model",
                    "role",
                    "location",
                    "side",
                    "u_position",
                    "u_height",
                    "checks",
                    "metrics");
    private final Diagnostics diagnostics;
    private final YamlReader reader;
    private final Values values;
    private final Map<String, YamlNode> origins = new LinkedHashMap<>();
    private final Map<String, RackComponentTemplate> inline = new LinkedHashMap<>();

    TemplateLoader(Diagnostics diagnostics, YamlReader reader) {
        this.diagnostics = diagnostics;
        this.reader = reader;
        this.values = new Values(diagnostics);
    }

    /**
     * Where each template was defined, keyed {@code kind:id}, for messages about its references.
     */
    Map<String, YamlNode> origins() {
        return origins;
    }

    TemplateCatalog load(Path dir) {
        Map<String, DeviceTemplate> devices = new LinkedHashMap<>();
        Map<String, RackTemplate> racks = new LinkedHashMap<>();
        Map<String, RackComponentTemplate> components = new LinkedHashMap<>();
        for (Path file : YamlFiles.under(dir)) {
            reader.readMapping(file)
                    .ifPresent(
                            root -> {
                                FILE.check(root, "a templates file", diagnostics);
                                each(root, "templates", "device template", devices, this::device);
                                each(root, "rack_templates", "rack template", racks, this::rack);
                                each(
                                        root,
                                        "rack_component_templates",
                                        "rack component template",
                                        components,
                                        this::component);
                            });
        }
        inline.forEach(components::putIfAbsent);
        return new TemplateCatalog(devices, racks, components);
    }

    private interface Parser<T> {
        T parse(YamlNode.Mapping m, String id);
    }

    private <T> void each(
            YamlNode.Mapping root, String key, String kind, Map<String, T> into, Parser<T> parser) {
        for (YamlNode node : root.list(key)) {
            if (!(node instanceof YamlNode.Mapping m)) {
                diagnostics.error(
                        node,
                        "each entry of '"
                                + key
                                + "' should be a "
                                + kind
                                + " with an id; this one was skipped");
                continue;
            }
            String id = m.text("id", null);
            if (id == null || id.isBlank()) {
                diagnostics.error(m, "a " + kind + " has no id; it was skipped");
                continue;
            }
            YamlNode first = origins.get(kind + ":" + id);
            if (first != null) {
                // as the original: the first found (files in path order) is used, the rest ignored
                diagnostics.warning(
                        m.at("id"),
                        "the "
                                + kind
                                + " id '"
                                + id
                                + "' is defined at "
                                + first.file()
                                + ":"
                                + first.line()
                                + " and again here; the first (in path order) is used, this one"
                                + " is ignored");
                continue;
            }
            origins.put(kind + ":" + id, m);
            into.put(id, parser.parse(m, id));
        }
    }

    private DeviceTemplate device(YamlNode.Mapping m, String id) {
        String where = "device template '" + id + "'";
        DEVICE.check(m, where, diagnostics);
        for (String layout : List.of("layout", "rear_layout", "disk_layout")) {
            m.mapping(layout)
                    .ifPresent(l -> LAYOUT.check(l, "the " + layout + " of " + where, diagnostics));
        }
        for (YamlNode n : m.list("rear_components")) {
            if (n instanceof YamlNode.Mapping r) {
                REAR_COMPONENT.check(r, "a rear component of " + where, diagnostics);
            }
        }
        int[][] matrix = matrix(m.mapping("layout").orElse(null));
        List<DeviceTemplate.RearComponent> rear = new ArrayList<>();
        for (YamlNode n : m.list("rear_components")) {
            if (n instanceof YamlNode.Mapping r) {
                rear.add(
                        new DeviceTemplate.RearComponent(
                                r.text("id", ""),
                                r.text("name", r.text("id", "")),
                                r.text("type", "other"),
                                values.names(
                                        r,
                                        "checks",
                                        "the checks of rear component '"
                                                + r.text("id", "")
                                                + "' of template '"
                                                + id
                                                + "'")));
            }
        }
        return new DeviceTemplate(
                id,
                m.text("name", id),
                m.text("type", "server"),
                m.text("role", null),
                uHeight(m, id),
                matrix,
                rear,
                values.names(m, "checks", "the checks of device template '" + id + "'"),
                values.names(m, "metrics", "the metrics of device template '" + id + "'"),
                m.mapping("disk_layout").map(this::matrix).orElse(new int[0][]),
                m.mapping("rear_layout").map(this::matrix).orElse(new int[0][]),
                displayThresholds(m, id),
                nameplate(m, id));
    }

    /** A device template's nameplate power ({@code power_w}); NaN when not given or not above 0. */
    private double nameplate(YamlNode.Mapping m, String id) {
        Double w = values.number(m, "power_w", "power_w of device template '" + id + "'");
        if (w != null && !(w > 0)) {
            diagnostics.error(
                    m.at("power_w"),
                    "power_w of device template '" + id + "' must be above 0; it is ignored");
            return Double.NaN;
        }
        return w == null ? Double.NaN : w;
    }

    /**
     * {@code display_thresholds: {warn, crit}} for the template's values, or {@code {ID: {warn,
     * crit}, ...}} by check or metric id.
     */
    private Map<String, DeviceTemplate.Thresholds> displayThresholds(
            YamlNode.Mapping m, String id) {
        Map<String, DeviceTemplate.Thresholds> out = new LinkedHashMap<>();
        m.mapping("display_thresholds")
                .ifPresent(
                        t -> {
                            String where = "display_thresholds of device template '" + id + "'";
                            if (t.has("warn") || t.has("crit")) {
                                out.put("*", thresholds(t, where));
                            }
                            t.entries()
                                    .forEach(
                                            (k, v) -> {
                                                if (v instanceof YamlNode.Mapping byId) {
                                                    out.put(k, thresholds(byId, where + "." + k));
                                                }
                                            });
                        });
        return out;
    }

    private DeviceTemplate.Thresholds thresholds(YamlNode.Mapping t, String where) {
        return new DeviceTemplate.Thresholds(
                values.number(t, "warn", where + ".warn"),
                values.number(t, "crit", where + ".crit"));
    }

    private int uHeight(YamlNode.Mapping m, String id) {
        int u = values.integer(m, "u_height", "u_height", 1);
        if (u < 1 || u > 60) {
            diagnostics.error(
                    m.at("u_height"),
                    "template '" + id + "' has u_height " + u + "; it must be between 1 and 60");
            return Math.max(1, Math.min(60, u));
        }
        return u;
    }

    private int[][] matrix(YamlNode.Mapping layout) {
        if (layout != null) {
            List<YamlNode> rows = layout.list("matrix");
            if (!rows.isEmpty()) {
                int[][] out = new int[rows.size()][];
                for (int r = 0; r < rows.size(); r++) {
                    List<YamlNode> cells =
                            rows.get(r) instanceof YamlNode.Sequence s
                                    ? s.items()
                                    : List.of(rows.get(r));
                    out[r] =
                            cells.stream()
                                    .mapToInt(
                                            c ->
                                                    c instanceof YamlNode.Scalar s && !s.isNull()
                                                            ? parseOr(s.value(), 0)
                                                            : 0)
                                    .toArray();
                }
                return out;
            }
            int rowCount = parseOr(layout.text("rows", "1"), 1);
            int cols = parseOr(layout.text("cols", "1"), 1);
            int[][] out = new int[Math.max(1, rowCount)][Math.max(1, cols)];
            for (int r = 0; r < out.length; r++) {
                for (int c = 0; c < out[r].length; c++) {
                    out[r][c] = r * out[r].length + c + 1;
                }
            }
            return out;
        }
        return new int[][] {{1}};
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private RackTemplate rack(YamlNode.Mapping m, String id) {
        List<RackTemplate.ComponentRef> refs = new ArrayList<>();
        RACK.check(m, "rack template '" + id + "'", diagnostics);
        YamlNode.Mapping infra =
                m.mapping("infrastructure").orElse(YamlNode.Mapping.empty(m.file()));
        INFRASTRUCTURE.check(
                infra, "the infrastructure of rack template '" + id + "'", diagnostics);
        Map<String, String> lists =
                new LinkedHashMap<>(
                        Map.of(
                                "rack_components", "",
                                "components", "",
                                "front_components", "front",
                                "rear_components", "rear",
                                "side_components", "side"));
        lists.forEach(
                (key, face) -> {
                    for (YamlNode n : infra.list(key)) {
                        if (n instanceof YamlNode.Mapping c) {
                            refs.add(componentRef(c, id, face.isEmpty() ? null : face));
                        }
                    }
                });
        return new RackTemplate(
                id,
                m.text("name", id),
                values.integer(m, "u_height", "u_height", 42),
                values.names(m, "checks", "the checks of rack template '" + id + "'"),
                refs);
    }

    /**
     * One component of a rack template: a reference to a component template, or a component written
     * in place (an id, a name, a type, ...), which becomes a component template of its own named
     * {@code RACK_TEMPLATE/ID}. {@code face}: where the list it is in puts it, if anywhere.
     */
    private RackTemplate.ComponentRef componentRef(
            YamlNode.Mapping c, String rackTemplate, String face) {
        COMPONENT_REF.check(c, "a component of rack template '" + rackTemplate + "'", diagnostics);
        String templateId = c.text("template_id", null);
        String id = c.text("id", templateId == null ? "" : templateId);
        if (templateId == null) {
            templateId = rackTemplate + "/" + id;
            inline.putIfAbsent(templateId, componentOf(c, templateId));
        }
        return new RackTemplate.ComponentRef(
                id,
                templateId,
                c.text("location", face),
                c.text("side", null),
                Math.max(1, parseOr(c.text("u_position", "1"), 1)),
                parseOr(c.text("u_height", "0"), 0));
    }

    private RackComponentTemplate component(YamlNode.Mapping m, String id) {
        COMPONENT.check(m, "rack component template '" + id + "'", diagnostics);
        return componentOf(m, id);
    }

    /** A component template; {@code location} as the original defaults it: in the U space. */
    private RackComponentTemplate componentOf(YamlNode.Mapping m, String id) {
        return new RackComponentTemplate(
                id,
                m.text("name", id),
                m.text("type", "other"),
                m.text("location", "u-mount"),
                m.text("side", null),
                values.integer(m, "u_height", "u_height", 1),
                values.names(m, "checks", "the checks of rack component template '" + id + "'"),
                values.names(m, "metrics", "the metrics of rack component template '" + id + "'"));
    }
}
