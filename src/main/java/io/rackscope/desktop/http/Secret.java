package io.rackscope.desktop.http;

/**
 * A credential. Its {@link #toString()} never shows the value, so it cannot leak into logs or
 * messages.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = value;
    }

    /** The value, for the one place that sends it (the HTTP Authorization header). */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value == null || value.isEmpty();
    }

    @Override
    public String toString() {
        return "******";
    }
}
