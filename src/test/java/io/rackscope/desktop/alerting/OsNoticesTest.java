package io.rackscope.desktop.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsNoticesTest {
    @Test
    void anEscalatedOrUnansweredCritIsShownByTheDesktopAndNothingElse(@TempDir Path dir)
            throws Exception {
        Path said = dir.resolve("said.txt");
        Path notifier = dir.resolve("notify-send");
        Files.writeString(
                notifier, "#!/bin/sh\nprintf '%s|' \"$@\" >> " + said + "\necho >> " + said + "\n");
        Files.setPosixFilePermissions(notifier, PosixFilePermissions.fromString("rwxr-xr-x"));
        OsNotices os = new OsNotices(notifier);
        var crit = EscalationTest.incident("cn0001", Severity.CRIT, EscalationTest.T0);
        os.accept(new Escalation.Moment("new", crit, EscalationTest.T0));
        os.accept(new Escalation.Moment("unanswered", crit, EscalationTest.T0));
        long deadline = System.nanoTime() + 10_000_000_000L;
        // the one notice asked for: its line written whole ("new" starts no notifier at all)
        while (!(Files.exists(said) && Files.readString(said).endsWith("\n"))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> lines = Files.readAllLines(said);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(
                lines.get(0)
                        .startsWith(
                                "--urgency=critical|--app-name=Rackscope Desktop|UNANSWERED CRIT: Node reachable|fra1 / hall-a / cn0001|"),
                lines.get(0));
    }
}
