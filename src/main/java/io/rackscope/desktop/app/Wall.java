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
     * The screens of {@code kiosk.screens}: the first in the window already there ({@code first},
     * with {@code ctx} and {@code main}), the others each in a new window of its own.
     */
    static List<Screen> open(
            AppContext ctx, Stage first, Scene firstScene, MainView main, Runnable exit) {
        List<AppConfig.WallScreen> screens = ctx.config().app().kiosk().screens();
        List<Screen> out = new ArrayList<>();
        out.add(kiosk(ctx, first, firstScene, main, screens.get(0), exit));
        for (AppConfig.WallScreen w : screens.subList(1, screens.size())) {
            AppContext c = ctx.anotherScreen();
            c.options().coloursProperty().set(ctx.options().coloursProperty().get());
            MainView m = ViewFactory.main(c, "", null);
            Scene scene = new Scene(m.node(), 1280, 800);
            m.install(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            c.options().style(scene);
            out.add(kiosk(c, stage, scene, m, w, exit));
            stage.setTitle("Rackscope Desktop — screen " + w.screen());
            stage.show();
        }
        return out;
    }

    /** {@code w}'s kiosk in its window; only the jump screen toasts (once for the whole wall). */
    private static Screen kiosk(
            AppContext c,
            Stage stage,
            Scene scene,
            MainView m,
            AppConfig.WallScreen w,
            Runnable exit) {
        AppConfig.Kiosk settings = c.config().app().kiosk();
        if (w.screen() != settings.jumpScreen()) {
            m.leaveToastsToAnotherScreen();
        }
        KioskController k = ViewFactory.kiosk(c, exit, settings.on(w), w.views());
        k.install(stage, scene, m, w.screen());
        return new Screen(c, m, stage, k);
    }
}
