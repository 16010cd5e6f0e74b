package io.rackscope.desktop.alerting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desktop's own notifications, where there are some ({@code notify-send} of freedesktop.org
 * desktops): an escalated or unanswered CRIT is shown by the OS too, so it is seen with the window
 * hidden or on another workspace. Started and left to run: nothing waits for it.
 */
public final class OsNotices implements Consumer<Escalation.Moment> {
    private static final Logger LOG = Logger.getLogger(OsNotices.class.getName());
    private static final Set<String> SHOWN = Set.of("escalated", "unanswered");

    private final Path command;

    OsNotices(Path command) {
        this.command = command;
    }

    /** The desktop's notifier on the PATH, if it has one. */
    public static Optional<OsNotices> available() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "notify-send");
            if (Files.isExecutable(p)) {
                return Optional.of(new OsNotices(p));
            }
        }
        return Optional.empty();
    }

    @Override
    public void accept(Escalation.Moment m) {
        if (!SHOWN.contains(m.kind())) {
            return;
        }
        String title =
                (m.kind().equals("unanswered") ? "UNANSWERED " : "Still unacknowledged ")
                        + m.incident().severity()
                        + ": "
                        + m.incident().name();
        try {
            new ProcessBuilder(
                            List.of(
                                    command.toString(),
                                    "--urgency=critical",
                                    "--app-name=Rackscope Desktop",
                                    title,
                                    m.incident().path()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            LOG.log(Level.FINE, "the desktop's notifier could not be started", e);
        }
    }
}
