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

    @Test
    void preparedStateIsMadeBeforeTheHandOffAndFoundInTheFrame() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        Deque<Runnable> fxQueue = new ArrayDeque<>();
        HealthFeed feed = new HealthFeed(null, fxQueue::add);
        java.util.List<String> madeOn = new java.util.ArrayList<>();
        java.util.function.Function<HealthSnapshot, Long> version =
                s -> {
                    madeOn.add(Thread.currentThread().getName() + ":" + s.version());
                    return s.version();
                };
        feed.prepare("panel", "version", version);
        feed.prepare("page", "version", version);
        feed.publish(snapshots.at(1));
        assertEquals(
                java.util.List.of(Thread.currentThread().getName() + ":1"),
                madeOn,
                "made once for both askers, by the publishing thread, before the hand-off");
        fxQueue.poll().run();
        assertEquals(1L, (long) feed.<Long>view("version", s -> -1L), "found made in the frame");
        assertEquals(1, madeOn.size());
        assertEquals(
                -2L,
                (long) feed.<Long>view("other", s -> -2L),
                "a key nobody prepared is assembled as before");

        feed.forget("panel");
        feed.prepare("page", "renamed", version);
        feed.publish(snapshots.at(2));
        fxQueue.poll().run();
        assertEquals(2L, (long) feed.<Long>view("renamed", s -> -1L));
        assertEquals(
                -3L,
                (long) feed.<Long>view("version", s -> -3L),
                "an old key of a slot is not kept once nobody asks for it");
        feed.forget("page");
        feed.publish(snapshots.at(3));
        fxQueue.poll().run();
        assertEquals(
                -4L, (long) feed.<Long>view("renamed", s -> -4L), "a forgotten slot is not made");
        assertEquals(2, madeOn.size());
    }

    @Test
    void aPreparationThatFailsLeavesTheFrameToAssemble() {
        Snapshots snapshots = new Snapshots(new ConfigLoader().load(Path.of("config")));
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.prepare(
                "page",
                "broken",
                s -> {
                    throw new IllegalStateException("no");
                });
        feed.publish(snapshots.at(1));
        assertEquals(1, feed.current().version(), "the snapshot is delivered all the same");
        assertEquals("assembled", feed.view("broken", s -> "assembled"));
    }
}
