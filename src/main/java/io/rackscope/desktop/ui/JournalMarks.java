package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.checks.Severity;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Port: the journal's incident changes in a time window, read off the FX thread. */
@Port
public interface JournalMarks {
    /** One change: when, how bad it became, and what, in a few words. */
    record Mark(Instant at, Severity severity, String text) {}

    JournalMarks NONE = (from, to) -> CompletableFuture.completedFuture(List.of());

    CompletableFuture<List<Mark>> between(Instant from, Instant to);
}
