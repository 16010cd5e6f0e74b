package io.rackscope.desktop.ui;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop window. */
public final class DesktopApp extends Application {
    private static Path configDir;
    private static boolean kiosk;

    public static void open(LaunchOptions options) {
        configDir = options.config();
        kiosk = options.kiosk();
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        RackscopeConfig cfg = new ConfigLoader().load(configDir);
        Label summary = new Label(cfg.app().name() + " — " + cfg.topology().sites().size() + " sites, "
                + cfg.topology().racks().size() + " racks, " + cfg.topology().instances().size() + " nodes");
        stage.setTitle("Rackscope Desktop — " + configDir);
        stage.setScene(new Scene(new BorderPane(summary), 1280, 800));
        stage.setFullScreen(kiosk);
        stage.show();
    }
}
