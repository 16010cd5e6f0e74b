package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.simulator.EstateSimulator;
import io.rackscope.desktop.simulator.LocalPrometheus;
import io.rackscope.desktop.simulator.MetricsExporter;
import io.rackscope.desktop.simulator.Scenario;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.MetricsService;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.FxThread;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.kiosk.KioskController;
import io.rackscope.desktop.ui.shell.MainView;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * Weeks on a wall, accelerated: the kiosk UI on the bundled estate fed by the real planner and a
 * real Prometheus for 10,000 refresh cycles (set rackscope.soak.cycles to change), the playlist
 * rotating through its views, caches dropped every 500 cycles, and Prometheus stopped for 20 cycles
 * in the middle, then started again. The UI must say so, keep the last states, recover by itself,
 * and end with the heap, listeners and threads it had at cycle 1,000.
 */
class KioskSoakIT {
    static final int CYCLES = Integer.getInteger("rackscope.soak.cycles", 10_000);

    /**
     * Heap after GC is sampled five times early and five times at the end, and the lowest of each
     * are compared: a sample can be high by what JavaFX's render side still holds of the last view
     * (a wallboard's pixel buffers are 6 to 13 MB on a 65 MB heap), but a leak raises every late
     * sample, the lowest included.
     */
    static final List<Integer> EARLY =
            List.of(CYCLES / 10, CYCLES * 3 / 20, CYCLES / 5, CYCLES / 4, CYCLES * 3 / 10);

    static final List<Integer> LATE =
            List.of(CYCLES * 8 / 10, CYCLES * 17 / 20, CYCLES * 9 / 10, CYCLES * 19 / 20, CYCLES);

    @Test
    void tenThousandCyclesWithAnOutageLeaveNothingBehind() throws Exception {
        PrometheusServer.requireBinary("prometheus");
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Path scenarioFile = Files.createTempFile("soak", ".yaml");
        Files.writeString(
                scenarioFile, "events:\n  - {event: node_down, target: cn0165, at: -1h}\n");
        Scenario scenario = Scenario.read(scenarioFile, new Diagnostics());
        EstateSimulator sim =
                new EstateSimulator(cfg, scenario, 3, Instant.now().minus(Duration.ofHours(2)));
        try (MetricsExporter exporter =
                        new MetricsExporter(sim, "127.0.0.1", 0, Clock.systemUTC());
                LocalPrometheus prometheus = LocalPrometheus.prepare(null)) {
            prometheus.start(exporter.address(), 1, Duration.ofSeconds(60));
            PrometheusServer.waitFor(
                    () -> {
                        try (PrometheusClient c =
                                new PrometheusClient(
                                        cfg.app().telemetry().endpoint(prometheus.url()),
                                        new QueryStats())) {
                            return c.query("up{instance=\"cn0165\"} == 0").join().series().size()
                                    == 1;
                        } catch (RuntimeException e) {
                            return false;
                        }
                    },
                    Duration.ofSeconds(30),
                    "first scrape");
            ViewRenderer.startToolkit();
            try (PrometheusClient client =
                    new PrometheusClient(
                            cfg.app().telemetry().endpoint(prometheus.url()), new QueryStats())) {
                soak(cfg, client, prometheus);
            }
        }
        Files.deleteIfExists(scenarioFile);
    }

    private void soak(RackscopeConfig cfg, PrometheusClient client, LocalPrometheus prometheus)
            throws Exception {
        TelemetryPlanner planner =
                new TelemetryPlanner(cfg, client, EvaluationMode.FILTERED, Clock.systemUTC());
        HealthFeed feed = new HealthFeed(null, Platform::runLater);
        AppContext ctx =
                new AppContext(
                        cfg,
                        feed,
                        new MetricsService(client, cfg.app())::range,
                        planner::valuesAt,
                        Clock.systemUTC());
        MainView main =
                fx(
                        () -> {
                            MainView m = ViewFactory.main(ctx, "", null);
                            Scene scene = new Scene(m.node(), 1600, 1000);
                            Theme.DARK.applyTo(scene);
                            m.install(scene);
                            Stage stage = new Stage();
                            stage.setScene(scene);
                            stage.show();
                            return m;
                        });
        KioskController kiosk =
                fx(
                        () -> {
                            KioskController k = ViewFactory.kiosk(ctx, () -> {});
                            k.install(
                                    (Stage) main.node().getScene().getWindow(),
                                    main.node().getScene(),
                                    main,
                                    0);
                            k.stop(); // the test ticks the playlist itself, faster than the clock
                            return k;
                        });
        List<Long> early = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        int baseThreads = 0;
        int baseListeners = 0;
        int outageStart = CYCLES * 2 / 5;
        for (int c = 1; c <= CYCLES; c++) {
            boolean outage = c >= outageStart && c < outageStart + 20;
            if (c == outageStart) {
                prometheus.stop();
            }
            if (c == outageStart + 20) {
                prometheus.launch(Duration.ofSeconds(60));
            }
            if (c % 500 == 0 || outage || c == outageStart + 20) {
                planner.invalidateCaches();
            }
            HealthSnapshot s = planner.refresh();
            feed.publish(s);
            if (c % 10 == 0) {
                Platform.runLater(
                        () -> {
                            for (int i = 0; i < 30; i++) {
                                kiosk.playlist().tick();
                            }
                        });
            }
            if (c == outageStart + 19) {
                assertFalse(s.errors().isEmpty(), "the outage is reported");
                assertEquals(Severity.CRIT, s.node("cn0165"), "last known state kept");
                assertTrue(s.isStale("cn0165"), "and marked stale");
                String banner = fx(() -> ((Label) main.node().lookup("#banner")).getText());
                assertTrue(
                        banner.contains("cannot connect") || banner.contains("unreachable"),
                        banner);
            }
            if (c == outageStart + 40) {
                assertTrue(s.errors().isEmpty(), "recovered by itself: " + s.errors());
                assertTrue(s.staleEntities().isEmpty());
            }
            if (EARLY.contains(c) || LATE.contains(c)) {
                fx(
                        () -> {
                            ctx.navigation().go(Place.WORLD);
                            return null;
                        });
                settle();
                long heap = heapAfterGc();
                int threads = steadyThreads();
                int listeners = feed.listenerCount();
                System.out.printf(
                        "soak cycle %d: heap %.1f MB, %d threads, %d snapshot listeners%n",
                        c, heap / 1048576.0, threads, listeners);
                (EARLY.contains(c) ? early : late).add(heap);
                if (c == EARLY.get(0)) {
                    baseThreads = threads;
                    baseListeners = listeners;
                } else {
                    assertEquals(baseListeners, listeners, "snapshot listeners at cycle " + c);
                    // lazily started, bounded pools (the exporter's two HTTP threads, the JDK's
                    // cleaner) may appear
                    // once after the baseline; a leak per cycle or per view would show as hundreds
                    assertTrue(
                            threads <= baseThreads + 2,
                            "threads grew from "
                                    + baseThreads
                                    + " to "
                                    + threads
                                    + ": "
                                    + Thread.getAllStackTraces().keySet().stream()
                                            .map(Thread::getName)
                                            .sorted()
                                            .toList());
                }
            }
        }
        long before = Collections.min(early);
        long after = Collections.min(late);
        System.out.printf(
                "soak heap after GC, lowest of five: %.1f MB early, %.1f MB late%n",
                before / 1048576.0, after / 1048576.0);
        assertTrue(after < before * 1.10, "heap after GC grew from " + early + " to " + late);
        fx(
                () -> {
                    main.node().getScene().getWindow().hide();
                    return null;
                });
    }

    /**
     * Threads that must not grow. The common fork-join pool, OkHttp's and Okio's workers and the
     * JDK's process reaper are elastic pools that start threads on demand and retire idle ones
     * after a minute; they are bounded, and checked apart against that bound.
     */
    private static int steadyThreads() {
        int steady = 0;
        int elastic = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (n.startsWith("ForkJoinPool.commonPool")
                    || n.startsWith("OkHttp")
                    || n.startsWith("Okio")
                    || n.startsWith("process reaper")) {
                elastic++;
            } else {
                steady++;
            }
        }
        assertTrue(
                elastic <= 2 * Runtime.getRuntime().availableProcessors() + 16,
                "elastic pool threads: " + elastic);
        return steady;
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            fx(() -> null);
            Thread.sleep(50);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return FxThread.call(work);
    }
}
