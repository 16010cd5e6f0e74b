package io.rackscope.desktop.app;

import io.rackscope.desktop.health.HealthSnapshot;
import java.io.PrintStream;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;

/**
 * With {@code RACKSCOPE_STARTUP_REPORT} set, says on stderr how long after the process started the
 * window first showed the estate's states: the pulse that lays out the first cycle's snapshot (its
 * frame is drawn right after). For measuring start-up, not for everyday use.
 */
final class StartupReport {
    private StartupReport() {}

    /**
     * Since the process started (the launcher's shell, which becomes the JVM), in ms. On Linux from
     * the kernel's clock since boot, to 10 ms: {@code ProcessHandle}'s start instant adds the boot
     * time, which the kernel gives in whole seconds, so it was off by a constant of up to a second
     * (0.23 s on the build machine's boot of 2026-12-06). Elsewhere, since the JVM started.
     */
    static long elapsed() {
        try {
            return sinceStart(
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat")),
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")));
        } catch (java.io.IOException | RuntimeException e) {
            long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            return System.currentTimeMillis() - jvm;
        }
    }

    /**
     * The ms between a process' start ({@code stat}: {@code /proc/PID/stat}, its 22nd field in
     * clock ticks of 1/100 s since boot) and now ({@code uptime}: {@code /proc/uptime}, seconds
     * since boot).
     */
    static long sinceStart(String stat, String uptime) {
        // the command's name (field 2) may hold spaces and parentheses: count after its last ')'
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long startTicks = Long.parseLong(after[22 - 3]);
        double now = Double.parseDouble(uptime.trim().split("\\s+")[0]);
        return Math.round(now * 1000) - startTicks * 10;
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
