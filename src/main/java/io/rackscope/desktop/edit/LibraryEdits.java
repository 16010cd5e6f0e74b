package io.rackscope.desktop.edit;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.RackComponentTemplate;
import io.rackscope.desktop.topology.RackTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The checks or the metrics of the library where they are written: one's YAML read and written as
 * text (comments kept), what lists it, a new id written in it and in every template that lists it,
 * a delete refused while one does, and a new one.
 */
public final class LibraryEdits implements ItemEdits {
    private static final String ID = "[a-z0-9][a-z0-9._:-]{0,127}";

    /** The two libraries: where each is written and how templates name its items. */
    public enum Library {
        CHECK("checks"),
        METRIC("metrics");

        /** The list key of its files and of the templates that name its items. */
        final String key;

        Library(String key) {
            this.key = key;
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        Path dir(RackscopeConfig config) {
            return this == CHECK ? config.paths().checks() : config.paths().metrics();
        }

        /** What a template lists of this library. */
        Function<DeviceTemplate, List<String>> device() {
            return this == CHECK ? DeviceTemplate::checks : DeviceTemplate::metrics;
        }

        Function<RackComponentTemplate, List<String>> component() {
            return this == CHECK ? RackComponentTemplate::checks : RackComponentTemplate::metrics;
        }
    }

    private final Library library;
    private final EditSession session;
    private final RackscopeConfig config;
    private final UnaryOperator<Path> real;

    LibraryEdits(
            Library library,
            EditSession session,
            RackscopeConfig config,
            UnaryOperator<Path> real) {
        this.library = library;
        this.session = session;
        this.config = config;
        this.real = real;
    }

    /**
     * Where an item is written: its file, and the list holding it and its place in it; a metric
     * alone in its file has no list ({@code list} null: the file's top mapping is the item).
     */
    private record Place(
            Path file, YamlText text, MappingNode owner, String key, SequenceNode list, int index) {
        int line() {
            return list == null ? 1 : YamlText.line(list.getValue().get(index));
        }

        MappingNode item() {
            return list == null ? owner : (MappingNode) list.getValue().get(index);
        }
    }

    /** The templates that list {@code id}: "device template t", "rack template r", … */
    public static List<String> usedBy(RackscopeConfig config, Library library, String id) {
        List<String> out = new ArrayList<>();
        for (DeviceTemplate t : config.templates().devices().values()) {
            if (library.device().apply(t).contains(id)) {
                out.add("device template " + t.id());
            }
            for (DeviceTemplate.RearComponent c : t.rearComponents()) {
                if (library == Library.CHECK && c.checks().contains(id)) {
                    out.add("device template " + t.id() + " (rear component " + c.id() + ")");
                }
            }
        }
        for (RackTemplate t : config.templates().racks().values()) {
            if (library == Library.CHECK && t.checks().contains(id)) {
                out.add("rack template " + t.id());
            }
        }
        for (RackComponentTemplate c : config.templates().components().values()) {
            if (library.component().apply(c).contains(id)) {
                int slash = c.id().indexOf('/');
                out.add(
                        slash > 0
                                ? "rack template "
                                        + c.id().substring(0, slash)
                                        + " (component "
                                        + c.id().substring(slash + 1)
                                        + ")"
                                : "rack component template " + c.id());
            }
        }
        return out.stream().sorted().toList();
    }

    /** Item {@code id} as written, its mapping out of its list (see {@link ItemText}). */
    @Override
    public String text(String id) {
        Place p = find(id);
        return p.list() == null
                ? p.text().text().strip() + "\n"
                : ItemText.mapping(p.text().itemText(p.list(), p.index()));
    }

    /**
     * Item {@code id} written as {@code mappingText} (its comments as typed); a new id in it is
     * written in the templates that listed the old one too.
     */
    @Override
    public void set(String id, String mappingText) {
        Place p = find(id);
        String to = ItemText.id(mappingText);
        if (!to.equals(id)) {
            checkNewId(p, to);
        }
        session.step();
        session.write(
                p.file(),
                p.list() == null
                        ? ItemText.withOneLineEnd(mappingText)
                        : p.text()
                                .replaceItem(p.list(), p.index(), ItemText.item(mappingText))
                                .text());
        if (!to.equals(id)) {
            references(id, to);
        }
    }

    /** Item {@code id} called {@code to}, in its own entry and in every template listing it. */
    @Override
    public void rename(String id, String to) {
        Place p = find(id);
        checkNewId(p, to);
        session.step();
        session.write(p.file(), p.text().setText(p.item(), "id", to));
        references(id, to);
    }

    /** Deletes item {@code id}; refused, naming them, while templates list it. */
    @Override
    public void delete(String id) {
        Place p = find(id);
        List<String> users = usedBy(config, library, id);
        if (!users.isEmpty()) {
            throw new EditRefused(
                    p.file(),
                    p.line(),
                    library.word()
                            + " '"
                            + id
                            + "' is listed by "
                            + users.size()
                            + ": "
                            + String.join(", ", users.subList(0, Math.min(5, users.size())))
                            + (users.size() > 5 ? ", …" : "")
                            + " (take it out of them first)");
        }
        session.step();
        if (p.list() == null) {
            session.delete(p.file());
        } else {
            session.write(p.file(), p.text().remove(p.owner(), p.key(), p.list(), p.index()));
        }
    }

    /**
     * A new item written as {@code mappingText}: after {@code near} in its list, or, with no {@code
     * near} (or one alone in its file), at the end of {@code custom.yaml} of the library's folder
     * (made when missing).
     */
    @Override
    public void add(String mappingText, String near) {
        String id = ItemText.id(mappingText);
        if (!id.matches(ID)) {
            throw new EditRefused(badId(id));
        }
        Optional<Place> same = locate(id);
        if (same.isPresent()) {
            throw new EditRefused(
                    same.get().file(),
                    same.get().line(),
                    "a " + library.word() + " '" + id + "' exists already");
        }
        session.step();
        String item = ItemText.item(mappingText);
        Optional<Place> beside = near == null ? Optional.empty() : Optional.of(find(near));
        if (beside.isPresent() && beside.get().list() != null) {
            Place p = beside.get();
            session.write(p.file(), p.text().insertText(p.list(), p.index() + 1, item));
            return;
        }
        Path file = real.apply(library.dir(config)).resolve("custom.yaml");
        if (!session.exists(file)) {
            session.write(file, ItemText.file(library.key, mappingText));
            return;
        }
        YamlText t = session.yaml(file);
        Optional<SequenceNode> list = YamlText.sequence(t.top(), library.key);
        if (list.isEmpty() || list.get().getValue().isEmpty()) {
            throw new EditRefused(
                    file, 0, "this file has no list of " + library.key + " to add to");
        }
        session.write(file, t.appendText(list.get(), item));
    }

    private void checkNewId(Place p, String to) {
        if (!to.matches(ID)) {
            throw new EditRefused(p.file(), p.line(), badId(to));
        }
        Optional<Place> other = locate(to);
        if (other.isPresent()) {
            throw new EditRefused(
                    other.get().file(),
                    other.get().line(),
                    "a " + library.word() + " '" + to + "' exists already");
        }
    }

    private String badId(String id) {
        return "a "
                + library.word()
                + " id is lower-case letters, digits, '.', '_', ':' and '-', not '"
                + id
                + "'";
    }

    /** Every item {@code id} of the templates' lists of this library, renamed. */
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

    private Optional<ScalarNode> firstRef(YamlText t, String id) {
        return t.root().flatMap(n -> firstRef(n, id, false));
    }

    private Optional<ScalarNode> firstRef(Node n, String id, boolean inList) {
        if (n instanceof ScalarNode s) {
            return inList && s.getValue().equals(id) ? Optional.of(s) : Optional.empty();
        }
        if (n instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                Optional<ScalarNode> r = firstRef(item, id, inList);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        if (n instanceof MappingNode m) {
            for (NodeTuple e : m.getValue()) {
                boolean list =
                        e.getKeyNode() instanceof ScalarNode k && k.getValue().equals(library.key);
                if (list || !(e.getValueNode() instanceof ScalarNode)) {
                    Optional<ScalarNode> r = firstRef(e.getValueNode(), id, list);
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
                                        "no "
                                                + library.word()
                                                + " '"
                                                + id
                                                + "' in the "
                                                + library.key
                                                + " folder"));
    }

    /**
     * Where item {@code id} is, as the session has it now: the library's list (for checks also a
     * {@code kinds:} list), or a file that is the item.
     */
    private Optional<Place> locate(String id) {
        for (Path f : TemplateFiles.under(session, config, library.dir(config))) {
            YamlText t = session.yaml(f);
            if (t.root().isEmpty() || !(t.root().get() instanceof MappingNode top)) {
                continue;
            }
            if (library == Library.METRIC
                    && YamlText.scalar(top, "id").filter(id::equals).isPresent()) {
                return Optional.of(new Place(f, t, top, null, null, -1));
            }
            Optional<Place> p = in(f, t, top, library.key, id);
            if (p.isPresent()) {
                return p;
            }
            Optional<MappingNode> kinds =
                    library == Library.CHECK ? YamlText.mapping(top, "kinds") : Optional.empty();
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
