package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.telemetry.CheckTrials;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Port: a check written by hand tried against the estate at a moment, off the FX thread. */
@Port
public interface CheckTrialSource {
    CompletableFuture<CheckTrials.Trial> tryText(String yaml, Instant at);

    CompletableFuture<CheckTrials.Trial> tryFile(Path file, Instant at);
}
