package io.rackscope.desktop.health;

import java.util.List;

/**
 * A part of a cycle that produced no data: its kind, the check (or {@code slurm}) and batch it
 * belongs to, the Prometheus it was asked of (its URL, no credentials), and a sentence for an
 * operator. The status bar and banner decide what to say from the kinds, never from the text.
 */
public record CycleError(Kind kind, String source, int batch, String server, String message) {
    /** Why no data came. */
    public enum Kind {
        /** Connection refused, unknown host, network down. */
        UNREACHABLE,
        /** 401/403: credentials missing or refused. */
        CREDENTIALS,
        /** The answer was not Prometheus JSON (a proxy's page, malformed JSON). */
        NOT_PROMETHEUS,
        /** The TLS handshake failed. */
        TLS,
        /** No answer within the query timeout. */
        TIMEOUT,
        /** 503 or another 5xx after the retries. */
        UNAVAILABLE,
        /** 400/422: the check's expression is wrong; that check's problem alone. */
        BAD_QUERY,
        /** The answer was larger than the configured bound. */
        TOO_LARGE,
        /** The connection settings cannot be used (a malformed URL); nothing was sent. */
        INVALID_SETTINGS,
        /** The cycle's deadline passed before the batch was answered. */
        DEADLINE,
        /**
         * The server answered only in part (Thanos {@code warnings}, VictoriaMetrics {@code
         * isPartial}): what it said is not taken as the whole truth.
         */
        PARTIAL,
        /** A fault inside the app. */
        INTERNAL;

        /** The server, the network or the credentials, rather than one check. */
        public boolean aboutTheServer() {
            return this != BAD_QUERY && this != TOO_LARGE && this != INTERNAL;
        }
    }

    /** The source of errors about the Slurm queries. */
    public static final String SLURM = "slurm";

    /** The source of errors about the query of the site's own alerting rules ({@code ALERTS}). */
    public static final String RULE_ALERTS = "ALERTS";

    /** The kind shared by every error of {@code errors}, or null when they differ or none. */
    public static Kind commonKind(List<CycleError> errors) {
        Kind k = null;
        for (CycleError e : errors) {
            if (k != null && k != e.kind()) {
                return null;
            }
            k = e.kind();
        }
        return k;
    }

    /** "source: message", the form of the JSON {@code errors} list. */
    @Override
    public String toString() {
        return source + ": " + message;
    }
}
