package io.rackscope.desktop.ui;

import java.util.concurrent.CompletableFuture;

/** Writes the shift's handover (page and pictures) somewhere, saying where, or why not. */
public interface HandoverWriter {
    HandoverWriter NONE =
            () -> CompletableFuture.completedFuture("No handover can be written from this window.");

    /** What the operator is told when it is written: where the page is, or why it is not. */
    CompletableFuture<String> write();
}
