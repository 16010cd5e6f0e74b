package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartupReportTest {
    @Test
    void theProcessAgeIsReckonedFromTheKernelsClockSinceBoot() {
        // a name with a space and a parenthesis; started 1,297,777 ticks (12,977.77 s) after boot
        String stat =
                "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0"
                        + " 1297777 1000000 2000 18446744073709551615";
        assertEquals(110, StartupReport.sinceStart(stat, "12977.88 20137.88\n"));
    }

    @Test
    void thisProcessIsYoungerThanTheMachineAndOlderThanNothing() {
        long ms = StartupReport.elapsed();
        // the JVM's uptime on its monotonic clock, as the kernel's since boot is: start time
        // against the wall clock drifts from it (210 ms after 229 s in one full run)
        long jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        assertTrue(ms >= 0, "started before now: " + ms);
        // the process (its launcher included) started before the JVM, and not a minute before
        assertTrue(ms >= jvm - 20 && ms < jvm + 60_000, ms + " ms against the JVM's " + jvm);
    }
}
