package io.rackscope.desktop.edit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One check's YAML as the editor shows it ({@link ItemText}), read into {@link CheckFields} and
 * changed from them key by key.
 */
public final class CheckText {
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private CheckText() {}

    /** The check written as {@code mappingText}; refused, with its line, when it is not one. */
    public static CheckFields fields(String mappingText) {
        return CheckFields.read(ItemText.top(mappingText));
    }

    /** {@code mappingText} with the keys that differ from {@code f} changed, added or removed. */
    public static String withFields(String mappingText, CheckFields f) {
        ItemText.top(mappingText);
        YamlText t = YamlText.parse(mappingText);
        for (String key : CheckFields.KEYS) {
            CheckFields now = CheckFields.read(t.top());
            t =
                    switch (key) {
                        case "selectors" ->
                                Objects.equals(now.selectors(), f.selectors())
                                        ? t
                                        : f.selectors().isEmpty()
                                                ? t.removeEntry(t.top(), key)
                                                : t.put(
                                                        t.top(),
                                                        key,
                                                        Item.list(
                                                                f.selectors().stream()
                                                                        .map(Scalars::text)
                                                                        .toList()));
                        case "rules" ->
                                Objects.equals(now.rules(), f.rules())
                                        ? t
                                        : f.rules().isEmpty()
                                                ? t.removeEntry(t.top(), key)
                                                : t.put(
                                                        t.top(),
                                                        key,
                                                        Item.list(
                                                                f.rules().stream()
                                                                        .map(CheckText::rule)
                                                                        .toList()));
                        default -> {
                            String v = f.get(key).strip();
                            if (v.equals(now.get(key))) {
                                yield t;
                            }
                            if (v.isEmpty()) {
                                yield t.removeEntry(t.top(), key);
                            }
                            yield key.equals("expand_crit_threshold") && NUMBER.matcher(v).matches()
                                    ? t.set(t.top(), key, v)
                                    : t.setText(t.top(), key, v);
                        }
                    };
        }
        return t.text();
    }

    private static String rule(CheckFields.Rule r) {
        String v = r.value().strip();
        return "{op: "
                + Scalars.text(r.op().strip())
                + ", value: "
                + (NUMBER.matcher(v).matches() ? v : Scalars.text(v))
                + ", severity: "
                + Scalars.text(r.severity().strip())
                + "}";
    }
}
