package io.rackscope.desktop.app;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The window's sessions, one after the other: opened on the loaded estate, opened again in place on
 * the estate as each edit leaves it (the views show an edit at once, before it is saved, and the
 * planner asks for what it added), and on the files again after a save. Each new session goes on
 * where the last was: its states until the first cycle, the user's choices, the view. The edits
 * outlive the sessions they are shown in; a save starts new ones on the saved files.
 */
final class WindowSessions implements AutoCloseable {
    private final Stage stage;
    private final Scene scene;
    private final LaunchOptions options;
    private final Clock clock;
    private final Supplier<UserSettings> settings;
    private final AtomicReference<RackscopeConfig> toShow = new AtomicReference<>();
    private DesktopSession session;
    private EditingService editing;

    WindowSessions(
            Stage stage,
            Scene scene,
            LaunchOptions options,
            Clock clock,
            Supplier<UserSettings> settings) {
        this.stage = stage;
        this.scene = scene;
        this.options = options;
        this.clock = clock;
        this.settings = settings;
    }

    /** Opens the window on {@code cfg}, as read from its files. On the FX thread. */
    void open(RackscopeConfig cfg) {
        open(cfg, null);
    }

    /**
     * As above, with the telemetry made at launch for {@code cfg}, its first cycle begun (null:
     * none).
     */
    void open(RackscopeConfig cfg, SessionTelemetry begun) {
        DesktopSession earlier = session;
        if (earlier != null) {
            earlier.close();
        }
        if (editing != null) {
            editing.close();
        }
        Shown shown = new Shown();
        editing = new EditingService(cfg, options.kiosk(), shown);
        shown.owner = editing;
        show(cfg, earlier, begun);
    }

    private void show(RackscopeConfig cfg, DesktopSession earlier, SessionTelemetry begun) {
        session = new DesktopSession(cfg, options, clock, settings.get(), editing, begun);
        session.show(stage, scene, options);
        if (earlier != null) {
            session.continueFrom(earlier);
        }
    }

    /** The session shown now (null before the first). */
    DesktopSession current() {
        return session;
    }

    /** What the edits tell the window, on their own thread: handed to the FX thread. */
    private final class Shown implements EditingService.Window {
        private EditingService owner;

        @Override
        public void edited(RackscopeConfig estate) {
            // a burst of undos shows only the last estate
            if (toShow.getAndSet(estate) == null) {
                Platform.runLater(this::showEdited);
            }
        }

        private void showEdited() {
            RackscopeConfig estate = toShow.getAndSet(null);
            if (estate == null || session == null || editing != owner) {
                return;
            }
            DesktopSession earlier = session;
            earlier.close();
            show(estate, earlier, null);
        }

        @Override
        public void saved() {
            CompletableFuture.supplyAsync(() -> new ConfigLoader().load(options.config()))
                    .thenAccept(
                            cfg ->
                                    Platform.runLater(
                                            () -> {
                                                if (editing == owner) {
                                                    toShow.set(null);
                                                    open(cfg);
                                                }
                                            }));
        }
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
        if (editing != null) {
            editing.close();
            editing = null;
        }
    }
}
