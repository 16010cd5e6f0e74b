package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Place;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A session owns threads (planner, feed, HTTP client, retries, TilesFX ticks) and timelines: after
 * {@link DesktopSession#close()} none of its threads is left.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopSessionTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void closingTheSessionStopsEveryThreadItStarted(FxRobot robot) throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        // the JDK's preferences start their one process-wide sync timer on first use: not ours
        java.util.prefs.Preferences scratch = UserSettingsTest.scratch();
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        LaunchOptions options =
                LaunchOptions.of(Path.of("config"), false)
                        .withPrometheus("http://127.0.0.1:" + closedPort);
        DesktopSession[] session = new DesktopSession[1];
        robot.interact(
                () -> {
                    session[0] =
                            new DesktopSession(
                                    cfg,
                                    options,
                                    Clock.systemUTC(),
                                    new UserSettings(scratch),
                                    new EditingService(cfg, false, EditingService.Window.NONE),
                                    null);
                    Scene scene = new Scene(new StackPane(), 1440, 900);
                    stage.setScene(scene);
                    stage.show();
                    session[0].show(stage, scene, options);
                });
        HealthSource health = session[0].context().health();
        await(() -> health.current().version() >= 1, "a first (failed) cycle");
        for (String place :
                List.of("wallboard", "device:fra1-a01r03-c06", "rack:fra1-a01-r03", "world")) {
            robot.interact(
                    () -> session[0].context().navigation().go(Place.parse(place).orElseThrow()));
        }
        assertTrue(
                started(before).stream().anyMatch(t -> t.getName().equals("telemetry-planner")),
                "the session started its planner: " + names(started(before)));
        robot.interact(() -> session[0].close());
        try {
            await(() -> started(before).isEmpty(), "every thread of the session ends");
        } catch (AssertionError e) {
            throw new AssertionError("left running: " + names(started(before)), e);
        }
        assertEquals(Set.of(), names(started(before)));
    }

    /** Threads alive now that were not before, leaving out the toolkit's own. */
    private static Set<Thread> started(Set<Thread> before) {
        Set<Thread> now = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t) && !toolkit(t)) {
                now.add(t);
            }
        }
        return now;
    }

    /**
     * The toolkit's threads, and process-wide daemons of the libraries that end by themselves when
     * idle (OkHttp's task runner and Okio's watchdog after 60 s), and the JDK's shared cleaner and
     * the one delay scheduler of every {@code CompletableFuture.orTimeout} in the process.
     */
    private static boolean toolkit(Thread t) {
        String n = t.getName();
        return n.startsWith("JavaFX")
                || n.equals("OkHttp TaskRunner")
                || n.equals("Okio Watchdog")
                || n.startsWith("Cleaner-")
                || n.equals("CompletableFutureDelayScheduler")
                || n.startsWith("QuantumRenderer")
                || n.startsWith("InvokeLaterDispatcher")
                || n.startsWith("Prism")
                || n.startsWith("Monocle")
                || n.startsWith("Java Sound")
                || n.equals("Common-Cleaner")
                || n.startsWith("ForkJoinPool.commonPool");
    }

    private static Set<String> names(Set<Thread> threads) {
        Set<String> out = new HashSet<>();
        threads.forEach(t -> out.add(t.getName()));
        return out;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
