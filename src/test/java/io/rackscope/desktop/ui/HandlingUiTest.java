package io.rackscope.desktop.ui;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.AlertLabels;
import io.rackscope.desktop.handling.FileStore;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.ui.shell.MainView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Acknowledging from the alert panel, headless, on files in a temporary directory. */
@ExtendWith(ApplicationExtension.class)
class HandlingUiTest {
    RackscopeConfig cfg;
    HealthFeed feed;
    HandlingService service;
    HealthSnapshot raw;

    @Start
    void start(Stage stage) throws Exception {
        cfg = new ConfigLoader().load(Path.of("config"));
        Path dir = Files.createTempDirectory("rackscope-handling-ui");
        service =
                new HandlingService(
                        new FileStore(dir),
                        new AlertLabels(cfg.topology(), "instance"),
                        Clock.systemUTC());
        feed = new HealthFeed(null, Runnable::run);
        AppContext ctx =
                new AppContext(
                        cfg,
                        feed,
                        null,
                        null,
                        Clock.systemUTC(),
                        new AppContext.Kept(
                                new DirectHandling(service, feed, () -> raw),
                                SampleTimes.NONE,
                                JournalMarks.NONE,
                                JournalHistory.NONE,
                                io.rackscope.desktop.ui.EstateEditing.NONE));
        ctx.options().operatorProperty().set("carol");
        raw =
                new Snapshots(cfg)
                        .at(
                                1,
                                problem("node_up", "cn0165", Severity.CRIT, 0),
                                problem("node_temperature", "cn0001", Severity.WARN, 80));
        feed.publish(raw);
        raw = feed.current();
        MainView main = ViewFactory.main(ctx, "", null);
        Scene scene = new Scene(main.node(), 1260, 780);
        Theme.DARK.applyTo(scene);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anIncidentAcknowledgedFromItsMenuIsListedAfterTheNewOnesWithWhoAndTheNote(FxRobot robot) {
        Labeled summary = robot.lookup(".alerts-panel .faint").queryAs(Labeled.class);
        assertEquals("2 incidents · 2 nodes", summary.getText());
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#alerts-list").queryAs(ListView.class);
        Node first = robot.lookup("#alerts-list .list-cell").nth(0).queryAs(Node.class);
        robot.interact(
                () -> {
                    var at = first.localToScreen(20, 10);
                    first.fireEvent(
                            new ContextMenuEvent(
                                    ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                                    20,
                                    10,
                                    at.getX(),
                                    at.getY(),
                                    false,
                                    null));
                });
        robot.clickOn("Acknowledge…");
        robot.clickOn(robot.lookup("#handle-text").queryAs(TextArea.class))
                .write("PSU swap, Bob on site");
        // the legend says OK too: the dialog's button
        robot.clickOn(
                robot.lookup(".dialog-pane .button")
                        .match(org.testfx.matcher.control.LabeledMatchers.hasText("OK"))
                        .queryAs(Node.class));
        assertEquals("1 incident · 1 node · 1 handled", summary.getText());
        String last = list.getItems().get(list.getItems().size() - 1).toString();
        assertTrue(last.contains("cn0165"), "the handled one goes last: " + last);
        // the handled row, as it reads (it is drawn, and says what it shows)
        String handled = first.getAccessibleText();
        for (Node cell : robot.lookup("#alerts-list .list-cell").queryAll()) {
            String said = cell.getAccessibleText();
            if (said != null && said.contains("cn0165")) {
                handled = said;
            }
        }
        assertTrue(handled.contains("Acknowledged by carol at "), handled);
        assertTrue(handled.endsWith("· PSU swap, Bob on site"), handled);
        assertEquals(1, service.silences().size());
        assertEquals("carol", service.silences().get(0).by());
    }
}
