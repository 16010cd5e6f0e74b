package io.rackscope.desktop.edit;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML file's text and its node tree, changed by patching only the text spans of the nodes an
 * edit touches: comments, key order, blank lines, quoting, anchors and aliases elsewhere stay byte
 * for byte as written. Immutable: every change returns a new text, parsed again.
 */
public final class YamlText {
    private final String text;
    private final Node root;
    private final boolean surrogates;
    private final String newline;

    private YamlText(String text) {
        this.text = text;
        this.surrogates = text.codePoints().anyMatch(c -> c > 0xFFFF);
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        this.root = new Yaml(options).compose(new StringReader(withoutDanglingAliases(text)));
    }

    private static final java.util.regex.Pattern ANCHOR =
            java.util.regex.Pattern.compile("&([\\w.-]+)");
    private static final java.util.regex.Pattern ALIAS =
            java.util.regex.Pattern.compile("(?m)(^|[:\\[,-][ \\t]+)\\*([\\w.-]+)");

    /**
     * {@code text} with each alias whose anchor is not in it (an item cut out of its file, whose
     * list is shared with another item) read as the plain scalar {@code ~NAME}: the same length, so
     * every node keeps its place in the text, which is what is patched.
     */
    static String withoutDanglingAliases(String text) {
        if (text.indexOf('*') < 0) {
            return text;
        }
        java.util.Set<String> anchors = new java.util.HashSet<>();
        java.util.regex.Matcher a = ANCHOR.matcher(text);
        while (a.find()) {
            anchors.add(a.group(1));
        }
        java.util.regex.Matcher m = ALIAS.matcher(text);
        StringBuilder b = new StringBuilder(text);
        while (m.find()) {
            if (!anchors.contains(m.group(2))) {
                b.setCharAt(m.start(2) - 1, '~');
            }
        }
        return b.toString();
    }

    /**
     * {@code text} parsed; a {@link org.yaml.snakeyaml.error.YAMLException} when it is not YAML.
     */
    public static YamlText parse(String text) {
        return new YamlText(text);
    }

    public String text() {
        return text;
    }

    /** The document's top node, or empty for an empty document. */
    public Optional<Node> root() {
        return Optional.ofNullable(root);
    }

    /** The top mapping (an edit of a file that has none is refused by the caller). */
    public MappingNode top() {
        if (root instanceof MappingNode m) {
            return m;
        }
        throw new IllegalStateException("the file's top level is not a mapping");
    }

    // ---- reading ----

    public static Optional<Node> value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t.getValueNode());
            }
        }
        return Optional.empty();
    }

    public static Optional<String> scalar(MappingNode m, String key) {
        return value(m, key)
                .filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).getValue());
    }

    /** The scalars of {@code seq} as a form shows a list: "a, b, c". */
    public static String joined(SequenceNode seq) {
        return String.join(
                ", ",
                seq.getValue().stream()
                        .filter(ScalarNode.class::isInstance)
                        .map(x -> ((ScalarNode) x).getValue())
                        .toList());
    }

    public static Optional<MappingNode> mapping(MappingNode m, String key) {
        return value(m, key).filter(MappingNode.class::isInstance).map(MappingNode.class::cast);
    }

    public static Optional<SequenceNode> sequence(MappingNode m, String key) {
        return value(m, key).filter(SequenceNode.class::isInstance).map(SequenceNode.class::cast);
    }

    /** The id an item of a list names: a scalar, or the {@code id} of a mapping. */
    public static Optional<String> idOf(Node item) {
        if (item instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        return item instanceof MappingNode m ? scalar(m, "id") : Optional.empty();
    }

    /** The index of the item of {@code seq} whose id is {@code id}, or -1. */
    public static int indexOf(SequenceNode seq, String id) {
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            if (idOf(items.get(i)).filter(id::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /** The 1-based line a node starts on, for messages. */
    public static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    // ---- changing ----

    /** The scalar {@code node} replaced by {@code yaml} (a scalar as {@link Scalars} writes it). */
    public YamlText setScalar(ScalarNode node, String yaml) {
        return splice(start(node), end(node), yaml);
    }

    /**
     * {@code key} of {@code m} set to {@code yaml} (a scalar as {@link Scalars} writes it): its
     * scalar replaced when it has one, else a new entry after the mapping's last one.
     */
    public YamlText set(MappingNode m, String key, String yaml) {
        Optional<Node> old = value(m, key);
        if (old.isPresent() && old.get() instanceof ScalarNode s) {
            return setScalar(s, yaml);
        }
        if (old.isPresent()) {
            throw new IllegalStateException(key + " is not a single value");
        }
        return addEntry(m, key, Item.scalar(yaml));
    }

    /**
     * {@code key} of {@code m} set to the string {@code value}, written in the quoting style of the
     * value it replaces (plain when new, quoted only where needed).
     */
    public YamlText setText(MappingNode m, String key, String value) {
        Optional<Node> old = value(m, key);
        if (old.isPresent() && old.get() instanceof ScalarNode s) {
            return setScalar(s, Scalars.text(value, s.getScalarStyle()));
        }
        return set(m, key, Scalars.text(value));
    }

    /**
     * {@code key} set to {@code yaml} in the mapping reached from {@code m} through {@code path};
     * mappings missing on the way are added, nested, after their parent's last entry.
     */
    public YamlText setPath(MappingNode m, List<String> path, String key, String yaml) {
        if (path.isEmpty()) {
            return set(m, key, yaml);
        }
        Optional<Node> next = value(m, path.get(0));
        if (next.isPresent() && next.get() instanceof MappingNode child) {
            return setPath(child, path.subList(1, path.size()), key, yaml);
        }
        if (next.isPresent()) {
            throw new IllegalStateException(path.get(0) + " is not a block of settings");
        }
        java.util.Map<String, Object> inner = Item.fields(key, yaml);
        for (int i = path.size() - 1; i >= 1; i--) {
            inner = Item.fields(path.get(i), inner);
        }
        return addEntry(m, path.get(0), Item.map(inner));
    }

    /** A new entry {@code key} in {@code m}, after its last one. */
    public YamlText addEntry(MappingNode m, String key, Item value) {
        boolean scalar = value.block().size() == 1 && !value.flow().startsWith("{");
        if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            int close = end(m) - 1;
            String sep = m.getValue().isEmpty() ? "" : ", ";
            return splice(close, close, sep + key + ": " + value.flow());
        }
        if (m.getValue().isEmpty()) {
            throw new IllegalStateException("an empty block mapping");
        }
        int keyCol = column(start(m.getValue().get(0).getKeyNode()));
        int at = lineEnd(contentEnd(m));
        List<String> lines = new java.util.ArrayList<>();
        if (scalar) {
            lines.add(key + ": " + value.flow());
        } else {
            lines.add(key + ":");
            value.block().forEach(l -> lines.add("  " + l));
        }
        return splice(at, at, block(keyCol, keyCol, lines));
    }

    /**
     * {@code item} at {@code index} (negative or past the end: last) of the list {@code key} of
     * {@code m}; where {@code m} has no such list, the key is added with a list of the one item.
     */
    public YamlText insertInto(MappingNode m, String key, int index, Item item) {
        Optional<SequenceNode> list = sequence(m, key);
        if (list.isEmpty()) {
            return addEntry(m, key, Item.scalar("[" + item.flow() + "]"));
        }
        int size = list.get().getValue().size();
        return insert(list.get(), index < 0 || index > size ? size : index, item);
    }

    /** {@code item} as the new last item of {@code seq}. */
    public YamlText append(SequenceNode seq, Item item) {
        return insert(seq, seq.getValue().size(), item);
    }

    /** {@code item} as a new item of {@code seq} at {@code index} (0: first; size: last). */
    public YamlText insert(SequenceNode seq, int index, Item item) {
        List<Node> items = seq.getValue();
        if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (items.isEmpty()) {
                return intoEmpty(seq, item);
            }
            if (index < items.size()) {
                int at = start(items.get(index));
                return splice(at, at, item.flow() + ", ");
            }
            int at = end(items.get(items.size() - 1));
            return splice(at, at, ", " + item.flow());
        }
        int dashCol = column(dash(items.get(0)));
        int contentCol = column(start(items.get(0)));
        List<String> lines = new java.util.ArrayList<>(item.block());
        // the dash, then the item's text in the column the other items' text is in
        lines.set(0, "-" + " ".repeat(Math.max(1, contentCol - dashCol - 1)) + lines.get(0));
        String text = block(dashCol, contentCol, lines);
        if (index < items.size()) {
            int at = lineStart(dash(items.get(index)));
            return splice(at, at, text.substring(newline.length()) + newline);
        }
        int at = lineEnd(contentEnd(items.get(items.size() - 1)));
        return splice(at, at, text);
    }

    private static final java.util.regex.Pattern KEY_BEFORE =
            java.util.regex.Pattern.compile("( *)(- )?([A-Za-z0-9_.-]+): *");

    /**
     * The first item of an empty flow list: {@code key: []} on a line of its own becomes a block
     * list under its key, as a person would write it; elsewhere {@code [item]}.
     */
    private YamlText intoEmpty(SequenceNode seq, Item item) {
        int open = start(seq);
        int from = lineStart(open);
        java.util.regex.Matcher m = KEY_BEFORE.matcher(text.substring(from, open));
        boolean alone =
                lineEnd(end(seq)) == end(seq)
                        || text.substring(end(seq), lineEnd(end(seq))).isBlank();
        if (!m.matches() || !alone) {
            int close = end(seq) - 1;
            return splice(close, close, item.flow());
        }
        int keyCol = m.group(1).length() + (m.group(2) == null ? 0 : 2);
        List<String> lines = new java.util.ArrayList<>(item.block());
        lines.set(0, "- " + lines.get(0));
        int keyEnd = from + m.end(3) + 1;
        return splice(keyEnd, end(seq), block(keyCol + 2, keyCol + 4, lines));
    }

    /**
     * {@code seq} without its item at {@code index}; the last item of a block list leaves {@code
     * []} (the key stays, an empty list).
     */
    public YamlText remove(MappingNode owner, String key, SequenceNode seq, int index) {
        List<Node> items = seq.getValue();
        Node item = items.get(index);
        if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (items.size() == 1) {
                return splice(start(seq), end(seq), "[]");
            }
            return index < items.size() - 1
                    ? splice(start(item), start(items.get(index + 1)), "")
                    : splice(end(items.get(index - 1)), end(item), "");
        }
        if (items.size() == 1) {
            Node keyNode = keyOf(owner, key);
            return splice(end(keyNode), lineEnd(contentEnd(seq)), ": []");
        }
        if (index < items.size() - 1) {
            return splice(lineStart(dash(item)), lineStart(dash(items.get(index + 1))), "");
        }
        int from = lineEnd(contentEnd(items.get(index - 1)));
        return splice(from, lineEnd(contentEnd(item)), "");
    }

    private static Node keyOf(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return k;
            }
        }
        throw new IllegalStateException("no key " + key);
    }

    /**
     * {@code key} of {@code m} given the value {@code yaml} whatever it held: a scalar, a list or a
     * mapping (written as flow text where one was a block).
     */
    public YamlText replace(MappingNode m, String key, String yaml) {
        Optional<Node> old = value(m, key);
        if (old.isEmpty() || old.get() instanceof ScalarNode) {
            return set(m, key, yaml);
        }
        Node v = old.get();
        boolean block =
                v instanceof SequenceNode s && s.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                        || v instanceof MappingNode n
                                && n.getFlowStyle() != DumperOptions.FlowStyle.FLOW;
        if (!block) {
            return splice(start(v), end(v), yaml);
        }
        // a block value starts on the line after its key: the flow text goes beside the key
        Node k = keyOf(m, key);
        return splice(end(k), lineEnd(contentEnd(v)), ": " + yaml);
    }

    /**
     * A whole item of another file's block list ({@link #itemText}), as the last item of the block
     * list {@code seq}: re-indented to its columns, its comments and form kept.
     */
    public YamlText appendText(SequenceNode seq, String itemText) {
        return insertText(seq, seq.getValue().size(), itemText);
    }

    /** A whole item's text as the item at {@code index} of the block list {@code seq}. */
    public YamlText insertText(SequenceNode seq, int index, String itemText) {
        List<Node> items = seq.getValue();
        if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW || items.isEmpty()) {
            throw new IllegalStateException("not a block list with items");
        }
        String text = reindented(items.get(0), itemText);
        if (index < items.size()) {
            int at = lineStart(dash(items.get(index)));
            return splice(at, at, text + newline);
        }
        int at = lineEnd(contentEnd(items.get(items.size() - 1)));
        return splice(at, at, newline + text);
    }

    /**
     * The item at {@code index} of the block list {@code seq} replaced by a whole item's text (from
     * its dash), re-indented to the list's columns.
     */
    public YamlText replaceItem(SequenceNode seq, int index, String itemText) {
        if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new IllegalStateException("not a block list");
        }
        Node item = seq.getValue().get(index);
        return splice(
                lineStart(dash(item)),
                lineEnd(contentEnd(item)),
                reindented(seq.getValue().get(0), itemText));
    }

    /** {@code itemText}'s lines moved so that its dash is in the column of {@code like}'s. */
    private String reindented(Node like, String itemText) {
        String[] lines = itemText.split("\r?\n", -1);
        int from = lines[0].indexOf('-');
        int shift = column(dash(like)) - from;
        List<String> out = new java.util.ArrayList<>();
        for (String line : lines) {
            int lead = line.length() - line.stripLeading().length();
            out.add(
                    line.isBlank()
                            ? ""
                            : shift >= 0
                                    ? " ".repeat(shift) + line
                                    : line.substring(Math.min(lead, -shift)));
        }
        return String.join(newline, out);
    }

    /** {@code m} without its entry {@code key} (its comments on the same lines go with it). */
    public YamlText removeEntry(MappingNode m, String key) {
        List<NodeTuple> entries = m.getValue();
        int i = 0;
        while (i < entries.size()
                && !(entries.get(i).getKeyNode() instanceof ScalarNode k
                        && k.getValue().equals(key))) {
            i++;
        }
        if (i == entries.size()) {
            return this;
        }
        NodeTuple t = entries.get(i);
        if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            return entries.size() == 1
                    ? splice(start(m) + 1, end(m) - 1, "")
                    : i < entries.size() - 1
                            ? splice(
                                    start(t.getKeyNode()),
                                    start(entries.get(i + 1).getKeyNode()),
                                    "")
                            : splice(
                                    end(entries.get(i - 1).getValueNode()),
                                    end(t.getValueNode()),
                                    "");
        }
        if (entries.size() == 1) {
            throw new IllegalStateException("the last entry of a block mapping");
        }
        int from = lineStart(start(t.getKeyNode()));
        int to = lineEnd(contentEnd(t.getValueNode()));
        // the line break after it goes too; the last entry takes the one before it
        if (to < text.length()) {
            return splice(from, to + (text.startsWith("\r\n", to) ? 2 : 1), "");
        }
        return splice(Math.max(0, from - newline.length()), to, "");
    }

    /**
     * {@code key} of {@code m} given {@code value} whatever it held: a one-line value beside the
     * key, a block value (a list's items) under it; a new key after the mapping's last entry.
     */
    public YamlText put(MappingNode m, String key, Item value) {
        Optional<Node> old = value(m, key);
        boolean scalar = value.block().size() == 1;
        if (old.isEmpty()) {
            return addEntry(m, key, value);
        }
        if (scalar || m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            return replace(m, key, value.flow());
        }
        Node k = keyOf(m, key);
        int keyCol = column(start(k));
        Node v = old.get();
        int to = v instanceof ScalarNode ? end(v) : lineEnd(contentEnd(v));
        // a block list keeps the column its dashes were in (under the key, or two in)
        int col =
                v instanceof SequenceNode s
                                && s.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                                && !s.getValue().isEmpty()
                        ? column(dash(s.getValue().get(0)))
                        : keyCol + 2;
        return splice(end(k), to, ":" + block(col, col, value.block()));
    }

    /** {@code seq} with its item at {@code from} moved to {@code to}, each item's text kept. */
    public YamlText moveItem(SequenceNode seq, int from, int to) {
        List<Node> items = seq.getValue();
        if (from == to) {
            return this;
        }
        List<String> chunks = new java.util.ArrayList<>();
        int begin;
        int finish;
        if (seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            items.forEach(n -> chunks.add(text.substring(start(n), end(n))));
            begin = start(items.get(0));
            finish = end(items.get(items.size() - 1));
        } else {
            // an item's lines, up to the next item's dash (comments between go with the first)
            for (int i = 0; i < items.size(); i++) {
                int a = lineStart(dash(items.get(i)));
                int b =
                        i < items.size() - 1
                                ? lineStart(dash(items.get(i + 1)))
                                : lineEnd(contentEnd(items.get(i)));
                String chunk = text.substring(a, b);
                chunks.add(
                        chunk.endsWith(newline)
                                ? chunk.substring(0, chunk.length() - newline.length())
                                : chunk);
            }
            begin = lineStart(dash(items.get(0)));
            finish = lineEnd(contentEnd(items.get(items.size() - 1)));
        }
        chunks.add(to, chunks.remove(from));
        String sep = seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW ? ", " : newline;
        return splice(begin, finish, String.join(sep, chunks));
    }

    /** The text of one whole item of a block list, from its dash to the end of its last line. */
    public String itemText(SequenceNode seq, int index) {
        Node item = seq.getValue().get(index);
        return text.substring(lineStart(dash(item)), lineEnd(contentEnd(item)));
    }

    // ---- positions ----

    /**
     * {@code lines}, each on a new line: the first at {@code firstCol}, the rest at {@code
     * restCol}.
     */
    private String block(int firstCol, int restCol, List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            b.append(newline).append(" ".repeat(i == 0 ? firstCol : restCol)).append(lines.get(i));
        }
        return b.toString();
    }

    private YamlText splice(int from, int to, String replacement) {
        return new YamlText(text.substring(0, from) + replacement + text.substring(to));
    }

    private int offset(int codePointIndex) {
        return surrogates ? text.offsetByCodePoints(0, codePointIndex) : codePointIndex;
    }

    private int start(Node n) {
        return offset(n.getStartMark().getIndex());
    }

    private int end(Node n) {
        return offset(n.getEndMark().getIndex());
    }

    /**
     * Where {@code n}'s own text ends: a block collection's end mark may lie past comments and
     * blank lines that follow it, so its last scalar (or flow collection) decides.
     */
    private int contentEnd(Node n) {
        if (n instanceof MappingNode m
                && m.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                && !m.getValue().isEmpty()) {
            return contentEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
        }
        if (n instanceof SequenceNode s
                && s.getFlowStyle() != DumperOptions.FlowStyle.FLOW
                && !s.getValue().isEmpty()) {
            return contentEnd(s.getValue().get(s.getValue().size() - 1));
        }
        int e = end(n);
        // a plain multi-line scalar's end may include the line break after it
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    /** The offset of the dash that begins the block list item {@code item}. */
    private int dash(Node item) {
        int i = start(item) - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || text.charAt(i) != '-') {
            throw new IllegalStateException("a list item without its dash at line " + line(item));
        }
        return i;
    }

    private int lineStart(int offset) {
        int nl = text.lastIndexOf('\n', offset - 1);
        return nl + 1;
    }

    /** The end of the line holding {@code offset}, before its line break (a comment included). */
    private int lineEnd(int offset) {
        int nl = text.indexOf('\n', offset);
        if (nl < 0) {
            return text.length();
        }
        return nl > 0 && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
    }

    private int column(int offset) {
        return offset - lineStart(offset);
    }
}
