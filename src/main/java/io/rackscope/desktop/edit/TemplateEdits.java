package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.RackTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Templates of every kind where they are used: what uses one (devices, racks, rack templates), a
 * delete refused while anything does (saying where), and a new id written in the template and in
 * every reference to it.
 */
public final class TemplateEdits {
    /** The kinds of template, with the list each is written in. */
    public enum Kind {
        DEVICE("templates"),
        RACK("rack_templates"),
        COMPONENT("rack_component_templates");

        final String list;

        Kind(String list) {
            this.list = list;
        }

        public static Kind parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "device" -> DEVICE;
                case "rack" -> RACK;
                case "component" -> COMPONENT;
                default -> throw new EditRefused("a template is a device, rack or component one");
            };
        }

        String word() {
            return this == COMPONENT ? "rack component" : name().toLowerCase(Locale.ROOT);
        }
    }

    private final EditSession session;
    private final RackscopeConfig config;
    private final UnaryOperator<Path> real;

    /** {@code real}: a file of the loaded configuration in the session's directory. */
    TemplateEdits(EditSession session, RackscopeConfig config, UnaryOperator<Path> real) {
        this.session = session;
        this.config = config;
        this.real = real;
    }

    /** What uses template {@code id}: "rack r01: device srv-01", "rack r07", "rack template t". */
    public List<String> usedBy(Kind kind, String id) {
        return usedBy(config, kind, id);
    }

    /** What uses template {@code id} in {@code config}. */
    public static List<String> usedBy(RackscopeConfig config, Kind kind, String id) {
        List<String> out = new ArrayList<>();
        switch (kind) {
            case DEVICE -> {
                for (Device d : devicesOf(config, id)) {
                    out.add("rack " + d.rackKey() + ": device " + d.id());
                }
            }
            case RACK -> racksOf(config, id).forEach(r -> out.add("rack " + r.key()));
            case COMPONENT -> {
                for (RackTemplate t : config.templates().racks().values()) {
                    for (RackTemplate.ComponentRef ref : t.components()) {
                        if (ref.templateId().equals(id)) {
                            out.add("rack template " + t.id() + " (component " + ref.id() + ")");
                        }
                    }
                }
            }
        }
        return out.stream().sorted().toList();
    }

    /** The templates of {@code kind} as items of the library (a new one is refused here). */
    public ItemEdits of(Kind kind) {
        return new ItemEdits() {
            @Override
            public String text(String id) {
                return TemplateEdits.this.text(kind, id);
            }

            @Override
            public void set(String id, String mappingText) {
                TemplateEdits.this.set(kind, id, mappingText);
            }

            @Override
            public void rename(String id, String to) {
                TemplateEdits.this.rename(kind, id, to);
            }

            @Override
            public void delete(String id) {
                TemplateEdits.this.delete(kind, id);
            }

            @Override
            public void add(String mappingText, String near) {
                throw new EditRefused(
                        "a new "
                                + kind.word()
                                + " template is made where it is used (a free U of a rack: New"
                                + " device template…)");
            }
        };
    }

    /** Template {@code id} as written, its mapping out of its list (see {@link ItemText}). */
    public String text(Kind kind, String id) {
        Path file = file(kind, id);
        YamlText t = session.yaml(file);
        SequenceNode list = YamlText.sequence(t.top(), kind.list).orElseThrow();
        return ItemText.mapping(t.itemText(list, YamlText.indexOf(list, id)));
    }

    /**
     * Template {@code id} written as {@code mappingText} (its comments as typed); a new id in it is
     * written in every reference too (as {@link #rename}).
     */
    public void set(Kind kind, String id, String mappingText) {
        Path file = file(kind, id);
        String to = ItemText.id(mappingText);
        YamlText typed = YamlText.parse(mappingText);
        // written under its old id first: the rename then finds it and every reference
        String same = to.equals(id) ? mappingText : typed.setText(typed.top(), "id", id).text();
        session.step();
        YamlText t = session.yaml(file);
        SequenceNode list = YamlText.sequence(t.top(), kind.list).orElseThrow();
        session.write(file, t.replaceItem(list, YamlText.indexOf(list, id), ItemText.item(same)));
        if (!to.equals(id)) {
            rename(kind, id, to, false);
        }
    }

    /** Deletes template {@code id}; refused, saying where, while anything uses it. */
    public void delete(Kind kind, String id) {
        Path file = file(kind, id);
        List<String> users = usedBy(kind, id);
        if (!users.isEmpty()) {
            throw new EditRefused(
                    file,
                    0,
                    kind.word()
                            + " template '"
                            + id
                            + "' is used by "
                            + users.size()
                            + ": "
                            + String.join(", ", users.subList(0, Math.min(5, users.size())))
                            + (users.size() > 5 ? ", …" : ""));
        }
        session.step();
        YamlText t = session.yaml(file);
        SequenceNode list = YamlText.sequence(t.top(), kind.list).orElseThrow();
        session.write(file, t.remove(t.top(), kind.list, list, YamlText.indexOf(list, id)));
    }

    /** Template {@code id} called {@code to}: in its own entry and in every reference to it. */
    public void rename(Kind kind, String id, String to) {
        rename(kind, id, to, true);
    }

    /** {@code step}: a step of its own (else part of the step being made). */
    private void rename(Kind kind, String id, String to, boolean step) {
        Path file = file(kind, id);
        if (!to.matches("[a-z0-9][a-z0-9._-]{0,127}")) {
            throw new EditRefused(
                    file,
                    0,
                    "a template id is lower-case letters, digits, '.', '_' and '-', not '"
                            + to
                            + "'");
        }
        if (exists(kind, to)) {
            throw new EditRefused(
                    file, 0, "a " + kind.word() + " template '" + to + "' exists already");
        }
        if (step) {
            session.step();
        }
        YamlText t = session.yaml(file);
        session.write(
                file, t.setText(TemplateFiles.entry(t, kind.list, id).orElseThrow(), "id", to));
        switch (kind) {
            case DEVICE -> {
                for (Device d : devicesOf(config, id)) {
                    Path f = real.apply(d.file());
                    YamlText r = session.yaml(f);
                    session.write(f, r.setText(deviceNode(f, r, d.id()), "template_id", to));
                }
            }
            case RACK -> {
                for (Rack k : racksOf(config, id)) {
                    Path f = real.apply(k.file());
                    YamlText r = session.yaml(f);
                    session.write(f, r.setText(r.top(), "template_id", to));
                }
            }
            case COMPONENT -> {
                for (Path f : TemplateFiles.all(session, config)) {
                    YamlText r = session.yaml(f);
                    YamlText changed = componentRefs(r, id, to);
                    if (!changed.text().equals(r.text())) {
                        session.write(f, changed);
                    }
                }
            }
        }
    }

    /**
     * Every {@code template_id: id} of the rack templates' infrastructure in {@code t}, renamed.
     */
    private static YamlText componentRefs(YamlText t, String id, String to) {
        // one at a time: each change moves the text after it, so the file is read again
        for (Optional<MappingNode> r = firstRef(t, id); r.isPresent(); r = firstRef(t, id)) {
            t = t.setText(r.get(), "template_id", to);
        }
        return t;
    }

    private static Optional<MappingNode> firstRef(YamlText t, String id) {
        if (t.root().isEmpty() || !(t.root().get() instanceof MappingNode)) {
            return Optional.empty();
        }
        List<Node> templates =
                YamlText.sequence(t.top(), "rack_templates")
                        .map(SequenceNode::getValue)
                        .orElse(List.of());
        return templates.stream()
                .flatMap(
                        n ->
                                n instanceof MappingNode m
                                        ? YamlText.mapping(m, "infrastructure").stream()
                                        : java.util.stream.Stream.empty())
                .flatMap(
                        infra ->
                                TemplateFiles.INFRASTRUCTURE.stream()
                                        .flatMap(k -> YamlText.sequence(infra, k).stream()))
                .flatMap(seq -> seq.getValue().stream())
                .filter(c -> c instanceof MappingNode)
                .map(c -> (MappingNode) c)
                .filter(ref -> YamlText.scalar(ref, "template_id").map(id::equals).orElse(false))
                .findFirst();
    }

    private MappingNode deviceNode(Path f, YamlText t, String id) {
        Optional<SequenceNode> devices = YamlText.sequence(t.top(), "devices");
        int i = devices.map(s -> YamlText.indexOf(s, id)).orElse(-1);
        if (i < 0 || !(devices.get().getValue().get(i) instanceof MappingNode m)) {
            throw new EditRefused(
                    f,
                    0,
                    "device '" + id + "' is not in this file's devices list: edit it by hand");
        }
        return m;
    }

    private static List<Device> devicesOf(RackscopeConfig config, String template) {
        return config.topology().devices().stream()
                .filter(d -> template.equals(d.templateId()))
                .toList();
    }

    private static List<Rack> racksOf(RackscopeConfig config, String template) {
        return config.topology().racks().stream()
                .filter(r -> template.equals(r.templateId()))
                .toList();
    }

    private boolean exists(Kind kind, String id) {
        return switch (kind) {
            case DEVICE -> config.templates().device(id).isPresent();
            case RACK -> config.templates().rack(id).isPresent();
            case COMPONENT -> config.templates().component(id).isPresent();
        };
    }

    private Path file(Kind kind, String id) {
        if (!exists(kind, id)) {
            throw new EditRefused("no " + kind.word() + " template '" + id + "'");
        }
        return TemplateFiles.find(session, config, kind.list, id)
                .orElseThrow(
                        () ->
                                new EditRefused(
                                        kind.word()
                                                + " template '"
                                                + id
                                                + "' is not in a "
                                                + kind.list
                                                + " list of the templates folder"));
    }
}
