package io.rackscope.desktop.app;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.ui.kiosk.KioskController;
import io.rackscope.desktop.ui.shell.MainView;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A whole video wall from one process ({@code kiosk.screens}): one full-screen window per monitor,
 * each with its own place and playlist, all fed by the one planner of {@code ctx}; only the {@code
 * jump_screen} jumps to a new CRIT, the others keep their rotation.
 */
final class Wall {
    /** What a screen is made of, kept to stop it. */
    record Screen(AppContext ctx, MainView main, Stage stage, KioskController kiosk) {}

    private Wall() {}

    /**
     * The screens of {@code settings.screens()}: the first in {@code first} (the window already
     * there, with {@code ctx} and {@code main}), the others in new windows.
     */
    static List<Screen> open(
            AppContext ctx, Stage first, Scene firstScene, MainView main, Runnable exit) {
        AppConfig.Kiosk settings = ctx.config().app().kiosk();
        List<Screen> out = new ArrayList<>();
        for (AppConfig.WallScreen w : settings.screens()) {
            boolean isFirst = out.isEmpty();
            AppContext c = isFirst ? ctx : ctx.anotherScreen();
            if (!isFirst) {
                c.options().coloursProperty().set(ctx.options().coloursProperty().get());
            }
            MainView m = isFirst ? main : ViewFactory.main(c, "", null);
            // one toast per incident on the whole wall: on the screen that jumps to it
            if (w.screen() != settings.jumpScreen()) {
                m.leaveToastsToAnotherScreen();
            }
            Stage stage = isFirst ? first : new Stage();
            Scene scene = isFirst ? firstScene : new Scene(m.node(), 1280, 800);
            if (!isFirst) {
                m.install(scene);
                stage.setScene(scene);
                c.options().style(scene);
            }
            KioskController k = ViewFactory.kiosk(c, exit, settings.on(w), w.views());
            k.install(stage, scene, m, w.screen());
            if (!isFirst) {
                stage.setTitle("Rackscope Desktop — screen " + w.screen());
                stage.show();
            }
            out.add(new Screen(c, m, stage, k));
        }
        return out;
    }
}
