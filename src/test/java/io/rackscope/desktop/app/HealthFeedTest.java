package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class HealthFeedTest {
    @Test
    void aBurstOfSnapshotsCostsTheUiOneHandOffCarryingTheLatest() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        HealthFeed feed = new HealthFeed(null, fxQueue::add);
        feed.publish(snapshots.at(1));
        feed.publish(snapshots.at(2));
        feed.publish(snapshots.at(3));
        assertEquals(1, fxQueue.size(), "at most one hand-off pending");
        fxQueue.poll().run();
        assertEquals(3, feed.current().version(), "latest wins");
        feed.publish(snapshots.at(4));
        assertEquals(1, fxQueue.size());
        fxQueue.poll().run();
        assertEquals(4, feed.current().version());
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(snapshots.at(5));
        feed.publish(snapshots.at(4));
        assertEquals(5, feed.current().version());
    }

    @Test
    void aSeedShowsTheLastKnownStatesUntilTheFirstCycleAndAnnouncesNothing() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        HealthSnapshot last =
                snapshots.at(57, Snapshots.problem("node_up", "cn0165", Severity.CRIT, 0));
        HealthSnapshot announcing = last.withTracking(last.alerts(), last.alerts());
        feed.seed(announcing);
        assertEquals(57, feed.current().version(), "the last known states are shown");
        assertEquals(Severity.CRIT, feed.current().node("cn0165"));
        assertTrue(feed.current().fresh().isEmpty(), "nothing announced again");
        feed.publish(snapshots.at(1));
        assertEquals(1, feed.current().version(), "the first cycle replaces it, version 1 or not");
        feed.seed(last);
        assertEquals(1, feed.current().version(), "no seed once a cycle is shown");
    }
}
