package io.rackscope.desktop.handling;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One matcher of an Alertmanager silence: {@code name="value"}, {@code name!="value"}, {@code
 * name=~"regex"} or {@code name!~"regex"}; the regex is anchored, as Alertmanager's is. A label the
 * alert lacks reads as empty.
 */
public record Matcher(String name, String value, boolean isRegex, boolean isEqual) {
    public static Matcher equal(String name, String value) {
        return new Matcher(name, value, false, true);
    }

    public boolean matches(Map<String, String> labels) {
        String v = labels.getOrDefault(name, "");
        boolean hit;
        if (isRegex) {
            try {
                hit = Pattern.compile("^(?:" + value + ")$").matcher(v).matches();
            } catch (PatternSyntaxException e) {
                hit = false;
            }
        } else {
            hit = v.equals(value);
        }
        return hit == isEqual;
    }

    /** As amtool writes it: {@code rackscope_rack="fra1-a01-r05"}. */
    public String text() {
        return name + (isEqual ? "" : "!") + (isRegex ? "=~" : "=") + '"' + value + '"';
    }
}
