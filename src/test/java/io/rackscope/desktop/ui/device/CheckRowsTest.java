package io.rackscope.desktop.ui.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.CheckOutcome;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.telemetry.SnapshotAssembler;
import io.rackscope.desktop.ui.FxThread;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A device's check rows say why they are UNKNOWN, and mark a last known state stale. */
class CheckRowsTest {
    @Test
    void unknownRowsSayWhyAndAFailedQueryIsNotOk() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Map<String, CheckOutcome> outcomes = new HashMap<>();
        cfg.checks()
                .keySet()
                .forEach(c -> outcomes.put(c, new CheckOutcome(c, Map.of(), Set.of())));
        outcomes.put("node_up", new CheckOutcome("node_up", Map.of(), Set.of("cn0165")));
        outcomes.put(
                "node_temperature",
                new CheckOutcome("node_temperature", Map.of(), Set.of("cn0165"), Set.of("cn0165")));
        // last known OK, its query failed this cycle: OK, marked stale
        outcomes.put(
                "chassis_fans",
                new CheckOutcome("chassis_fans", Map.of(), Set.of(), Set.of("fra1-a01r03-c06")));
        outcomes.remove("node_memory_pressure");
        HealthSnapshot s =
                new SnapshotAssembler(cfg)
                        .assemble(
                                1,
                                Instant.now(),
                                Duration.ZERO,
                                outcomes,
                                Map.of(),
                                List.of(),
                                io.rackscope.desktop.health.CycleStats.NONE);
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(s);
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        DeviceViewModel without =
                new DeviceViewModel(
                        cfg,
                        cfg.topology().device("fra1-a01r03-c06").orElseThrow(),
                        ctx.health(),
                        (check, ids, at) -> CompletableFuture.completedFuture(Map.of()),
                        ctx.charts(),
                        ctx.options(),
                        ctx.clock(),
                        io.rackscope.desktop.ui.PlaceHandling.NONE,
                        io.rackscope.desktop.ui.SampleTimes.NONE);
        Map<String, CheckRow> rows = new HashMap<>();
        without.rows("cn0165").get().forEach(r -> rows.put(r.checkId(), r));
        assertEquals(Severity.UNKNOWN, rows.get("node_up").severity());
        assertEquals("no sample", rows.get("node_up").why());
        assertEquals(Severity.UNKNOWN, rows.get("node_temperature").severity(), "never known");
        assertEquals("query failed, nothing known", rows.get("node_temperature").why());
        assertEquals("not evaluated yet", rows.get("node_memory_pressure").why());
        assertEquals(Severity.OK, rows.get("chassis_psu").severity());
        assertEquals("", rows.get("chassis_psu").why());
        assertEquals(Severity.OK, rows.get("chassis_fans").severity(), "its last known state");
        assertEquals(true, rows.get("chassis_fans").stale());

        // since when: asked once for the check and node without a sample, then told
        ViewRenderer.startToolkit();
        List<String> asked = new ArrayList<>();
        Instant now = Instant.now();
        DeviceViewModel vm =
                FxThread.call(
                        () ->
                                new DeviceViewModel(
                                        cfg,
                                        cfg.topology().device("fra1-a01r03-c06").orElseThrow(),
                                        ctx.health(),
                                        (check, ids, at) ->
                                                CompletableFuture.completedFuture(Map.of()),
                                        ctx.charts(),
                                        ctx.options(),
                                        ctx.clock(),
                                        io.rackscope.desktop.ui.PlaceHandling.NONE,
                                        (check, ids, at, within) -> {
                                            asked.add(check.id() + " " + ids + " " + within);
                                            return CompletableFuture.completedFuture(
                                                    Map.of(
                                                            "cn0165",
                                                            now.minus(Duration.ofMinutes(62))));
                                        }));
        // the answer is taken on the FX thread after the call above
        CheckRow up = FxThread.call(() -> rowOf(vm, "node_up"));
        String why = up.why();
        assertEquals(List.of("node_up [cn0165] PT24H"), asked);
        assertEquals(true, why.startsWith("no sample since "), why);
        assertEquals(now.minus(Duration.ofMinutes(62)), up.since(), "the Since column's start");
        feed.publish(s.withVersion(2));
        assertEquals(1, asked.size(), "not asked again while it stays without a sample");
    }

    static CheckRow rowOf(DeviceViewModel vm, String check) {
        return vm.rows("cn0165").get().stream()
                .filter(r -> r.checkId().equals(check))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRackCellsTooltipSaysSinceWhenItsChecksHaveHadNoSample() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(
                new io.rackscope.desktop.ui.Snapshots(cfg)
                        .at(
                                1,
                                Map.of(
                                        "node_temperature", Set.of("cn0165"),
                                        "node_memory_pressure", Set.of("cn0165"))));
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        ViewRenderer.startToolkit();
        Instant last = Instant.now().minus(Duration.ofMinutes(22));
        io.rackscope.desktop.ui.rack.RackElevationViewModel rack =
                FxThread.call(
                        () -> {
                            var vm =
                                    new io.rackscope.desktop.ui.rack.RackElevationViewModel(
                                            cfg,
                                            cfg.topology().rack("fra1-a01-r03").orElseThrow(),
                                            ctx.health(),
                                            ctx.navigation(),
                                            ctx.options(),
                                            ctx.clock(),
                                            io.rackscope.desktop.live.AlertHandling.NONE,
                                            (check, ids, at, within) ->
                                                    CompletableFuture.completedFuture(
                                                            ids.contains("cn0165")
                                                                    ? Map.of("cn0165", last)
                                                                    : Map.of()),
                                            io.rackscope.desktop.ui.EstateEditing.NONE);
                            return vm;
                        });
        var device = cfg.topology().device("fra1-a01r03-c06").orElseThrow();
        String text = FxThread.call(() -> rack.cellText(device, "cn0165"));
        assertEquals(
                true,
                text.contains(
                        "no sample since "
                                + io.rackscope.desktop.ui.Formats.when(
                                        last, Instant.now(), java.time.ZoneOffset.UTC)
                                + ": Node temperature, Memory pressure"),
                text);
    }
}
