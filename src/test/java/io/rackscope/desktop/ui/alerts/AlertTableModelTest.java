package io.rackscope.desktop.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.slurm.SlurmNode;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The full-page table's rows, totals and CSV, from the same incidents as the panel. */
class AlertTableModelTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));
    final HealthFeed feed = new HealthFeed(null, null, Runnable::run, new AlertTracker());
    final AlertsViewModel m =
            new AlertsViewModel(
                    CFG,
                    new Locator(CFG.topology()),
                    feed,
                    new NavigationModel(),
                    Clock.systemUTC());

    @Test
    void everyAlertIsARowWithItsPlaceAndIncidentAndTheTotalsCountRacks() {
        RackscopeConfig cfg = CFG;
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
        assertEquals("check", warm.source());
        AlertRow down = rows.get(0);
        assertTrue(down.incident().startsWith("Rack "), down.incident());
        assertEquals("Node cn0001", warm.incident(), "a single node is its own incident");
        assertEquals("fra1-a01-r05", down.rack());
        assertEquals(
                (problems.size() - 1) + " CRIT · 1 WARN · 2 racks affected",
                m.totalsProperty().get());
        String csv = m.csv(List.of(warm));
        assertEquals(
                "severity,incident,check,entity,device,rack,room,site,value,since,flapping,handled,by,note,source,forecast,since_said",
                csv.lines().findFirst().orElseThrow());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("WARN,"), csv);
        assertTrue(csv.contains(",79.5,"), csv);
    }

    /** A down rack in Frankfurt, a warm node in Frankfurt, a warm node in Amsterdam. */
    void publishThreePlaces() {
        List<Snapshots.Problem> problems = new ArrayList<>();
        CFG.topology().instances().stream()
                .filter(p -> p.rack().id().equals("fra1-a01-r05"))
                .map(InstancePath::instanceId)
                .forEach(n -> problems.add(Snapshots.problem("node_up", n, Severity.CRIT, 0)));
        problems.add(Snapshots.problem("node_temperature", "cn0001", Severity.WARN, 79.5));
        String amsterdam =
                CFG.topology().instances().stream()
                        .filter(p -> p.rack().siteId().equals("ams1"))
                        .map(InstancePath::instanceId)
                        .findFirst()
                        .orElseThrow();
        problems.add(Snapshots.problem("node_temperature", amsterdam, Severity.WARN, 80));
        feed.publish(new Snapshots(CFG).at(1, problems.toArray(Snapshots.Problem[]::new)));
    }

    @Test
    void chipsOnOneColumnWidenAndOnTwoColumnsNarrowAndTheMenuOffersWhatIsLeft() {
        publishThreePlaces();
        int all = m.tableProperty().get().size();
        m.addFilter(AlertColumn.CHECK, "Node temperature");
        assertEquals(2, m.tableProperty().get().size());
        assertEquals("0 CRIT · 2 WARN · 2 racks affected", m.totalsProperty().get());
        m.addFilter(AlertColumn.SITE, "fra1");
        assertEquals(List.of("cn0001"), entities());
        // the site menu still offers both sites: it counts rows the other chips let through
        assertEquals(
                List.of("ams1", "fra1"),
                m.choices(AlertColumn.SITE).stream().map(e -> e.getKey()).sorted().toList());
        m.addFilter(AlertColumn.SITE, "ams1");
        assertEquals(2, m.tableProperty().get().size(), "two chips on one column: either");
        m.addFilter(AlertColumn.SITE, "ams1");
        assertEquals(3, m.columnFiltersProperty().get().size(), "the same chip is not added twice");
        m.removeFilter(new ColumnFilter(AlertColumn.CHECK, "Node temperature"));
        assertEquals(all, m.tableProperty().get().size());
        assertEquals(all - 2, m.choices(AlertColumn.CHECK).get(0).getValue(), "most rows first");
        m.clearFilters();
        assertEquals(all, m.tableProperty().get().size());
        assertEquals("Site: fra1", new ColumnFilter(AlertColumn.SITE, "fra1").text());
    }

    @Test
    void aScopeKeepsOnlyItsSiteOrRoomInTheTableThePanelAndTheCounts() {
        publishThreePlaces();
        m.scopeProperty().set("ams1");
        assertEquals(1, m.tableProperty().get().size());
        assertEquals("ams1", m.tableProperty().get().get(0).site());
        assertEquals("1 incident · 1 node", m.summaryProperty().get());
        m.scopeProperty().set("fra1/hall-a");
        assertTrue(m.tableProperty().get().stream().allMatch(r -> r.room().equals("fra1/hall-a")));
        assertEquals(2, m.rowsProperty().get().size(), "the rack incident and the warm node");
        assertEquals("All sites", m.scopeLabel(""));
        assertTrue(m.scopes().containsAll(List.of("", "fra1", "fra1/hall-a", "ams1")));
        assertTrue(m.scopeLabel("fra1/hall-a").contains(" / "), m.scopeLabel("fra1/hall-a"));
    }

    @Test
    void slurmNodeProblemsAreAlertsOfTheirOwnWorstFirstAndScoped() {
        String down = "cn0001";
        String drained = "cn0002";
        Map<String, SlurmNode> nodes = new LinkedHashMap<>();
        nodes.put(
                down, new SlurmNode("n1", down, "down*", "down", SlurmState.CRIT, Set.of("batch")));
        nodes.put(
                drained,
                new SlurmNode(
                        "n2",
                        drained,
                        "drain",
                        "drained",
                        SlurmState.WARN,
                        Set.of("gpu", "batch")));
        nodes.put("cn0003", new SlurmNode("n3", "cn0003", "idle", "idle", SlurmState.OK, Set.of()));
        feed.publish(
                Snapshots.withSlurm(
                        new Snapshots(CFG).at(1),
                        new SlurmSnapshot(true, nodes, Map.of(), List.of(), null)));
        List<SlurmAlert> slurm = m.slurmProperty().get();
        assertEquals(List.of("n1", "n2"), slurm.stream().map(SlurmAlert::node).toList());
        assertEquals("batch, gpu", slurm.get(1).partitions());
        assertEquals("fra1", slurm.get(0).site());
        m.minimumProperty().set(Severity.CRIT);
        assertEquals(1, m.slurmProperty().get().size());
        m.scopeProperty().set("ams1");
        assertEquals(List.of(), m.slurmProperty().get());
    }

    private List<String> entities() {
        return m.tableProperty().get().stream().map(AlertRow::entity).toList();
    }

    @Test
    void aMemberAlertAcknowledgedAloneIsTaggedOnItsRowAndTheHandledChipSeparatesThem(
            @org.junit.jupiter.api.io.TempDir Path dir) {
        io.rackscope.desktop.handling.HandlingService service =
                new io.rackscope.desktop.handling.HandlingService(
                        new io.rackscope.desktop.handling.FileStore(dir),
                        new io.rackscope.desktop.handling.AlertLabels(CFG.topology(), "instance"),
                        Clock.systemUTC());
        publishThreePlaces();
        var raw = feed.current();
        AlertsViewModel m =
                new AlertsViewModel(
                        CFG,
                        new Locator(CFG.topology()),
                        feed,
                        new NavigationModel(),
                        Clock.systemUTC(),
                        new io.rackscope.desktop.ui.DirectHandling(service, feed, () -> raw),
                        new javafx.beans.property.SimpleStringProperty("dave"));
        AlertItem member =
                m.tableProperty().get().stream()
                        .filter(r -> r.incident().startsWith("Rack "))
                        .findFirst()
                        .orElseThrow()
                        .item();
        m.acknowledge(member, "this one is known", null);
        AlertRow row =
                m.tableProperty().get().stream()
                        .filter(r -> r.entity().equals(member.alert().entity()))
                        .findFirst()
                        .orElseThrow();
        assertEquals("ack dave", row.handled());
        m.addFilter(AlertColumn.HANDLED, "new");
        assertEquals(raw.alerts().size() - 1, m.tableProperty().get().size());
        assertTrue(
                m.csv(List.of(row))
                        .lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .contains(",ack dave,dave,this one is known,check,,since "),
                "who and why are in the export");
    }

    @Test
    void anEmptyListNeverSaysAllIsWellBeforeAnythingIsKnown() {
        assertEquals("No data yet.", m.emptyProperty().get());
        feed.publish(new Snapshots(CFG).at(1));
        assertEquals("No active WARN or CRIT alerts.", m.emptyProperty().get());
    }

    @Test
    void theHeadlineSaysNothingWhenNothingCanBeTold() {
        feed.publish(
                new Snapshots(CFG)
                        .failing(
                                1,
                                new io.rackscope.desktop.health.CycleError(
                                        io.rackscope.desktop.health.CycleError.Kind.UNREACHABLE,
                                        "node_up",
                                        0,
                                        "http://127.0.0.1:9",
                                        "connection refused")));
        assertTrue(m.emptyProperty().get().startsWith("Nothing is known"), m.emptyProperty().get());
        assertEquals("nothing can be told", m.summaryProperty().get(), "never 'no new incidents'");
    }

    @Test
    void filtersThatHideNothingAreNotBlamed() {
        feed.publish(new Snapshots(CFG).at(1));
        m.filterTextProperty().set("no-such-thing");
        assertEquals("no new incidents", m.summaryProperty().get(), "nothing is active at all");
        assertEquals("No active WARN or CRIT alerts.", m.emptyProperty().get());
    }

    @Test
    void anEmptyTableSaysWhenTheFiltersHideTheAlerts() {
        feed.publish(
                new Snapshots(CFG)
                        .at(
                                1,
                                Snapshots.problem("node_up", "cn0001", Severity.CRIT, 0),
                                Snapshots.problem(
                                        "node_temperature", "cn0002", Severity.WARN, 79.5)));
        int active = m.tableProperty().get().size();
        assertEquals(2, active);
        m.filterTextProperty().set("no-such-thing");
        assertTrue(m.tableProperty().get().isEmpty());
        assertEquals(
                "No alert passes the search and filters; 2 alerts are active.",
                m.emptyProperty().get());
        assertEquals("no new incident passes the filters", m.summaryProperty().get());
        m.filterTextProperty().set("node  CN0001");
        assertEquals(
                List.of("cn0001"),
                m.tableProperty().get().stream().map(AlertRow::entity).toList(),
                "every word, anywhere: the check's name and the node");
        m.filterTextProperty().set("");
        m.addFilter(AlertColumn.HANDLED, "no-such-handling");
        assertTrue(m.emptyProperty().get().startsWith("No alert passes"), "a chip too");
    }
}
