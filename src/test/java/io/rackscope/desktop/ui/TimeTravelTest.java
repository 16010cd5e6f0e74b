package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.telemetry.PastEstate;
import io.rackscope.desktop.ui.alerts.AlertsViewModel;
import io.rackscope.desktop.ui.shell.StatusViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Looking back through the feed, with a hand-built history and the FX queue run by the test: the
 * views get the past states, live cycles and their new alerts wait, nothing is announced from the
 * past, and "Live" brings back the present with what came meanwhile.
 */
class TimeTravelTest {
    @TempDir static Path dir;
    static RackscopeConfig config;
    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();

    @BeforeAll
    static void load() {
        config = PastEstate.config(dir);
    }

    /** Runs FX work until {@code done}, waiting at most 10 s for each piece. */
    private void runFxUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            Runnable r = fx.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("the FX work did not come within 10 s");
            }
            r.run();
        }
    }

    private void drain() {
        Runnable r;
        while ((r = fx.poll()) != null) {
            r.run();
        }
    }

    @Test
    void thePastIsShownAndNothingFromItIsAnnouncedWhileLiveCyclesWait() throws Exception {
        Snapshots live = new Snapshots(config);
        try (HealthFeed feed =
                new HealthFeed(
                        null, PastEstate.lookBack(config, PastEstate.history(), 10), fx::add)) {
            feed.publish(live.at(1));
            drain();
            feed.publish(live.at(2));
            drain();
            List<List<Incident>> announced = new ArrayList<>();
            AlertsViewModel alerts =
                    new AlertsViewModel(
                            config,
                            new Locator(config.topology()),
                            feed,
                            new NavigationModel(),
                            PastEstate.clock());
            alerts.setOnNewIncidents(announced::add);
            StatusViewModel status = new StatusViewModel(feed, PastEstate.clock(), 120, "");

            Instant inside = PastEstate.ago(2700);
            feed.lookAt(inside.plusSeconds(20));
            assertEquals(inside, feed.chosenProperty().get(), "rounded down to the step");
            assertNull(feed.viewingProperty().get(), "not shown before it is evaluated");
            runFxUntil(() -> feed.viewingProperty().get() != null);
            assertEquals(inside, feed.viewing());
            assertEquals(Severity.CRIT, feed.current().node("n02"));
            assertTrue(status.pastProperty().get());
            assertTrue(
                    status.bannerProperty().get().startsWith("Viewing 2027-01-15"),
                    status.bannerProperty().get());
            assertTrue(status.bannerProperty().get().contains("- not live"));
            assertTrue(
                    alerts.itemsProperty().get().stream()
                            .anyMatch(i -> i.alert().entity().equals("n02") && i.since() == null),
                    "the outage is listed, its start not made up: " + alerts.itemsProperty().get());

            feed.publish(live.at(3, Snapshots.problem("temp", "n04", Severity.CRIT, 99)));
            drain();
            assertEquals(inside, feed.current().takenAt(), "a live cycle waits while looking back");
            assertEquals(List.of(), announced, "nothing announced while looking back");

            feed.live();
            assertNull(feed.viewing());
            assertEquals(3, feed.current().version());
            assertEquals(Severity.CRIT, feed.current().node("n04"));
            assertEquals(1, announced.size(), "the alert that came meanwhile, once, on return");
            assertEquals(List.of("n04"), announced.get(0).get(0).members());
            assertTrue(!status.pastProperty().get());
            alerts.dispose();
            status.dispose();
        }
    }

    @Test
    void whileScrubbingOnlyTheNewestMomentAskedIsShown() throws Exception {
        try (HealthFeed feed =
                new HealthFeed(
                        null, PastEstate.lookBack(config, PastEstate.history(), 100), fx::add)) {
            for (int m = 60; m >= 1; m--) {
                feed.lookAt(PastEstate.ago(m * 60L));
            }
            Instant last = PastEstate.ago(60);
            runFxUntil(() -> last.equals(feed.viewing()) && !feed.lookingUpProperty().get());
            assertEquals(last, feed.current().takenAt());
            assertNotNull(feed.current());
        }
    }
}
