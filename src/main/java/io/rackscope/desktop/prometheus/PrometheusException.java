package io.rackscope.desktop.prometheus;

/**
 * A query that did not produce data, with a kind the app can act on and a sentence an operator
 * understands.
 */
public final class PrometheusException extends RuntimeException {

    public enum Kind {
        /**
         * 400/422: the expression is wrong or cannot run; a configuration error of one check. Not
         * retried.
         */
        BAD_QUERY,
        /** 401/403: credentials missing or refused. */
        CREDENTIALS,
        /** The answer was not Prometheus JSON (often a proxy's HTML page). */
        NOT_PROMETHEUS,
        /** Connection refused, unknown host, network down. */
        UNREACHABLE,
        /** The TLS handshake failed (certificate not trusted, wrong host name). */
        TLS,
        /** No answer within the client's timeout. */
        TIMEOUT,
        /** 503 or another 5xx after the retries. */
        UNAVAILABLE,
        /** The connection settings cannot be used (a malformed URL); nothing was sent. */
        INVALID_SETTINGS,
        /** The answer was larger than the configured bounds and was abandoned. */
        TOO_LARGE,
        /** The answers in flight together passed the app's budget; this one was abandoned. */
        OVER_BUDGET,
        /**
         * A successful answer that says it is partial: Thanos' or Cortex' {@code warnings} (a store
         * that did not answer), VictoriaMetrics' {@code isPartial}. Not retried.
         */
        PARTIAL
    }

    private final Kind kind;
    private final int httpStatus;

    public PrometheusException(Kind kind, int httpStatus, String message) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Worth another try later: the server or the network, not the query or the credentials. */
    public boolean transientFailure() {
        return kind == Kind.UNREACHABLE || kind == Kind.TIMEOUT || kind == Kind.UNAVAILABLE;
    }
}
