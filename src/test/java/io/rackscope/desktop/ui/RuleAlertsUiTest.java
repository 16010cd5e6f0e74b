package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.ui.alerts.SiteAlertRow;
import io.rackscope.desktop.ui.shell.MainView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The site's own alerts in the window: a firing rule alert colours its node and is a row of the
 * alert table whose Source says "rule"; the Rules tab lists every one, firing, pending and not
 * placed, with its labels; a double click on a placed one goes there.
 */
@ExtendWith(ApplicationExtension.class)
class RuleAlertsUiTest {
    static RackscopeConfig cfg;
    static Snapshots snapshots;
    HealthFeed feed;
    AppContext ctx;
    Stage stage;

    @BeforeAll
    static void load() throws IOException {
        Path dir = Files.createTempDirectory("rule-alerts-ui");
        try (Stream<Path> walk = Files.walk(Path.of("config"))) {
            for (Path p : walk.toList()) {
                Path to = dir.resolve(Path.of("config").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.writeString(
                dir.resolve("app.yaml"),
                Files.readString(dir.resolve("app.yaml"))
                        + "\nalerts:\n  sources:\n    prometheus_rules: {enabled: true}\n",
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        cfg = new ConfigLoader().load(dir);
        snapshots = new Snapshots(cfg);
    }

    static SiteAlert rule(
            String name,
            Severity s,
            SiteAlert.State state,
            CheckScope scope,
            String entity,
            Map<String, String> labels) {
        return new SiteAlert(
                Alert.Source.RULE,
                name,
                s,
                state,
                labels,
                scope,
                entity,
                Instant.now().minusSeconds(420));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        feed = new HealthFeed(null, Runnable::run);
        ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        feed.publish(
                snapshots.withSiteAlerts(
                        1,
                        List.of(
                                rule(
                                        "NodeHot",
                                        Severity.CRIT,
                                        SiteAlert.State.FIRING,
                                        CheckScope.NODE,
                                        "cn0165",
                                        Map.of(
                                                "alertname",
                                                "NodeHot",
                                                "instance",
                                                "cn0165:9100",
                                                "severity",
                                                "critical")),
                                rule(
                                        "PsuDegraded",
                                        Severity.WARN,
                                        SiteAlert.State.PENDING,
                                        CheckScope.RACK,
                                        "fra1-a01-r05",
                                        Map.of(
                                                "alertname",
                                                "PsuDegraded",
                                                "rack_id",
                                                "fra1-a01-r05",
                                                "severity",
                                                "warning")),
                                rule(
                                        "GhostDisk",
                                        Severity.WARN,
                                        SiteAlert.State.FIRING,
                                        null,
                                        null,
                                        Map.of(
                                                "alertname",
                                                "GhostDisk",
                                                "hostname",
                                                "backup-07",
                                                "disk",
                                                "sdb",
                                                "severity",
                                                "warning")))));
        MainView main = ViewFactory.main(ctx, "", null);
        Scene scene = new Scene(main.node(), 1280, 800);
        ctx.options().style(scene);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void ruleAlertsAreOnTheEstateInTheTableAndInTheRulesTab(FxRobot robot) throws Exception {
        assertEquals(Severity.CRIT, feed.current().nodes().get("cn0165"), "the rule colours it");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<?> table = robot.lookup("#alerts-table").queryAs(TableView.class);
        assertTrue(
                table.getColumns().stream().anyMatch(c -> c.getText().equals("Source")),
                "a Source column");
        assertTrue(
                table.getItems().stream()
                        .map(io.rackscope.desktop.ui.alerts.AlertRow.class::cast)
                        .anyMatch(r -> r.check().equals("NodeHot") && r.source().equals("rule")),
                "NodeHot's row, from a rule");
        Tab rules =
                robot
                        .lookup("#alerts-tabs")
                        .queryAs(javafx.scene.control.TabPane.class)
                        .getTabs()
                        .stream()
                        .filter(t -> "alerts-tab-rules".equals(t.getId()))
                        .findFirst()
                        .orElseThrow();
        assertEquals("Rules (3, 1 not placed)", rules.getText());
        robot.interact(() -> rules.getTabPane().getSelectionModel().select(rules));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<SiteAlertRow> list = robot.lookup("#alerts-rules").queryAs(TableView.class);
        assertEquals(
                List.of("firing", "firing", "pending"),
                list.getItems().stream().map(SiteAlertRow::state).toList());
        SiteAlertRow ghost =
                list.getItems().stream()
                        .filter(r -> r.name().equals("GhostDisk"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(SiteAlertRow.NOT_PLACED, ghost.placed());
        assertTrue(ghost.labels().contains("hostname=\"backup-07\""), ghost.labels());
        for (int[] size : new int[][] {{1280, 800}, {1440, 900}, {1920, 1080}}) {
            for (Theme theme : Theme.values()) {
                robot.interact(
                        () -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            ctx.options().themeProperty().set(theme);
                        });
                io.rackscope.desktop.app.EstateFromNothingUiTest.shot(
                        stage,
                        "rules-tab-"
                                + theme.name().toLowerCase(java.util.Locale.ROOT)
                                + "-"
                                + size[0]);
            }
        }
        int hot =
                list.getItems()
                        .indexOf(
                                list.getItems().stream()
                                        .filter(r -> r.name().equals("NodeHot"))
                                        .findFirst()
                                        .orElseThrow());
        robot.doubleClickOn(
                robot.lookup("#alerts-rules .table-row-cell")
                        .nth(hot)
                        .queryAs(javafx.scene.Node.class));
        assertEquals(
                Place.of(
                                Place.Kind.DEVICE,
                                cfg.topology().instance("cn0165").orElseThrow().device().key())
                        .highlighting("cn0165"),
                ctx.navigation().current());
    }
}
