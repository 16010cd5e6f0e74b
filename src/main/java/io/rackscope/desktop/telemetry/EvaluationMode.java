package io.rackscope.desktop.telemetry;

/**
 * How checks are asked (see {@link CheckUnit}). {@link #FILTERED} is the app's scheme: failing
 * samples only, {@code for:} followed in memory with history read only when it is not known,
 * presence read in full only where it can change a state. {@link #PLAIN} is the original's: every
 * sample of every batch every cycle, ids one by one, {@code for:} kept in process from one cycle to
 * the next. {@link #REFERENCE} evaluates the full {@code for:} rule every cycle; it is the
 * yardstick the app's scheme is tested against.
 */
public enum EvaluationMode {
    FILTERED,
    PLAIN,
    REFERENCE
}
