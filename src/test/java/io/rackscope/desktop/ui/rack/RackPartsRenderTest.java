package io.rackscope.desktop.ui.rack;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Snapshots;
import io.rackscope.desktop.ui.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rack parts where the original puts them: components placed by their template when the rack's
 * reference says nothing, side rails at their U position and height, the rack template's own
 * front/rear component lists, a storage array's disks and a device's rear layout.
 */
class RackPartsRenderTest {
    static final String RACK = "fra1-a01-r01";
    static final String JBOD = "test-jbod-1";
    @TempDir static Path tmp;
    static RackscopeConfig cfg;

    @BeforeAll
    static void config() {
        Path config = ConfigFixture.copyOfBundled(tmp.resolve("config"));
        ConfigFixture.write(
                config.resolve("templates/test-parts.yaml"),
                """
                rack_component_templates:
                  - {id: t-front-panel, name: Front patch panel, type: network, location: front, u_height: 1}
                  - {id: t-half-pdu, name: Half PDU, type: pdu, location: side, side: right, u_height: 20}
                rack_templates:
                  - id: t-rack
                    name: Test rack
                    u_height: 42
                    infrastructure:
                      rack_components:
                        - {id: panel, template_id: t-front-panel, u_position: 40}
                        - {id: half, template_id: t-half-pdu, u_position: 11}
                      rear_components:
                        - {id: door-fan, name: Door fan, type: cooling, u_position: 30, u_height: 2}
                templates:
                  - id: t-jbod
                    name: Test JBOD
                    type: storage
                    u_height: 4
                    layout: {type: grid, rows: 1, cols: 1, matrix: [[1]]}
                    disk_layout: {rows: 2, cols: 12}
                    rear_layout: {rows: 1, cols: 2, matrix: [[2, 1]]}
                    rear_components: [{id: psu1, name: PSU 1, type: psu}, {id: fan1, name: Fan, type: fan}]
                    checks: [disk_ok]
                    display_thresholds: {disk_ok: {warn: 1, crit: 3}}
                """);
        ConfigFixture.write(
                config.resolve("checks/library/disks.yaml"),
                """
                checks:
                  - id: disk_ok
                    scope: node
                    expr: disk_ok{instance=~"$instances"}
                    expand_by_label: slot
                    rules: [{op: "==", value: 0, severity: CRIT}]
                """);
        ConfigFixture.write(
                ConfigFixture.rackFile(config, "fra1", "hall-a", "a01", RACK),
                """
                id: %s
                name: Parts test rack
                template_id: t-rack
                devices:
                  - {id: %s, name: jbod-test, template_id: t-jbod, u_position: 33, instance: jbodtest01}
                """
                        .formatted(RACK, JBOD));
        cfg = new ConfigLoader(Map.of()).load(config);
        assertTrue(cfg.diagnostics().errors().isEmpty(), cfg.diagnostics().errors().toString());
    }

    /** Disk 5 of the JBOD failing, every other check OK. */
    static HealthSnapshot diskFiveFailing() {
        return new Snapshots(cfg)
                .at(
                        1,
                        problem(
                                "disk_ok",
                                "jbodtest01",
                                Severity.CRIT,
                                0,
                                Map.of("5", Severity.CRIT, "6", Severity.OK)));
    }

    private <T> T rendered(boolean rear, Function<Scene, T> look, Path png) throws Exception {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(diskFiveFailing());
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        Scene scene =
                ViewRenderer.render(
                        ctx,
                        rear
                                ? new Place(Place.Kind.RACK, RACK, "rear")
                                : Place.of(Place.Kind.RACK, RACK),
                        Theme.DARK,
                        1440,
                        900,
                        png,
                        new QueryStats());
        CompletableFuture<T> out = new CompletableFuture<>();
        Platform.runLater(() -> out.complete(look.apply(scene)));
        return out.get();
    }

    private static Bounds bounds(Scene s, String id) {
        Node n = s.lookup("#" + id);
        return n == null ? null : n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void aFrontComponentIsOnTheFrontFaceAndARailPduAtItsOwnHeight() throws Exception {
        Bounds[] b =
                rendered(
                        false,
                        s ->
                                new Bounds[] {
                                    bounds(s, "component-panel"),
                                    bounds(s, "component-door-fan"),
                                    bounds(s, "rail-half"),
                                    bounds(s, "device-" + JBOD),
                                    // its own height, before the view scales the rack to the window
                                    s.lookup("#rail-half") == null
                                            ? null
                                            : s.lookup("#rail-half").getBoundsInLocal()
                                },
                        tmp.resolve("front.png"));
        assertNotNull(b[0], "the panel's template says front; the reference gives no location");
        assertNull(b[1], "a rear component is not on the front");
        assertNotNull(b[2], "the half-height PDU on the right rail");
        double u = RackElevationView.U;
        assertEquals(20 * u - 2, b[4].getHeight(), 1, "20 U high, not the rack's 42");
        assertTrue(b[0].getMinY() < b[3].getMinY(), "U40 is above the JBOD at U33-36");
    }

    @Test
    void theRearFaceHasTheRearListAndTheDevicesRearLayout() throws Exception {
        Bounds[] b =
                rendered(
                        true,
                        s ->
                                new Bounds[] {
                                    bounds(s, "component-door-fan"),
                                    bounds(s, "rear-" + JBOD + "-psu1"),
                                    bounds(s, "rear-" + JBOD + "-fan1"),
                                    bounds(s, "component-panel")
                                },
                        tmp.resolve("rear.png"));
        assertNotNull(b[0], "rear_components of the rack template are on the rear");
        assertNull(b[3], "the front panel is not on the rear");
        assertTrue(
                b[2].getMinX() < b[1].getMinX(), "rear_layout [[2, 1]]: the fan left of the PSU");
    }

    @Test
    void aDiskArrayShowsEachDiskInItsOwnState() throws Exception {
        Path png = tmp.resolve("disks.png");
        Bounds[] disks =
                rendered(
                        false,
                        s -> {
                            Bounds[] all = new Bounds[25];
                            for (int i = 1; i <= 24; i++) {
                                all[i] = bounds(s, "disk-" + JBOD + "-" + i);
                            }
                            all[0] = bounds(s, "disk-" + JBOD + "-25");
                            return all;
                        },
                        png);
        assertNull(disks[0], "24 bays, no more");
        for (int i = 1; i <= 24; i++) {
            assertNotNull(disks[i], "disk " + i);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(0xef4444, colourIn(img, disks[5]), "disk 5 is CRIT");
        assertTrue(
                (img.getRGB((int) disks[5].getCenterX(), (int) disks[5].getCenterY()) & 0xffffff)
                        != 0xef4444,
                "and has its shape in the middle: colour is not the only cue");
        assertEquals(0x10b981, colourIn(img, disks[6]), "disk 6 is OK");
        assertEquals(0x10b981, colourIn(img, disks[17]), "a disk its check did not name is OK");
    }

    /** The fill near a cell's top-left corner, clear of its state's mark in the middle. */
    private static int colourIn(BufferedImage img, Bounds b) {
        return img.getRGB((int) b.getMinX() + 2, (int) b.getMinY() + 2) & 0xffffff;
    }

    @Test
    void rackTooltipsShowTheTemplatesDisplayThresholds() {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(diskFiveFailing());
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        Rack rack = cfg.topology().rack(RACK).orElseThrow();
        RackElevationViewModel vm =
                new RackElevationViewModel(
                        cfg,
                        rack,
                        ctx.health(),
                        ctx.navigation(),
                        ctx.options(),
                        ctx.clock(),
                        ctx.handling(),
                        ctx.sampleTimes(),
                        io.rackscope.desktop.ui.EstateEditing.NONE);
        String tip = vm.cellText(cfg.topology().device(JBOD).orElseThrow(), "jbodtest01");
        assertTrue(tip.contains("CRIT") && tip.contains("(warn 1, crit 3)"), tip);
    }

    @Test
    void anUnknownCellSaysWhichChecksHadNoSample() {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(
                new Snapshots(cfg)
                        .at(1, Map.of("disk_ok", Set.of("jbodtest01"), "node_up", Set.of())));
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        RackElevationViewModel vm =
                new RackElevationViewModel(
                        cfg,
                        cfg.topology().rack(RACK).orElseThrow(),
                        ctx.health(),
                        ctx.navigation(),
                        ctx.options(),
                        ctx.clock(),
                        ctx.handling(),
                        ctx.sampleTimes(),
                        io.rackscope.desktop.ui.EstateEditing.NONE);
        String tip = vm.cellText(cfg.topology().device(JBOD).orElseThrow(), "jbodtest01");
        assertTrue(tip.contains("no sample: disk_ok"), tip);
    }
}
