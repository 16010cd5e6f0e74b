package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.RackComponentTemplate;
import io.rackscope.desktop.topology.RackTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rack components (PDUs and the like) placed on a rack template's side rails: added at a U, moved,
 * removed, in the template's {@code infrastructure} where the original reads them. A rack template
 * is shared by every rack made from it: so is each change.
 */
public final class ComponentEdits {

    private final EditSession session;
    private final RackscopeConfig config;

    ComponentEdits(EditSession session, RackscopeConfig config) {
        this.session = session;
        this.config = config;
    }

    /** Which rail: the left or the right one. */
    public enum Rail {
        LEFT,
        RIGHT;

        String word() {
            return this == LEFT ? "left" : "right";
        }
    }

    /**
     * A component of {@code componentTemplate} named {@code id} on {@code rail} of {@code
     * rackTemplate} from U {@code u}, checked against the rack's height and the rail's others.
     */
    public void place(String rackTemplate, String componentTemplate, String id, Rail rail, int u) {
        Found f = template(rackTemplate);
        RackComponentTemplate ct =
                config.templates()
                        .component(componentTemplate)
                        .orElseThrow(
                                () ->
                                        new EditRefused(
                                                f.file(),
                                                0,
                                                "no rack component template '"
                                                        + componentTemplate
                                                        + "'"));
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,127}")) {
            throw new EditRefused(
                    f.file(),
                    0,
                    "a component id is lower-case letters, digits, '.', '_' and '-', not '"
                            + id
                            + "'");
        }
        if (f.rack().components().stream().anyMatch(r -> r.id().equals(id))) {
            throw new EditRefused(
                    f.file(),
                    0,
                    "rack template '" + rackTemplate + "' has a component '" + id + "'");
        }
        checkRail(f, null, rail, u, Math.max(1, ct.uHeight()));
        Item ref =
                Item.map(
                        Item.fields(
                                "id", Scalars.id(id),
                                "template_id", Scalars.id(componentTemplate),
                                "location", rail.word(),
                                "u_position", Scalars.number(u)));
        session.step();
        YamlText t = session.yaml(f.file());
        MappingNode m = node(t, rackTemplate);
        Optional<MappingNode> infra = YamlText.mapping(m, "infrastructure");
        if (infra.isEmpty()) {
            t =
                    t.addEntry(
                            m,
                            "infrastructure",
                            Item.map(Item.fields("rack_components", "[" + ref.flow() + "]")));
        } else {
            t = t.insertInto(infra.get(), "rack_components", -1, ref);
        }
        session.write(f.file(), t);
    }

    /** A component moved along its rail (or to the other) to U {@code u}. */
    public void move(String rackTemplate, String componentId, Rail rail, int u) {
        Found f = template(rackTemplate);
        RackTemplate.ComponentRef ref = ref(f, componentId);
        int height = ref.height(config.templates().component(ref.templateId()).orElse(null));
        checkRail(f, componentId, rail, u, height);
        session.step();
        YamlText t = session.yaml(f.file());
        t = t.set(refNode(f, t, ref), "u_position", Scalars.number(u));
        MappingNode n = refNode(f, t, ref);
        t =
                YamlText.value(n, "location").isPresent() || YamlText.value(n, "side").isEmpty()
                        ? t.setText(n, "location", rail.word())
                        : t.setText(n, "side", rail.word());
        session.write(f.file(), t);
    }

    /** A component taken off its rack template. */
    public void remove(String rackTemplate, String componentId) {
        Found f = template(rackTemplate);
        RackTemplate.ComponentRef ref = ref(f, componentId);
        session.step();
        YamlText t = session.yaml(f.file());
        MappingNode infra = YamlText.mapping(node(t, rackTemplate), "infrastructure").orElseThrow();
        for (String key : TemplateFiles.INFRASTRUCTURE) {
            Optional<SequenceNode> list = YamlText.sequence(infra, key);
            if (list.isPresent()) {
                int i = list.get().getValue().indexOf(refNode(f, t, ref));
                if (i >= 0) {
                    session.write(f.file(), t.remove(infra, key, list.get(), i));
                    return;
                }
            }
        }
    }

    private record Found(Path file, RackTemplate rack) {}

    /** The file that holds rack template {@code id}, with the template as loaded. */
    private Found template(String id) {
        RackTemplate rt =
                config.templates()
                        .rack(id)
                        .orElseThrow(() -> new EditRefused("no rack template '" + id + "'"));
        Path file =
                TemplateFiles.find(session, config, "rack_templates", id)
                        .orElseThrow(
                                () ->
                                        new EditRefused(
                                                "rack template '"
                                                        + id
                                                        + "' is not in a rack_templates list of the"
                                                        + " templates folder"));
        return new Found(file, rt);
    }

    private static Optional<MappingNode> find(YamlText t, String id) {
        return TemplateFiles.entry(t, "rack_templates", id);
    }

    private static MappingNode node(YamlText t, String id) {
        return find(t, id).orElseThrow();
    }

    private RackTemplate.ComponentRef ref(Found f, String componentId) {
        return f.rack().components().stream()
                .filter(r -> r.id().equals(componentId))
                .findFirst()
                .orElseThrow(
                        () ->
                                new EditRefused(
                                        f.file(),
                                        0,
                                        "rack template '"
                                                + f.rack().id()
                                                + "' has no component '"
                                                + componentId
                                                + "'"));
    }

    /** The entry written for {@code ref}: by its id, else by its template at its U. */
    private static MappingNode refNode(Found f, YamlText t, RackTemplate.ComponentRef ref) {
        MappingNode infra =
                YamlText.mapping(node(t, f.rack().id()), "infrastructure").orElseThrow();
        for (String key : TemplateFiles.INFRASTRUCTURE) {
            for (Node n :
                    YamlText.sequence(infra, key).map(SequenceNode::getValue).orElse(List.of())) {
                if (n instanceof MappingNode c) {
                    Optional<String> id = YamlText.scalar(c, "id");
                    String template = YamlText.scalar(c, "template_id").orElse(null);
                    int u = YamlText.scalar(c, "u_position").map(Integer::parseInt).orElse(1);
                    if (id.map(ref.id()::equals)
                            .orElse(ref.id().equals(template) && u == ref.uPosition())) {
                        return c;
                    }
                }
            }
        }
        throw new EditRefused(f.file(), 0, "component '" + ref.id() + "' not found as written");
    }

    /**
     * Refused unless U {@code u} up, {@code height} high, are inside the rack and free on the rail.
     */
    private void checkRail(Found f, String self, Rail rail, int u, int height) {
        int top = u + height - 1;
        int rackHeight = f.rack().uHeight();
        if (u < 1 || top > rackHeight) {
            throw new EditRefused(
                    f.file(),
                    0,
                    "U " + u + "-" + top + " is outside the rack (1-" + rackHeight + ")");
        }
        RackTemplate.Mount mount =
                rail == Rail.LEFT ? RackTemplate.Mount.LEFT : RackTemplate.Mount.RIGHT;
        for (RackTemplate.ComponentRef r : f.rack().components()) {
            RackComponentTemplate ct = config.templates().component(r.templateId()).orElse(null);
            if (r.id().equals(self) || r.mount(ct) != mount) {
                continue;
            }
            int rTop = r.uPosition() + r.height(ct) - 1;
            if (r.uPosition() <= top && u <= rTop) {
                throw new EditRefused(
                        f.file(),
                        0,
                        "the "
                                + rail.word()
                                + " rail is taken at U "
                                + Math.max(u, r.uPosition())
                                + " by '"
                                + r.id()
                                + "' (U "
                                + r.uPosition()
                                + "-"
                                + rTop
                                + ")");
            }
        }
    }
}
