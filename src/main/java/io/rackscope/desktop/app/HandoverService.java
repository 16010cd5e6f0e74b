package io.rackscope.desktop.app;

import io.rackscope.desktop.ui.HandoverWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The window's Handover button: {@code handover} run as a process of its own (its pictures are
 * drawn headless there, no window flashes on this desk), into {@code ~/rackscope-handover/WHEN/},
 * then the page opened in the browser.
 */
public final class HandoverService implements HandoverWriter {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");
    private final Path config;
    private final String prometheus;
    private final Path journal;

    /** {@code prometheus}: the window's {@code --prometheus}, or null for app.yaml's. */
    public HandoverService(Path config, String prometheus) {
        this(config, prometheus, null);
    }

    /** {@code journal}: another journal directory than the app's (null: the app's). */
    HandoverService(Path config, String prometheus, Path journal) {
        this.config = config;
        this.prometheus = prometheus;
        this.journal = journal;
    }

    @Override
    public CompletableFuture<String> write() {
        return CompletableFuture.supplyAsync(this::run);
    }

    private String run() {
        Path out =
                Path.of(System.getProperty("user.home"), "rackscope-handover")
                        .resolve(LocalDateTime.now().format(WHEN));
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        // by name: the command's class depends on this package, not the other way
        cmd.addAll(List.of("io.rackscope.desktop.Main", "handover"));
        cmd.addAll(List.of("--config", config.toString(), "--out", out.toString()));
        if (prometheus != null) {
            cmd.addAll(List.of("--prometheus", prometheus));
        }
        if (journal != null) {
            cmd.addAll(List.of("--journal", journal.toString()));
        }
        try {
            Files.createDirectories(out);
            Path log = out.resolve("handover.log");
            Process p =
                    new ProcessBuilder(cmd)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroy();
                return "The handover took more than 5 minutes and was stopped; see " + log;
            }
            Path page = out.resolve("handover.html");
            if (p.exitValue() != 0 || !Files.exists(page)) {
                return "The handover could not be written; see " + log;
            }
            open(page);
            return "Handover written: " + page;
        } catch (IOException e) {
            return "The handover could not be written in " + out + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The handover was interrupted";
        }
    }

    private static void open(Path page) {
        try {
            new ProcessBuilder("xdg-open", page.toUri().toString()).start();
        } catch (IOException noBrowser) {
            // the message says where it is
        }
    }
}
