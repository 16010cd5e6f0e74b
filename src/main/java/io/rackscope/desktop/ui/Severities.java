package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Severity;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Severity as CSS pseudo-classes: colours live in the theme's tokens, never in Java. */
public final class Severities {
    private static final PseudoClass[] CLASSES = new PseudoClass[Severity.values().length];
    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    static {
        for (Severity s : Severity.values()) {
            CLASSES[s.ordinal()] = PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT));
        }
    }

    private Severities() {
    }

    /** Marks {@code node} (style class {@code sev}) with {@code severity}, clearing any other. */
    public static void apply(Node node, Severity severity) {
        for (Severity s : Severity.values()) {
            node.pseudoClassStateChanged(CLASSES[s.ordinal()], s == severity);
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

    public static String label(Severity s) {
        return s.name();
    }
}
