package io.rackscope.desktop.app;

import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * What a user chose, kept between sessions ({@code java.util.prefs}, per OS user): theme, alert
 * sound mute and volume, colour by Slurm, the alert panel's width and filter, the last view, and
 * the window's size and position (restored only where a screen still shows it). Kiosk sessions
 * neither read nor write them. {@code --reset-settings} forgets them all.
 */
public final class UserSettings implements AutoCloseable {
    static final String NODE = "io/rackscope/desktop";
    private final Preferences prefs;
    private final Subscriptions subscriptions = new Subscriptions();

    public UserSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The OS user's settings. */
    public static UserSettings forUser() {
        return new UserSettings(Preferences.userRoot().node(NODE));
    }

    /** Forgets every setting of the OS user; false when they could not be removed. */
    public static boolean resetForUser() {
        return reset(Preferences.userRoot().node(NODE));
    }

    /** Forgets the settings kept in {@code node}. */
    static boolean reset(Preferences node) {
        try {
            node.clear();
            node.flush();
            return true;
        } catch (BackingStoreException | IllegalStateException e) {
            return false;
        }
    }

    /** Restores {@code o} from the settings, then keeps the settings up to date with it. */
    public void bind(ViewOptions o) {
        o.themeProperty().set(Theme.parse(prefs.get("theme", o.themeProperty().get().name())));
        o.coloursProperty()
                .set(
                        io.rackscope.desktop.ui.ColourScheme.parse(prefs.get("palette", ""))
                                .orElse(o.coloursProperty().get()));
        o.mutedProperty().set(prefs.getBoolean("sound.muted", o.mutedProperty().get()));
        o.volumeProperty()
                .set(clamp(prefs.getDouble("sound.volume", o.volumeProperty().get()), 0, 1));
        o.colourBySlurmProperty()
                .set(prefs.getBoolean("colour_by_slurm", o.colourBySlurmProperty().get()));
        o.alertFilterProperty().set(prefs.get("alerts.filter", o.alertFilterProperty().get()));
        o.panelWidthProperty()
                .set(
                        clamp(
                                prefs.getDouble("alerts.width", o.panelWidthProperty().get()),
                                240,
                                900));
        o.themeProperty().addListener((x, a, t) -> write(() -> prefs.put("theme", t.name())));
        o.mutedProperty().addListener((x, a, m) -> write(() -> prefs.putBoolean("sound.muted", m)));
        o.coloursProperty().addListener((x, a, c) -> write(() -> prefs.put("palette", c.name())));
        o.volumeProperty()
                .addListener(
                        (x, a, v) -> write(() -> prefs.putDouble("sound.volume", v.doubleValue())));
        o.colourBySlurmProperty()
                .addListener((x, a, c) -> write(() -> prefs.putBoolean("colour_by_slurm", c)));
        o.alertFilterProperty()
                .addListener(
                        (x, a, f) -> write(() -> prefs.put("alerts.filter", f == null ? "" : f)));
        o.panelWidthProperty()
                .addListener(
                        (x, a, w) -> write(() -> prefs.putDouble("alerts.width", w.doubleValue())));
    }

    /** The view the user was on when the last session ended. */
    public Optional<Place> lastView() {
        String text = prefs.get("view", null);
        return text == null ? Optional.empty() : Place.parse(text);
    }

    /** Remembers every view the user goes to. */
    public void rememberViews(ReadOnlyObjectProperty<Place> current) {
        current.addListener((o, a, p) -> write(() -> prefs.put("view", p.text())));
    }

    /**
     * Puts {@code stage} where it last was, when a screen still shows that place, and remembers
     * where it is from now on.
     */
    public void window(Stage stage) {
        double w = prefs.getDouble("window.width", -1);
        double h = prefs.getDouble("window.height", -1);
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        if (w >= 400 && h >= 300 && !Double.isNaN(x) && !Double.isNaN(y)) {
            Rectangle2D saved = new Rectangle2D(x, y, w, h);
            if (!Screen.getScreensForRectangle(saved).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
                stage.setWidth(w);
                stage.setHeight(h);
            }
        }
        stage.setMaximized(prefs.getBoolean("window.maximized", stage.isMaximized()));
        subscriptions.onChange(
                stage.xProperty(), (o, v0, v) -> keep(stage, "window.x", v.doubleValue()));
        subscriptions.onChange(
                stage.yProperty(), (o, v0, v) -> keep(stage, "window.y", v.doubleValue()));
        subscriptions.onChange(
                stage.widthProperty(), (o, v0, v) -> keep(stage, "window.width", v.doubleValue()));
        subscriptions.onChange(
                stage.heightProperty(),
                (o, v0, v) -> keep(stage, "window.height", v.doubleValue()));
        subscriptions.onChange(
                stage.maximizedProperty(),
                (o, v0, m) -> write(() -> prefs.putBoolean("window.maximized", m)));
    }

    /** A maximised window's size is the screen's: what is kept is the size it returns to. */
    private void keep(Stage stage, String key, double value) {
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            write(() -> prefs.putDouble(key, value));
        }
    }

    /** A setting that cannot be written (its store was removed meanwhile) is not kept. */
    private static void write(Runnable put) {
        try {
            put.run();
        } catch (IllegalStateException e) {
            // the settings were reset while this session ran
        }
    }

    /** Stops keeping the window's place (the stage outlives the session). */
    @Override
    public void close() {
        subscriptions.dispose();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
