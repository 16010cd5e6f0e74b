package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Severity;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Severity (and Slurm) tones as CSS pseudo-classes: colours live in the theme's tokens, never in
 * Java.
 */
public final class Severities {
    private static final PseudoClass[] CLASSES = new PseudoClass[Tone.values().length];
    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    /** Acknowledged or under maintenance: drawn hatched over its true colour. */
    public static final PseudoClass HANDLED = PseudoClass.getPseudoClass("handled");

    static {
        for (Tone t : Tone.values()) {
            CLASSES[t.ordinal()] = PseudoClass.getPseudoClass(t.name().toLowerCase(Locale.ROOT));
        }
    }

    private Severities() {}

    /** Marks {@code node} (style class {@code sev}) with {@code severity}, clearing any other. */
    public static void apply(Node node, Severity severity) {
        apply(node, Tone.of(severity));
    }

    public static void apply(Node node, Tone tone) {
        for (Tone t : Tone.values()) {
            node.pseudoClassStateChanged(CLASSES[t.ordinal()], t == tone);
        }
    }

    public static void apply(Node node, Severity severity, boolean stale) {
        apply(node, severity);
        node.pseudoClassStateChanged(STALE, stale);
    }

    public static <T extends Node> T styled(T node, Severity severity, String... styleClasses) {
        node.getStyleClass().add("sev");
        node.getStyleClass().addAll(styleClasses);
        apply(node, severity);
        return node;
    }
}
