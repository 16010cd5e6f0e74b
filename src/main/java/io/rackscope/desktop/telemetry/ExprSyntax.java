package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.promql.Placeholder;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check's expression asked as the admin wrote it, to find a PromQL error where they wrote it:
 * every placeholder becomes as many {@code x} as it has characters, so the expression stays valid
 * where it was and Prometheus' "line:column" of a parse error is the admin's own; that position is
 * then found in the YAML file, past the {@code expr:} key (or inside its block scalar).
 */
final class ExprSyntax {
    private static final Pattern POSITION = Pattern.compile("(\\d+):(\\d+): (parse error: .*)");
    private static final Pattern EXPR_KEY = Pattern.compile("^(\\s*(?:-\\s+)?)expr:\\s*(.*)$");

    private ExprSyntax() {}

    /** {@code expr} with each placeholder written as {@code x} of its own length. */
    static String sameColumns(String expr) {
        String out = expr;
        for (Placeholder p : Placeholder.values()) {
            for (String spelling : p.spellings()) {
                out = out.replace(spelling, "x".repeat(spelling.length()));
            }
        }
        return out;
    }

    /** Where in the file: its line, its column, and what is wrong. */
    record At(int line, int column, String what) {}

    /**
     * The file position of Prometheus' error {@code message} about the expression of the check
     * written at {@code checkLine} of {@code fileLines}; empty when the message has no position.
     */
    static Optional<At> locate(String message, List<String> fileLines, int checkLine) {
        Matcher m = POSITION.matcher(message == null ? "" : message);
        if (!m.find()) {
            return Optional.empty();
        }
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        for (int i = Math.max(0, checkLine - 1); i < fileLines.size(); i++) {
            Matcher k = EXPR_KEY.matcher(fileLines.get(i));
            if (!k.matches()) {
                continue;
            }
            String value = k.group(2);
            int valueStart = fileLines.get(i).length() - value.length();
            if (value.startsWith("|") || value.startsWith(">")) {
                // a block: the expression's lines are the file's next lines, indented
                int row = i + line;
                String text = row < fileLines.size() ? fileLines.get(row) : "";
                int indent = text.length() - text.stripLeading().length();
                return Optional.of(new At(row + 1, indent + column, m.group(3)));
            }
            boolean quoted = value.startsWith("\"") || value.startsWith("'");
            return Optional.of(
                    new At(i + line, valueStart + (quoted ? 1 : 0) + column, m.group(3)));
        }
        return Optional.empty();
    }
}
