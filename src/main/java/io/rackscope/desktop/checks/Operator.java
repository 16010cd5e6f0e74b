package io.rackscope.desktop.checks;

import java.util.Optional;

/** A rule's comparison; {@link #symbol} is also its PromQL spelling. */
public enum Operator {
    EQ("=="),
    NE("!="),
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<=");

    public final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public boolean test(double sample, double threshold) {
        return switch (this) {
            case EQ -> sample == threshold;
            case NE -> sample != threshold;
            case GT -> sample > threshold;
            case GE -> sample >= threshold;
            case LT -> sample < threshold;
            case LE -> sample <= threshold;
        };
    }

    public static Optional<Operator> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Operator op : values()) {
            if (op.symbol.equals(text.trim())) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
