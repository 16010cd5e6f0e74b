package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.slurm.SlurmState;
import java.util.Locale;

/**
 * The colour a cell or tile shows, whether it stands for a health severity or a Slurm state (which
 * adds a neutral INFO). Ordered from calm to alarming; {@link #token()} names its CSS colour token.
 */
public enum Tone {
    OK,
    INFO,
    UNKNOWN,
    WARN,
    CRIT;

    public static Tone of(Severity s) {
        return valueOf(s.name());
    }

    public static Tone of(SlurmState s) {
        return valueOf(s.name());
    }

    public String token() {
        return "-sev-" + name().toLowerCase(Locale.ROOT);
    }

    public static Tone worst(Tone a, Tone b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
