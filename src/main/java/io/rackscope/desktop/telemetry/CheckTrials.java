package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostic;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tries checks written by hand (pasted YAML or a file) against the estate, off the caller's thread,
 * one at a time: the "Try a check" dialog's service. Problems name the file (or "pasted") and line.
 */
public final class CheckTrials implements AutoCloseable {
    /** What a try gave: the problems found (file:line first), and the result when it ran. */
    public record Trial(List<String> problems, CheckTrial.Result result) {
        public boolean ran() {
            return result != null;
        }
    }

    /** How pasted text is named in problems. */
    public static final String PASTED = "pasted";

    private final RackscopeConfig config;
    private final PrometheusRouter router;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "check-trial");
                        t.setDaemon(true);
                        return t;
                    });

    public CheckTrials(RackscopeConfig config, PrometheusRouter router) {
        this.config = config;
        this.router = router;
    }

    /** Tries the first check of {@code yaml} at {@code at}. */
    public CompletableFuture<Trial> tryText(String yaml, Instant at) {
        return CompletableFuture.supplyAsync(
                () -> {
                    Path dir = null;
                    try {
                        dir = Files.createTempDirectory("rackscope-trial");
                        Path file = dir.resolve(PASTED + ".yaml");
                        Files.writeString(file, yaml, StandardCharsets.UTF_8);
                        return trial(file, PASTED, at);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        delete(dir);
                    }
                },
                worker);
    }

    /** Tries the first check of {@code file} at {@code at}. */
    public CompletableFuture<Trial> tryFile(Path file, Instant at) {
        return CompletableFuture.supplyAsync(() -> trial(file, file.toString(), at), worker);
    }

    private Trial trial(Path file, String name, Instant at) {
        Diagnostics diagnostics = new Diagnostics();
        Map<String, Check> found = new ConfigLoader().checksOf(file, diagnostics, config);
        List<String> problems = new ArrayList<>();
        for (Diagnostic d : diagnostics.all()) {
            problems.add(
                    new Diagnostic(
                                    d.level(),
                                    d.file() == null ? null : Path.of(name),
                                    d.line(),
                                    d.message())
                            .toString());
        }
        if (found.isEmpty()) {
            problems.add("error: " + name + " holds no valid check");
            return new Trial(problems, null);
        }
        Check check = found.values().iterator().next();
        if (found.size() > 1) {
            problems.add(
                    "warning: "
                            + name
                            + " holds "
                            + found.size()
                            + " checks; tried the first, '"
                            + check.id()
                            + "'");
        }
        Optional<String> syntax = syntaxError(router, file, name, check, at);
        if (syntax.isPresent()) {
            // one error, where the admin wrote it; nothing is tried, nothing to show on the floor
            problems.add(syntax.get());
            return new Trial(problems, null);
        }
        CheckTrial.Result r = CheckTrial.run(config, check, router, at);
        r.rejected(name).forEach(e -> problems.add("error: " + e));
        return new Trial(problems, r);
    }

    /**
     * The check's expression asked once as written (placeholders as x's of their length): a PromQL
     * error said at the file's own line and column ({@code name} names the file), before the estate
     * is asked anything; empty when Prometheus takes it.
     */
    public static Optional<String> syntaxError(
            PrometheusRouter router, Path file, String name, Check check, Instant at) {
        try {
            router.fallback()
                    .query(ExprSyntax.sameColumns(check.expr()), at)
                    .get(30, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof PrometheusException p)
                    || p.kind() != PrometheusException.Kind.BAD_QUERY) {
                return Optional.empty();
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException io) {
                lines = List.of();
            }
            return Optional.of(
                    ExprSyntax.locate(p.getMessage(), lines, check.line())
                            .map(
                                    a ->
                                            "error: "
                                                    + name
                                                    + ":"
                                                    + a.line()
                                                    + ":"
                                                    + a.column()
                                                    + ": check '"
                                                    + check.id()
                                                    + "': "
                                                    + a.what())
                            .orElse(
                                    "error: "
                                            + name
                                            + ":"
                                            + check.line()
                                            + ": check '"
                                            + check.id()
                                            + "': "
                                            + p.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
