package io.rackscope.desktop.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.FxThread;
import io.rackscope.desktop.ui.HandClock;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.junit.jupiter.api.Test;

/** The panel's "since" lines count with the desk's clock between cycles, not only per snapshot. */
class PanelClockTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));

    @Test
    void sinceCountsEverySecondBetweenCycles() throws Exception {
        HandClock clock = new HandClock(Instant.now());
        HealthFeed feed = new HealthFeed(null, null, Runnable::run, new AlertTracker());
        AlertsViewModel m = model(clock, feed);
        AlertsView view =
                FxThread.call(
                        () -> {
                            AlertsView v = new AlertsView(m);
                            new Scene((javafx.scene.Parent) v.node(), 320, 600);
                            return v;
                        });
        FxThread.call(
                () -> {
                    warmTwice(feed);
                    view.node().applyCss();
                    ((javafx.scene.Parent) view.node()).layout();
                    return null;
                });
        List<String> before = FxThread.call(() -> sinceLines(view.list()));
        assertTrue(!before.isEmpty(), before.toString());
        clock.now = clock.now.plusSeconds(95);
        FxThread.call(
                () -> {
                    m.tick();
                    ((javafx.scene.Parent) view.node()).layout();
                    return null;
                });
        List<String> after = FxThread.call(() -> sinceLines(view.list()));
        assertTrue(after.stream().anyMatch(t -> t.contains("1 min")), after + " after " + before);
    }

    @Test
    void theTablesSinceColumnCountsEverySecondToo() throws Exception {
        HandClock clock = new HandClock(Instant.now());
        HealthFeed feed = new HealthFeed(null, null, Runnable::run, new AlertTracker());
        AlertsViewModel m = model(clock, feed);
        AlertTable table =
                FxThread.call(
                        () -> {
                            AlertTable t = new AlertTable(m);
                            new Scene((javafx.scene.Parent) t.node(), 1440, 600);
                            warmTwice(feed);
                            t.node().applyCss();
                            ((javafx.scene.Parent) t.node()).layout();
                            return t;
                        });
        List<String> before = FxThread.call(() -> agoCells(table.node()));
        assertTrue(before.contains("0 s ago"), before.toString());
        clock.now = clock.now.plusSeconds(95);
        FxThread.call(
                () -> {
                    m.tick();
                    ((javafx.scene.Parent) table.node()).layout();
                    return null;
                });
        List<String> after = FxThread.call(() -> agoCells(table.node()));
        assertTrue(after.stream().anyMatch(t -> t.contains("1 min")), after + " after " + before);
    }

    /** The page's view model on {@code clock}, the toolkit started. */
    static AlertsViewModel model(HandClock clock, HealthFeed feed) throws Exception {
        io.rackscope.desktop.app.ViewRenderer.startToolkit();
        return new AlertsViewModel(
                CFG, new Locator(CFG.topology()), feed, new NavigationModel(), clock);
    }

    /** cn0001 warm in two cycles: the first seeds what already fails, the second tracks it. */
    static void warmTwice(HealthFeed feed) {
        for (long v = 1; v <= 2; v++) {
            feed.publish(
                    new Snapshots(CFG)
                            .at(
                                    v,
                                    Snapshots.problem(
                                            "node_temperature", "cn0001", Severity.WARN, 80)));
        }
    }

    /** The Since column as each drawn row of the table says it (its spoken text). */
    static List<String> agoCells(Node root) {
        return root.lookupAll(".table-row-cell").stream()
                .map(Node::getAccessibleText)
                .filter(t -> t != null && t.contains(" ago"))
                .map(t -> t.replaceAll(".*Since ([^,]* ago).*", "$1"))
                .toList();
    }

    /** The panel's rows that have a since line, as each reads (its lines, drawn). */
    static List<String> sinceLines(Node root) {
        return root.lookupAll(".list-cell").stream()
                .map(Node::getAccessibleText)
                .filter(t -> t != null && t.contains(", since "))
                .toList();
    }
}
