package io.rackscope.desktop.ui;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.arch.Port;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Port: the journal's entries in a time window, read off the FX thread. */
@Port
public interface JournalHistory {
    JournalHistory NONE =
            (from, to) -> CompletableFuture.completedFuture(new Journal.Read(List.of(), 0));

    CompletableFuture<Journal.Read> read(Instant from, Instant to);

    /** Why the journal cannot be written now, said in the banner; empty when it can. */
    default java.util.Optional<String> problem() {
        return java.util.Optional.empty();
    }
}
