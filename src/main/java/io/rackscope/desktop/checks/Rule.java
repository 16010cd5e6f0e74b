package io.rackscope.desktop.checks;

/** "When the sample {@code op} {@code value}, the state is {@code severity}". */
public record Rule(Operator op, double value, Severity severity) {
    public boolean matches(double sample) {
        return op.test(sample, value);
    }
}
