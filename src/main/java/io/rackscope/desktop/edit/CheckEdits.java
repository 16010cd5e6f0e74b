package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.RackComponentTemplate;
import io.rackscope.desktop.topology.RackTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The checks of the library where they are written: one check's YAML read and written (by its
 * fields or as text), what lists it, a new id written in it and in every template that lists it, a
 * delete refused while one does, and a new check.
 */
public final class CheckEdits {
    private static final String ID = "[a-z0-9][a-z0-9._:-]{0,127}";

    private final EditSession session;
    private final RackscopeConfig config;
    private final UnaryOperator<Path> real;

    CheckEdits(EditSession session, RackscopeConfig config, UnaryOperator<Path> real) {
        this.session = session;
        this.config = config;
        this.real = real;
    }

    /** Where a check is written: its file, the list holding it and its place in it. */
    private record Place(
            Path file, YamlText text, MappingNode owner, String key, SequenceNode list, int index) {
        int line() {
            return YamlText.line(list.getValue().get(index));
        }
    }

    /** The templates that list check {@code id}: "device template t", "rack template r", … */
    public static List<String> usedBy(RackscopeConfig config, String id) {
        List<String> out = new ArrayList<>();
        for (DeviceTemplate t : config.templates().devices().values()) {
            if (t.checks().contains(id)) {
                out.add("device template " + t.id());
            }
            for (DeviceTemplate.RearComponent c : t.rearComponents()) {
                if (c.checks().contains(id)) {
                    out.add("device template " + t.id() + " (rear component " + c.id() + ")");
                }
            }
        }
        for (RackTemplate t : config.templates().racks().values()) {
            if (t.checks().contains(id)) {
                out.add("rack template " + t.id());
            }
        }
        for (RackComponentTemplate c : config.templates().components().values()) {
            if (c.checks().contains(id)) {
                out.add(
                        c.id().contains("/")
                                ? "rack template "
                                        + c.id().substring(0, c.id().indexOf('/'))
                                        + " (component "
                                        + c.id().substring(c.id().indexOf('/') + 1)
                                        + ")"
                                : "rack component template " + c.id());
            }
        }
        return out.stream().sorted().toList();
    }

    /** Check {@code id} as written, its mapping out of its list (see {@link CheckText}). */
    public String text(String id) {
        Place p = find(id);
        return CheckText.mapping(p.text().itemText(p.list(), p.index()));
    }

    /** Check {@code id} given the keys of {@code f} that differ from what is written. */
    public void set(String id, CheckFields f) {
        set(id, CheckText.withFields(text(id), f));
    }

    /**
     * Check {@code id} written as {@code mappingText} (its comments as typed); a new id in it is
     * written in the templates that listed the old one too.
     */
    public void set(String id, String mappingText) {
        Place p = find(id);
        String to = CheckText.fields(mappingText).id();
        if (!to.equals(id)) {
            checkNewId(p, to);
        }
        session.step();
        session.write(
                p.file(), p.text().replaceItem(p.list(), p.index(), CheckText.item(mappingText)));
        if (!to.equals(id)) {
            references(id, to);
        }
    }

    /** Check {@code id} called {@code to}, in its own entry and in every template listing it. */
    public void rename(String id, String to) {
        Place p = find(id);
        checkNewId(p, to);
        session.step();
        MappingNode check = (MappingNode) p.list().getValue().get(p.index());
        session.write(p.file(), p.text().setText(check, "id", to));
        references(id, to);
    }

    /** Deletes check {@code id}; refused, naming them, while templates list it. */
    public void delete(String id) {
        Place p = find(id);
        List<String> users = usedBy(config, id);
        if (!users.isEmpty()) {
            throw new EditRefused(
                    p.file(),
                    p.line(),
                    "check '"
                            + id
                            + "' is listed by "
                            + users.size()
                            + ": "
                            + String.join(", ", users.subList(0, Math.min(5, users.size())))
                            + (users.size() > 5 ? ", …" : "")
                            + " (take it out of them first)");
        }
        session.step();
        session.write(p.file(), p.text().remove(p.owner(), p.key(), p.list(), p.index()));
    }

    /**
     * A new check written as {@code mappingText}: after check {@code near} in its list, or, with no
     * {@code near}, at the end of {@code checks/library/custom.yaml} (made when missing).
     */
    public void add(String mappingText, String near) {
        String id = CheckText.fields(mappingText).id();
        Path file = real.apply(config.paths().checks()).resolve("custom.yaml");
        if (!id.matches(ID)) {
            throw new EditRefused(badId(id));
        }
        Optional<Place> same = locate(id);
        if (same.isPresent()) {
            throw new EditRefused(
                    same.get().file(), same.get().line(), "a check '" + id + "' exists already");
        }
        session.step();
        String item = CheckText.item(mappingText);
        if (near != null) {
            Place p = find(near);
            YamlText t = p.text().insert(p.list(), p.index() + 1, Item.scalar("x"));
            // the placeholder's item is replaced by the whole text, re-indented to the list
            session.write(
                    p.file(),
                    t.replaceItem(
                            YamlText.sequence(owner(t, p), p.key()).orElseThrow(),
                            p.index() + 1,
                            item));
            return;
        }
        if (!session.exists(file)) {
            session.write(file, CheckText.file(mappingText));
            return;
        }
        YamlText t = session.yaml(file);
        Optional<SequenceNode> list = YamlText.sequence(t.top(), "checks");
        if (list.isEmpty() || list.get().getValue().isEmpty()) {
            throw new EditRefused(file, 0, "this file has no list of checks to add to");
        }
        session.write(file, t.appendText(list.get(), item));
    }

    private static MappingNode owner(YamlText t, Place p) {
        return p.owner() == p.text().top()
                ? t.top()
                : YamlText.mapping(t.top(), "kinds").orElseThrow();
    }

    private void checkNewId(Place p, String to) {
        if (!to.matches(ID)) {
            throw new EditRefused(p.file(), p.line(), badId(to));
        }
        Optional<Place> other = locate(to);
        if (other.isPresent()) {
            throw new EditRefused(
                    other.get().file(), other.get().line(), "a check '" + to + "' exists already");
        }
    }

    private static String badId(String id) {
        return "a check id is lower-case letters, digits, '.', '_', ':' and '-', not '" + id + "'";
    }

    /** Every {@code checks:} list item {@code id} of the templates' files, renamed. */
    private void references(String id, String to) {
        for (Path f : TemplateFiles.all(session, config)) {
            YamlText t = session.yaml(f);
            YamlText changed = t;
            // one at a time: each change moves the text after it, so the file is read again
            for (Optional<ScalarNode> r = firstRef(changed, id);
                    r.isPresent();
                    r = firstRef(changed, id)) {
                changed = changed.setScalar(r.get(), Scalars.text(to, r.get().getScalarStyle()));
            }
            if (!changed.text().equals(t.text())) {
                session.write(f, changed);
            }
        }
    }

    private static Optional<ScalarNode> firstRef(YamlText t, String id) {
        return t.root().flatMap(n -> firstRef(n, id, false));
    }

    private static Optional<ScalarNode> firstRef(Node n, String id, boolean inChecks) {
        if (n instanceof ScalarNode s) {
            return inChecks && s.getValue().equals(id) ? Optional.of(s) : Optional.empty();
        }
        if (n instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                Optional<ScalarNode> r = firstRef(item, id, inChecks);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        if (n instanceof MappingNode m) {
            for (NodeTuple e : m.getValue()) {
                boolean checks =
                        e.getKeyNode() instanceof ScalarNode k && k.getValue().equals("checks");
                if (checks || !(e.getValueNode() instanceof ScalarNode)) {
                    Optional<ScalarNode> r = firstRef(e.getValueNode(), id, checks);
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Place find(String id) {
        return locate(id)
                .orElseThrow(
                        () ->
                                new EditRefused(
                                        "no check '"
                                                + id
                                                + "' in a checks list of the checks folder"));
    }

    /** Where check {@code id} is, as the session has it now: a {@code checks:} or kinds list. */
    private Optional<Place> locate(String id) {
        for (Path f : TemplateFiles.under(session, config, config.paths().checks())) {
            YamlText t = session.yaml(f);
            if (t.root().isEmpty() || !(t.root().get() instanceof MappingNode top)) {
                continue;
            }
            Optional<Place> p = in(f, t, top, "checks", id);
            if (p.isPresent()) {
                return p;
            }
            Optional<MappingNode> kinds = YamlText.mapping(top, "kinds");
            for (NodeTuple k : kinds.map(MappingNode::getValue).orElse(List.of())) {
                if (k.getKeyNode() instanceof ScalarNode key) {
                    p = in(f, t, kinds.get(), key.getValue(), id);
                    if (p.isPresent()) {
                        return p;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Place> in(
            Path f, YamlText t, MappingNode owner, String key, String id) {
        return YamlText.sequence(owner, key)
                .map(seq -> new Place(f, t, owner, key, seq, YamlText.indexOf(seq, id)))
                .filter(
                        p ->
                                p.index() >= 0
                                        && p.list().getValue().get(p.index())
                                                instanceof MappingNode);
    }
}
