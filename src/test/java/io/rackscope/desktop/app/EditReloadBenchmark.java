package io.rackscope.desktop.app;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.FxThread;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Theme;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * What an admin waits for in Edit mode on a large estate, the whole window as the app runs it
 * (headless Monocle): entering Edit mode on a room's floor, a rack moved there shown (the edit, the
 * loader's check, the window opened again on the estate as edited), and a save with the window
 * opened again on the files. Run with {@code scripts/bench edit-reload DIR RACK AISLE [ROUNDS]} on
 * a {@code generate-topology} estate.
 */
public final class EditReloadBenchmark {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String rack = args[1];
        String aisle = args[2];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        String prometheus = args.length > 4 ? args[4] : null;
        System.setProperty("headless.geometry", "1920x1080-32");
        ViewRenderer.startToolkit();
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        String room = cfg.topology().rack(rack).orElseThrow().roomKey();
        var r = cfg.topology().rack(rack).orElseThrow();
        String home = r.roomKey() + "/" + r.aisleId();
        String url = prometheus;
        if (url == null) {
            try (ServerSocket s = new ServerSocket(0)) {
                url = "http://127.0.0.1:" + s.getLocalPort();
            }
        }
        LaunchOptions options = LaunchOptions.of(dir, false).withPrometheus(url);
        Preferences prefs =
                Preferences.userRoot().node("rackscope-edit-bench-" + System.nanoTime());
        WindowSessions[] sessions = new WindowSessions[1];
        FxThread.call(
                () -> {
                    Stage stage = new Stage();
                    Scene scene = new Scene(new StackPane(), 1920, 1080);
                    Theme.DARK.applyTo(scene);
                    stage.setScene(scene);
                    stage.show();
                    sessions[0] =
                            new WindowSessions(
                                    stage,
                                    scene,
                                    options,
                                    Clock.systemUTC(),
                                    () -> new UserSettings(prefs));
                    sessions[0].open(cfg);
                    sessions[0]
                            .current()
                            .context()
                            .navigation()
                            .go(Place.of(Place.Kind.ROOM, room));
                    return null;
                });
        List<Double> enter = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            enter.add(
                    FxThread.call(
                            () -> {
                                var ctx = sessions[0].current().context();
                                ctx.options().editingProperty().set(false);
                                scene(sessions[0]).getRoot().applyCss();
                                scene(sessions[0]).getRoot().layout();
                                long t0 = System.nanoTime();
                                ctx.options().editingProperty().set(true);
                                scene(sessions[0]).getRoot().applyCss();
                                scene(sessions[0]).getRoot().layout();
                                return (System.nanoTime() - t0) / 1e6;
                            }));
        }
        java.util.Map<String, io.rackscope.desktop.checks.Severity> first =
                prometheus == null ? null : firstCycle(sessions[0], null).nodes();
        io.rackscope.desktop.health.HealthSnapshot[] seeded = {null};
        List<Double> shown = new ArrayList<>();
        List<Double> saved = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String to = i % 2 == 0 ? aisle : home;
            DesktopSession before = FxThread.call(sessions[0]::current);
            long t0 = System.nanoTime();
            FxThread.call(
                    () -> {
                        sessions[0]
                                .current()
                                .context()
                                .editing()
                                .edit("bench", e -> e.moveRack(rack, to, 0));
                        return null;
                    });
            DesktopSession edited = awaitNew(sessions[0], before);
            shown.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            FxThread.call(
                    () -> {
                        sessions[0].current().context().editing().save();
                        return null;
                    });
            awaitNew(sessions[0], edited);
            saved.add((System.nanoTime() - t1) / 1e6);
            seeded[0] = FxThread.call(() -> sessions[0].current().context().health().current());
        }
        if (first != null) {
            // the window opened on the saved files: its own first cycle, not the states it was
            // seeded with
            var next = firstCycle(sessions[0], seeded[0]).nodes();
            long same =
                    first.entrySet().stream()
                            .filter(e -> e.getValue() == next.get(e.getKey()))
                            .count();
            System.out.printf(
                    "next cycle after the last save: %d of %d nodes in the same state as before"
                            + " the edits%n",
                    same, first.size());
        }
        System.out.printf(
                "estate: %d racks, %d nodes%n",
                cfg.topology().racks().size(), cfg.topology().instances().size());
        report("enter Edit mode on the room (FX thread)", enter);
        report("a rack moved, shown (edit + check + window again)", shown);
        report("saved, window opened again on the files", saved);
        FxThread.call(
                () -> {
                    sessions[0].close();
                    return null;
                });
        prefs.removeNode();
        Platform.exit();
    }

    /** The first snapshot of the window that is not {@code seeded} and comes from a cycle. */
    private static io.rackscope.desktop.health.HealthSnapshot firstCycle(
            WindowSessions s, io.rackscope.desktop.health.HealthSnapshot seeded) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            var now = FxThread.call(() -> s.current().context().health().current());
            if (now != seeded && now.version() > 0) {
                return now;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no cycle within 120 s");
    }

    private static Scene scene(WindowSessions s) {
        return s.current().main().node().getScene();
    }

    private static DesktopSession awaitNew(WindowSessions s, DesktopSession old) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            DesktopSession now = FxThread.call(s::current);
            if (now != old && now != null) {
                return now;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("the window did not open again within 60 s");
    }

    private static void report(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(
                "%-52s median %.0f ms, max %.0f ms (%d rounds)%n",
                what, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
    }
}
