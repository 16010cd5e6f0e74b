package io.rackscope.desktop.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The alert panel holds still under the pointer: while a hold lasts, rows keep their places with
 * their newest content, a new incident waits behind "n new incidents", and the order catches up
 * when the last hold ends; a flapping incident sinks below the stable ones of its severity.
 */
class PanelHoldTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));
    final HealthFeed feed = new HealthFeed(null, null, Runnable::run, new AlertTracker());
    final AlertsViewModel m =
            new AlertsViewModel(
                    CFG,
                    new Locator(CFG.topology()),
                    feed,
                    new NavigationModel(),
                    Clock.systemUTC());
    final Snapshots snapshots = new Snapshots(CFG);

    static Snapshots.Problem warm(String node) {
        return Snapshots.problem("node_temperature", node, Severity.WARN, 80);
    }

    static List<Snapshots.Problem> rackDown() {
        List<Snapshots.Problem> out = new ArrayList<>();
        CFG.topology().instances().stream()
                .filter(p -> p.rack().id().equals("fra1-a01-r05"))
                .map(InstancePath::instanceId)
                .forEach(n -> out.add(Snapshots.problem("node_up", n, Severity.CRIT, 0)));
        return out;
    }

    List<String> headlines() {
        return m.rowsProperty().get().stream()
                .map(r -> r instanceof IncidentItem i ? i.incident().key() : r.toString())
                .toList();
    }

    @Test
    void rowsHoldStillWhileHeldAndNewOnesWait() {
        feed.publish(snapshots.at(1, warm("cn0001"), warm("cn0002")));
        List<String> before = headlines();
        assertEquals(2, before.size(), before.toString());
        m.hold("pointer", true);
        List<Snapshots.Problem> more = new ArrayList<>(rackDown());
        more.add(warm("cn0001"));
        more.add(warm("cn0002"));
        feed.publish(snapshots.at(2, more.toArray(Snapshots.Problem[]::new)));
        assertEquals(before, headlines(), "a new CRIT incident does not push the rows down");
        assertEquals(1, m.waitingProperty().get());
        // cn0001 clears: its row stays where it is while held
        List<Snapshots.Problem> cleared = new ArrayList<>(rackDown());
        cleared.add(warm("cn0002"));
        feed.publish(snapshots.at(3, cleared.toArray(Snapshots.Problem[]::new)));
        assertEquals(before, headlines());
        m.hold("menu", true);
        m.hold("pointer", false);
        assertEquals(before, headlines(), "a menu opened from the panel still holds it");
        m.hold("menu", false);
        List<String> after = headlines();
        assertEquals(2, after.size(), after.toString());
        assertTrue(after.get(0).contains("fra1-a01-r05"), "the CRIT rack first now: " + after);
        assertEquals(0, m.waitingProperty().get());
    }

    @Test
    void showWaitingShowsThemAtOnceWhileHeld() {
        feed.publish(snapshots.at(1, warm("cn0001")));
        m.hold("pointer", true);
        feed.publish(snapshots.at(2, warm("cn0001"), warm("cn0002")));
        assertEquals(1, headlines().size());
        m.showWaiting();
        assertEquals(2, headlines().size());
        assertEquals(0, m.waitingProperty().get());
    }

    @Test
    void aFlappingIncidentSinksBelowTheStableOnesOfItsSeverity() {
        feed.publish(snapshots.at(1, warm("cn0002")));
        for (int v = 2; v <= 11; v++) {
            feed.publish(
                    v % 2 == 0
                            ? snapshots.at(v, warm("cn0002"), warm("cn0001"))
                            : snapshots.at(v, warm("cn0002")));
        }
        feed.publish(snapshots.at(12, warm("cn0002"), warm("cn0001")));
        List<IncidentItem> incidents =
                m.rowsProperty().get().stream()
                        .filter(IncidentItem.class::isInstance)
                        .map(IncidentItem.class::cast)
                        .toList();
        assertEquals(2, incidents.size());
        assertTrue(incidents.get(1).incident().flapping(), incidents.toString());
        assertEquals("cn0002", incidents.get(0).incident().members().get(0));
    }
}
