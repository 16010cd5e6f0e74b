package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.ViewOptions;
import io.rackscope.desktop.ui.alerts.AlertsViewModel;
import io.rackscope.desktop.ui.room.RoomFloorViewModel;
import io.rackscope.desktop.ui.shell.StatusViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The four cache layers in normal use: ten minutes of the window open on a room, the status bar
 * ticking every second, a rack hovered now and then, the alert panel showing, one cycle a minute.
 * The reads go through assembled state, then the snapshot, then the raw answers; nearly all are
 * hits, and a hit sends nothing to Prometheus.
 */
class CacheLayersTest {
    static final class StepClock extends Clock {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void normalUseIsServedFromTheCachesAbove95Percent() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        HandBuiltPrometheus prometheus = new HandBuiltPrometheus();
        cfg.topology()
                .instances()
                .forEach(p -> prometheus.series("up", Map.of("instance", p.instanceId()), t -> 1));
        StepClock clock = new StepClock();
        try (TelemetryPlanner planner =
                new TelemetryPlanner(cfg, prometheus, EvaluationMode.FILTERED, clock)) {
            HealthFeed feed = new HealthFeed(planner, Runnable::run);
            NavigationModel nav = new NavigationModel();
            Room room = cfg.topology().rooms().iterator().next();
            RoomFloorViewModel floor =
                    new RoomFloorViewModel(cfg, room, feed, nav, new ViewOptions(), null, clock);
            StatusViewModel status = new StatusViewModel(feed, clock, 120, "");
            AlertsViewModel alerts =
                    new AlertsViewModel(cfg, new Locator(cfg.topology()), feed, nav, clock);
            var rack = room.racks().findFirst().orElseThrow();
            for (int second = 0; second < 600; second++) {
                if (second % 60 == 0) {
                    feed.publish(planner.refresh());
                }
                status.tick();
                if (second % 10 == 0) {
                    floor.tooltip(rack);
                }
                clock.now = clock.now.plusSeconds(1);
            }
            feed.publish(planner.refresh());
            long asked = prometheus.asked.size();
            for (int i = 0; i < 20; i++) {
                floor.tooltip(rack);
                status.tick();
            }
            assertEquals(asked, prometheus.asked.size(), "hits send no query");
            CycleStats stats = planner.stats();
            assertTrue(stats.hitRatio() > 0.95, "hit ratio " + stats.hitRatio() + " " + stats);
            alerts.dispose();
            floor.dispose();
            status.dispose();
        }
    }

    @Test
    void assembledStateIsReusedForItsSnapshotAndDroppedWhenNobodyReadsIt() {
        StepClock clock = new StepClock();
        QueryStats stats = new QueryStats();
        StateCache cache = new StateCache(Duration.ofSeconds(5), stats, clock);
        int[] assembled = {0};
        for (int i = 0; i < 10; i++) {
            cache.get("room", 1, () -> ++assembled[0]);
            clock.now = clock.now.plusSeconds(1);
        }
        assertEquals(1, assembled[0], "read every second: assembled once");
        assertEquals(9, stats.cacheHits());
        cache.get("room", 2, () -> ++assembled[0]);
        assertEquals(2, assembled[0], "a new snapshot is assembled anew");
        clock.now = clock.now.plusSeconds(6);
        cache.get("room", 2, () -> ++assembled[0]);
        assertEquals(3, assembled[0], "unread for longer than the TTL: dropped");
    }
}
