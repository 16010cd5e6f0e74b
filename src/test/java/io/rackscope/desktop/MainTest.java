package io.rackscope.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void onlyTheWindowsOwnArgumentsTakeTheShortWay() {
        assertTrue(Main.opensTheWindow(new String[] {}));
        assertTrue(Main.opensTheWindow(new String[] {"--config", "/tmp/x", "--kiosk"}));
        assertTrue(
                Main.opensTheWindow(new String[] {"--view", "maintenance"}),
                "a view named like a subcommand is still the window's option");
        assertFalse(Main.opensTheWindow(new String[] {"snapshot", "--config", "/tmp/x"}));
        assertFalse(Main.opensTheWindow(new String[] {"--config", "/tmp/x", "check-config"}));
        assertFalse(Main.opensTheWindow(new String[] {"--help"}), "help lists the subcommands");
        assertFalse(Main.opensTheWindow(new String[] {"--version"}));
        assertFalse(
                Main.opensTheWindow(new String[] {"--screen", "left"}),
                "a mistake is said by the whole command, as before");
    }

    @Test
    void theWholeCommandStillHasEverySubcommandInItsOrder() {
        assertEquals(
                List.of(
                        "check-config",
                        "snapshot",
                        "simulate",
                        "history",
                        "demo",
                        "render",
                        "generate-topology",
                        "check-test",
                        "maintenance",
                        "edit",
                        "import-topology",
                        "discover",
                        "ack",
                        "handover"),
                List.copyOf(Main.commandLine().getSubcommands().keySet()));
    }
}
