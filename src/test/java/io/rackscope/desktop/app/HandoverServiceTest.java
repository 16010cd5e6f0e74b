package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.HandoverWriter;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.ViewOptions;
import io.rackscope.desktop.ui.shell.ShellViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's Handover button: the command run as a process of its own, and what is said. */
class HandoverServiceTest {
    @Test
    void theHandoverIsWrittenByAProcessOfItsOwnAndWhereItIsSaid(@TempDir Path home)
            throws Exception {
        String was = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            String said =
                    new HandoverService(
                                    Path.of("config").toAbsolutePath(),
                                    "http://127.0.0.1:1",
                                    home.resolve("journal"))
                            .write()
                            .get(3, TimeUnit.MINUTES);
            assertTrue(said.startsWith("Handover written: " + home), said);
            Path page = Path.of(said.substring("Handover written: ".length()));
            assertTrue(Files.readString(page).contains("<h1>Shift handover"));
        } finally {
            System.setProperty("user.home", was);
        }
    }

    @Test
    void theShellSaysWhatTheWriterSaidAndIsBusyMeanwhile() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        CompletableFuture<String> writing = new CompletableFuture<>();
        HandoverWriter writer = () -> writing;
        ShellViewModel shell =
                new ShellViewModel(
                        cfg,
                        new Locator(cfg.topology()),
                        new NavigationModel(),
                        new HealthFeed(null, Runnable::run),
                        new ViewOptions(),
                        io.rackscope.desktop.live.AlertHandling.NONE,
                        writer,
                        Runnable::run);
        shell.writeHandover();
        assertTrue(shell.writingHandoverProperty().get());
        writing.complete("Handover written: /tmp/x/handover.html");
        assertEquals("Handover written: /tmp/x/handover.html", shell.handoverSaidProperty().get());
        assertTrue(!shell.writingHandoverProperty().get());
    }
}
