package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.telemetry.EvaluationMode;
import io.rackscope.desktop.telemetry.MetricsService;
import io.rackscope.desktop.telemetry.TelemetryPlanner;
import io.rackscope.desktop.ui.device.DeviceView;
import io.rackscope.desktop.ui.rack.RackElevationView;
import io.rackscope.desktop.ui.room.RoomFloorView;
import io.rackscope.desktop.ui.shell.MainView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Prometheus that accepts queries and never answers: the window keeps navigating and searching
 * meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class StalledPrometheusUiTest {
    MockWebServer server;
    PrometheusClient client;
    HealthFeed feed;
    AppContext ctx;
    MainView main;

    @Start
    void start(Stage stage) throws Exception {
        server = new MockWebServer();
        server.setDispatcher(
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return new MockResponse.Builder()
                                .headersDelay(60, TimeUnit.SECONDS)
                                .body("{}")
                                .build();
                    }
                });
        server.start();
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        client =
                new PrometheusClient(
                        cfg.app().telemetry().endpoint(server.url("/").toString()),
                        new QueryStats());
        TelemetryPlanner planner =
                new TelemetryPlanner(cfg, client, EvaluationMode.FILTERED, Clock.systemUTC());
        feed = new HealthFeed(planner, Platform::runLater);
        ctx =
                new AppContext(
                        cfg,
                        feed,
                        new MetricsService(client, cfg.app())::range,
                        planner::valuesAt,
                        Clock.systemUTC());
        main = ViewFactory.main(ctx, "", null);
        Scene scene = new Scene(main.node(), 1260, 780);
        Theme.DARK.applyTo(scene);
        main.install(scene);
        stage.setScene(scene);
        stage.show();
        feed.start(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        feed.close();
        client.close();
        server.close();
    }

    @Test
    void navigationAndSearchWorkWhileEveryQueryHangs(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> client.stats().inFlight() > 0);
        robot.interact(() -> ctx.navigation().go(Place.of(Place.Kind.ROOM, "fra1/hall-a")));
        assertInstanceOf(RoomFloorView.class, main.currentView());
        robot.doubleClickOn(((RoomFloorView) main.currentView()).screenCentreOf("fra1-a01-r03"));
        assertInstanceOf(RackElevationView.class, main.currentView());
        robot.clickOn("#search").write("cn0001").type(KeyCode.ENTER);
        assertInstanceOf(DeviceView.class, main.currentView());
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        assertInstanceOf(RackElevationView.class, main.currentView());
        assertTrue(
                client.stats().inFlight() > 0,
                "the queries were still hanging while the user navigated");
        assertEquals(0, feed.current().version(), "no snapshot has arrived yet");
    }
}
