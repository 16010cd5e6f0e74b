package io.rackscope.desktop.ui.kiosk;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Typography;
import io.rackscope.desktop.ui.shell.MainView;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Wall-display mode: full screen on the chosen monitor, no exit hint, window close and Escape
 * ignored, the exit key chord must be pressed twice within five seconds, the cursor hides when
 * idle, text scaled for the far side of the room, and the playlist rotating with its countdown.
 * Nothing waits for a click; problems show as banners.
 */
public final class KioskController {
    private static final Duration CONFIRM_WINDOW = Duration.seconds(5);
    private final String appName;
    private final ReadOnlyObjectProperty<Place> current;
    private final AppConfig.Kiosk settings;
    private final PlaylistViewModel playlist;
    private final Timeline ticker;
    private final Label message = new Label();
    private final Runnable exit;
    private long exitArmedUntil;

    /**
     * {@code current} is where the window is; {@code exit} runs when the exit key has been pressed
     * twice (tests pass their own).
     */
    public KioskController(
            AppConfig.Kiosk settings,
            String appName,
            PlaylistViewModel playlist,
            ReadOnlyObjectProperty<Place> current,
            Runnable exit) {
        this.settings = settings;
        this.appName = appName;
        this.playlist = playlist;
        this.current = current;
        this.exit = exit;
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> playlist.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    public PlaylistViewModel playlist() {
        return playlist;
    }

    /**
     * Makes {@code stage} a kiosk on {@code screen} (-1: as configured) and starts the playlist.
     */
    public void install(Stage stage, Scene scene, MainView main, int screen) {
        List<Screen> screens = Screen.getScreens();
        Screen target =
                screens.get(
                        Math.max(
                                0,
                                Math.min(
                                        screen >= 0 ? screen : settings.screen(),
                                        screens.size() - 1)));
        // the whole monitor even where no window manager honours full screen (a bare X server on a
        // kiosk)
        stage.setX(target.getBounds().getMinX());
        stage.setY(target.getBounds().getMinY());
        stage.setWidth(target.getBounds().getWidth());
        stage.setHeight(target.getBounds().getHeight());
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        stage.setOnCloseRequest(e -> e.consume());
        KeyCombination exit = parse(settings.exitKey());
        scene.addEventFilter(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        e.consume();
                    } else if (exit.match(e)) {
                        e.consume();
                        exitPressed();
                    }
                });
        hideIdleCursor(scene);
        main.node().setStyle(Typography.scaled(settings.scale()));
        main.useKioskBar(bar(main), true);
        main.addNewIncidentListener(playlist::onNewIncidents);
        main.addIncidentsListener(playlist::onIncidents);
        if (!playlist.problems().isEmpty()) {
            message.setText(String.join("; ", playlist.problems()));
        }
        playlist.start();
        ticker.play();
    }

    private HBox bar(MainView main) {
        Label title = new Label(appName);
        title.getStyleClass().add("subtitle");
        Label where = new Label(main.titleOf(current.get()));
        where.setId("kiosk-where");
        current.addListener((o, a, p) -> where.setText(main.titleOf(p)));
        where.getStyleClass().add("muted");
        Label countdown = new Label();
        countdown.setId("playlist-countdown");
        countdown.textProperty().bind(playlist.captionProperty());
        countdown.getStyleClass().add("muted");
        message.setId("kiosk-message");
        message.getStyleClass().add("kiosk-message");
        // the wall tells what is new and how much is already being handled
        Label incidents = new Label();
        incidents.setId("kiosk-incidents");
        incidents.getStyleClass().add("muted");
        incidents.textProperty().bind(main.incidentSummary());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label now = new Label();
        now.setId("kiosk-clock");
        now.getStyleClass().add("subtitle");
        now.textProperty().bind(main.clockText());
        HBox bar = new HBox(14, title, where, message, spacer, incidents, countdown, now);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-bar");
        return bar;
    }

    private void exitPressed() {
        long now = System.nanoTime();
        if (now < exitArmedUntil) {
            exit.run();
            return;
        }
        exitArmedUntil = now + (long) (CONFIRM_WINDOW.toSeconds() * 1e9);
        message.setText(
                "Press "
                        + settings.exitKey()
                        + " again within "
                        + (int) CONFIRM_WINDOW.toSeconds()
                        + " s to leave kiosk mode");
        PauseTransition clear = new PauseTransition(CONFIRM_WINDOW);
        clear.setOnFinished(
                e -> {
                    if (System.nanoTime() >= exitArmedUntil) {
                        message.setText("");
                    }
                });
        clear.play();
    }

    private void hideIdleCursor(Scene scene) {
        if (settings.hideCursorSeconds() <= 0) {
            return;
        }
        PauseTransition idle = new PauseTransition(Duration.seconds(settings.hideCursorSeconds()));
        idle.setOnFinished(e -> scene.setCursor(Cursor.NONE));
        scene.addEventFilter(
                MouseEvent.MOUSE_MOVED,
                e -> {
                    scene.setCursor(Cursor.DEFAULT);
                    idle.playFromStart();
                });
        idle.play();
    }

    private static KeyCombination parse(String text) {
        try {
            return KeyCombination.valueOf(text);
        } catch (IllegalArgumentException e) {
            return KeyCombination.valueOf("Ctrl+Shift+Q");
        }
    }

    public void stop() {
        ticker.stop();
    }
}
