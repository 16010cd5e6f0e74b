package io.rackscope.desktop.handling;

import io.rackscope.desktop.checks.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One rule that handles alerts, wherever it is kept (an Alertmanager silence, or {@code
 * maintenances.yaml} and its acknowledgements file): an acknowledgement or a maintenance, the
 * matchers that say which alerts it covers, who made it, its text (a maintenance's reason, an
 * acknowledgement's note) and when it holds. {@code target} is null for a silence made elsewhere
 * whose matchers name no single place. {@code endsAt} null: open-ended.
 */
public record Silence(
        String id,
        Kind kind,
        List<Matcher> matchers,
        Target target,
        Effect effect,
        String by,
        String text,
        Instant createdAt,
        Instant startsAt,
        Instant endsAt,
        Instant endedAt,
        Ack ack) {
    public enum Kind {
        ACK,
        MAINTENANCE
    }

    /** {@code badge}: listed, tagged, silent; {@code hide}: not listed at all. */
    public enum Effect {
        BADGE,
        HIDE
    }

    public enum Status {
        ACTIVE,
        SCHEDULED,
        EXPIRED
    }

    /**
     * What an acknowledgement was given for: the incident or alert ({@code subject}, an incident
     * key such as {@code rack:fra1-a01-r05} or an alert's {@code check/entity}), as bad as it was
     * and with as many members; it ends when that changes for the worse.
     */
    public record Ack(String subject, Severity severity, int members) {}

    public Silence {
        matchers = List.copyOf(matchers);
    }

    /**
     * What the silence was at {@code now}, which may be a past moment: one ended at 19:25 was
     * active at 19:24, and one made at 19:17 was not there yet at 19:16.
     */
    public Status status(Instant now) {
        if (endedAt != null && !now.isBefore(endedAt) || endsAt != null && !now.isBefore(endsAt)) {
            return Status.EXPIRED;
        }
        Instant from = startsAt != null ? startsAt : createdAt;
        if (from != null && now.isBefore(from)) {
            return Status.SCHEDULED;
        }
        return Status.ACTIVE;
    }

    /** Whether every matcher matches one of {@code labels}. */
    public boolean covers(Map<String, String> labels) {
        return !matchers.isEmpty() && matchers.stream().allMatch(m -> m.matches(labels));
    }

    public Silence withId(String newId) {
        return new Silence(
                newId, kind, matchers, target, effect, by, text, createdAt, startsAt, endsAt,
                endedAt, ack);
    }

    public Silence endedAt(Instant at) {
        return new Silence(
                id, kind, matchers, target, effect, by, text, createdAt, startsAt, endsAt, at, ack);
    }

    /** The same rule holding again until {@code until} (null: open-ended). */
    public Silence reactivated(Instant until) {
        return new Silence(
                id, kind, matchers, target, effect, by, text, createdAt, startsAt, until, null,
                ack);
    }

    /** What a person reads: "rack:fra1-a01-r05" or the matchers of a foreign silence. */
    public String scope() {
        return target != null
                ? target.text()
                : String.join(", ", matchers.stream().map(Matcher::text).toList());
    }
}
