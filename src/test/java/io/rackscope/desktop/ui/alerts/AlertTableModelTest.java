package io.rackscope.desktop.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.ui.HealthFeed;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The full-page table's rows, totals and CSV, from the same incidents as the panel. */
class AlertTableModelTest {
    @Test
    void everyAlertIsARowWithItsPlaceAndIncidentAndTheTotalsCountRacks() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        HealthFeed feed = new HealthFeed(null, null, Runnable::run, new AlertTracker());
        AlertsViewModel m =
                new AlertsViewModel(
                        cfg,
                        new Locator(cfg.topology()),
                        feed,
                        new NavigationModel(),
                        Clock.systemUTC());
        List<Snapshots.Problem> problems = new ArrayList<>();
        cfg.topology().instances().stream()
                .filter(p -> p.rack().id().equals("fra1-a01-r05"))
                .map(InstancePath::instanceId)
                .forEach(n -> problems.add(Snapshots.problem("node_up", n, Severity.CRIT, 0)));
        problems.add(Snapshots.problem("node_temperature", "cn0001", Severity.WARN, 79.5));
        feed.publish(new Snapshots(cfg).at(1, problems.toArray(Snapshots.Problem[]::new)));
        List<AlertRow> rows = m.tableProperty().get();
        assertEquals(problems.size(), rows.size());
        AlertRow warm =
                rows.stream().filter(r -> r.entity().equals("cn0001")).findFirst().orElseThrow();
        assertEquals("fra1/hall-a", warm.room());
        assertEquals("fra1", warm.site());
        assertEquals("Node temperature", warm.check());
        AlertRow down = rows.get(0);
        assertTrue(down.incident().startsWith("Rack "), down.incident());
        assertEquals("Node cn0001", warm.incident(), "a single node is its own incident");
        assertEquals("fra1-a01-r05", down.rack());
        assertEquals(
                (problems.size() - 1) + " CRIT · 1 WARN · 2 racks affected",
                m.totalsProperty().get());
        String csv = m.csv(List.of(warm));
        assertEquals(
                "severity,incident,check,entity,device,rack,room,site,value,since,flapping",
                csv.lines().findFirst().orElseThrow());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("WARN,"), csv);
        assertTrue(csv.contains(",79.5,"), csv);
    }
}
