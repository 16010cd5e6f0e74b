package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.it.SimulatedDemo;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.firstrun.FirstRunView;
import io.rackscope.desktop.ui.firstrun.FirstRunViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first run against a real Prometheus scraping the simulated demo: the connection tested (and a
 * wrong URL said plainly), the estate previewed from {@code up}'s labels, written to a new
 * directory, and the window opened on it with every node coloured by its first cycle — no YAML
 * typed. Its pages are written to {@code target/visual/first-run-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunIT {
    @TempDir Path dir;
    Stage stage;
    WindowSessions sessions;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (sessions != null) {
            robot.interact(() -> sessions.close());
        }
    }

    void type(FxRobot robot, String id, String text) {
        robot.interact(
                () -> {
                    javafx.scene.Node n = robot.lookup("#" + id).query();
                    (n instanceof javafx.scene.control.ComboBox<?> c
                                    ? c.getEditor()
                                    : (TextField) n)
                            .setText(text);
                });
    }

    String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void theWizardFindsTheDemosEstateInPrometheusAndTheFloorIsColoured(FxRobot robot)
            throws Exception {
        try (SimulatedDemo sim = SimulatedDemo.start()) {
            String url = sim.url();
            int nodes = sim.nodes();
            Path target = dir.resolve("rackscope");
            AtomicReference<Path> written = new AtomicReference<>();
            robot.interact(
                    () -> {
                        FirstRunViewModel model =
                                new FirstRunViewModel(
                                        new FirstRunService(),
                                        javafx.application.Platform::runLater,
                                        target,
                                        written::set);
                        Scene scene =
                                new Scene(
                                        new StackPane(new FirstRunView(model, () -> {}).node()),
                                        1440,
                                        900);
                        io.rackscope.desktop.ui.Theme.DARK.applyTo(scene);
                        stage.setScene(scene);
                        stage.setWidth(1440);
                        stage.setHeight(900);
                        stage.show();
                    });
            type(robot, "prometheus-url", "http://127.0.0.1:9");
            robot.clickOn("#first-run-test");
            EditModeUiTest.await(
                    () -> text(robot, "first-run-tested").startsWith("Failed: cannot connect"),
                    () -> "a wrong URL said plainly: " + text(robot, "first-run-tested"));
            type(robot, "prometheus-url", url);
            robot.clickOn("#first-run-test");
            EditModeUiTest.await(
                    () ->
                            text(robot, "first-run-tested")
                                    .equals(
                                            "Prometheus answers: "
                                                    + String.format("%,d", nodes + 1)
                                                    + " series of up"),
                    () -> "the connection tested: " + text(robot, "first-run-tested"));
            type(robot, "discover-site", "rack_id:^([a-z0-9]+)-");
            type(robot, "discover-aisle", "rack_id:-([a-z][0-9]+)-r");
            // the levels are picked from the labels the test found on up's series
            EditModeUiTest.await(
                    () -> text(robot, "first-run-labels").contains("chassis_id ("),
                    () -> "the labels listed: " + text(robot, "first-run-labels"));
            assertTrue(
                    text(robot, "first-run-labels")
                            .startsWith("Labels of up: instance (" + (nodes + 1) + ": "),
                    text(robot, "first-run-labels"));
            robot.interact(
                    () ->
                            robot.lookup("#discover-device")
                                    .queryAs(javafx.scene.control.ComboBox.class)
                                    .setValue("chassis_id"));
            robot.clickOn("#first-run-preview");
            EditModeUiTest.await(
                    () ->
                            robot.lookup("#first-run-shown")
                                    .queryAs(TextArea.class)
                                    .getText()
                                    .startsWith(
                                            String.format("%,d", nodes + 1) + " nodes: 2 site(s)"),
                    () ->
                            "the preview: "
                                    + robot.lookup("#first-run-shown")
                                            .queryAs(TextArea.class)
                                            .getText());
            shot(robot, "first-run-preview");
            for (int[] size : new int[][] {{1920, 1080}, {1440, 900}}) {
                for (io.rackscope.desktop.ui.Theme theme : io.rackscope.desktop.ui.Theme.values()) {
                    robot.interact(
                            () -> {
                                stage.setWidth(size[0]);
                                stage.setHeight(size[1]);
                                theme.applyTo(stage.getScene());
                            });
                    shot(
                            robot,
                            "first-run-"
                                    + theme.name().toLowerCase(java.util.Locale.ROOT)
                                    + "-"
                                    + size[0]);
                }
            }
            robot.interact(() -> io.rackscope.desktop.ui.Theme.DARK.applyTo(stage.getScene()));
            // the third step, below: scrolled to, as a person would
            robot.interact(
                    () ->
                            robot.lookup(".scroll-pane")
                                    .queryAllAs(javafx.scene.control.ScrollPane.class)
                                    .forEach(p -> p.setVvalue(1)));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#first-run-write");
            EditModeUiTest.await(() -> written.get() != null, "written");
            assertTrue(Files.exists(target.resolve("app.yaml")));
            RackscopeConfig found = new ConfigLoader().load(target);
            assertFalse(found.hasErrors(), found.diagnostics().errors().toString());
            assertEquals(nodes, found.topology().instances().size());

            // the window opens on what was written: the floor coloured by the first cycle
            sessions =
                    EditModeUiTest.window(
                            robot,
                            stage,
                            LaunchOptions.of(target, false),
                            found,
                            Place.parse("room:fra1/room1").orElseThrow());
            var snapshot = sessions.current().context().health().current();
            long ok = snapshot.nodes().values().stream().filter(s -> s == Severity.OK).count();
            assertEquals(nodes, ok, "every node OK (all healthy)");
            WaitForAsyncUtils.waitForFxEvents();
            shot(robot, "first-run-floor");
        }
    }

    private void shot(FxRobot robot, String name) throws Exception {
        EstateFromNothingUiTest.shot(stage, name);
    }
}
