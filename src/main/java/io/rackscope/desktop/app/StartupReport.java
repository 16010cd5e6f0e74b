package io.rackscope.desktop.app;

import io.rackscope.desktop.health.HealthSnapshot;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

/**
 * With {@code RACKSCOPE_STARTUP_REPORT} set, says on stderr how long after the process started the
 * window first showed the estate's states: the pulse that lays out the first cycle's snapshot (its
 * frame is drawn right after). For measuring start-up, not for everyday use.
 */
final class StartupReport {
    private StartupReport() {}

    /** Since the process started, in ms. */
    static long elapsed() {
        Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        return Duration.between(started, Instant.now()).toMillis();
    }

    /**
     * Says when the window was first shown ({@code shownAt}), the estate loaded ({@code loadedAt})
     * and its views built (now), then watches for the first coloured frame; {@code then} runs after
     * it.
     */
    static void watch(
            HealthFeed feed,
            Scene scene,
            PrintStream out,
            long shownAt,
            long loadedAt,
            Runnable then) {
        out.printf(
                "startup: window %d ms, estate loaded %d ms, views built %d ms%n",
                shownAt, loadedAt, elapsed());
        ChangeListener<HealthSnapshot> first =
                new ChangeListener<>() {
                    @Override
                    public void changed(
                            javafx.beans.value.ObservableValue<? extends HealthSnapshot> o,
                            HealthSnapshot was,
                            HealthSnapshot now) {
                        if (now == null || now.version() == 0) {
                            return;
                        }
                        o.removeListener(this);
                        out.printf("startup: first cycle published %d ms%n", elapsed());
                        Runnable[] once = new Runnable[1];
                        once[0] =
                                () -> {
                                    scene.removePostLayoutPulseListener(once[0]);
                                    out.printf(
                                            "startup: first coloured frame %d ms after the process"
                                                    + " started%n",
                                            elapsed());
                                    then.run();
                                };
                        scene.addPostLayoutPulseListener(once[0]);
                    }
                };
        feed.snapshotProperty().addListener(first);
    }
}
