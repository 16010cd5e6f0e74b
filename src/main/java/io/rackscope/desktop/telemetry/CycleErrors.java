package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.http.Reasons;
import io.rackscope.desktop.prometheus.PrometheusException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A failed query as a typed cycle error: the client's kinds carried over, nothing parsed. */
final class CycleErrors {
    private static final Logger LOG = Logger.getLogger(CycleErrors.class.getName());

    private CycleErrors() {}

    /** What failed: {@code failure}, or what it wraps when it came through a future. */
    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }

    /** Whether {@code failure} is an answer refused as too large, alone or with the others. */
    static boolean tooLarge(Throwable failure) {
        return cause(failure) instanceof PrometheusException pe
                && (pe.kind() == PrometheusException.Kind.TOO_LARGE
                        || pe.kind() == PrometheusException.Kind.OVER_BUDGET);
    }

    static CycleError of(Throwable failure, String source, int batch, String server) {
        Throwable cause = cause(failure);
        if (cause instanceof TimeoutException) {
            return new CycleError(
                    CycleError.Kind.DEADLINE,
                    source,
                    batch,
                    server,
                    "no answer before the cycle's deadline (planner.cycle_timeout_seconds)");
        }
        if (tooLarge(cause) && cause instanceof PrometheusException pe) {
            String what =
                    switch (source) {
                        case CycleError.SLURM -> "the Slurm query";
                        case CycleError.RULE_ALERTS -> "the query of the alerting rules";
                        default -> "check " + source;
                    };
            // an answer too large alone is its expr's doing; one over the shared budget is not
            return new CycleError(
                    CycleError.Kind.TOO_LARGE,
                    source,
                    batch,
                    server,
                    pe.kind() == PrometheusException.Kind.TOO_LARGE
                            ? what
                                    + " returned too much: "
                                    + pe.getMessage()
                                    + "; narrow its expr (or raise the bound)"
                            : what + ": " + pe.getMessage());
        }
        if (cause instanceof PrometheusException pe) {
            return new CycleError(kind(pe.kind()), source, batch, server, pe.getMessage());
        }
        LOG.log(Level.WARNING, "internal error in the cycle (" + source + ")", cause);
        return new CycleError(
                CycleError.Kind.INTERNAL,
                source,
                batch,
                server,
                "internal error while reading the answer (details in the log): "
                        + Reasons.plain(cause));
    }

    static CycleError.Kind kind(PrometheusException.Kind k) {
        return switch (k) {
            case BAD_QUERY -> CycleError.Kind.BAD_QUERY;
            case CREDENTIALS -> CycleError.Kind.CREDENTIALS;
            case NOT_PROMETHEUS -> CycleError.Kind.NOT_PROMETHEUS;
            case UNREACHABLE -> CycleError.Kind.UNREACHABLE;
            case TLS -> CycleError.Kind.TLS;
            case TIMEOUT -> CycleError.Kind.TIMEOUT;
            case UNAVAILABLE -> CycleError.Kind.UNAVAILABLE;
            case INVALID_SETTINGS -> CycleError.Kind.INVALID_SETTINGS;
            case TOO_LARGE, OVER_BUDGET -> CycleError.Kind.TOO_LARGE;
            case PARTIAL -> CycleError.Kind.PARTIAL;
        };
    }
}
