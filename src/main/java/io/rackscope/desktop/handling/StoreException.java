package io.rackscope.desktop.handling;

/** Why the store of silences could not be read or written, in words for the banner. */
public final class StoreException extends Exception {
    public enum Kind {
        /** Not reachable (down, refused, timed out). */
        UNREACHABLE,
        /** Credentials missing or refused (401, 403). */
        REFUSED,
        /** An answer or a file that cannot be read. */
        BAD_ANSWER,
        /** Something the store will not do (an id it does not know). */
        REJECTED
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
