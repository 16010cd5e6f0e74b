package io.rackscope.desktop.ui.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.telemetry.PastEstate;
import io.rackscope.desktop.ui.CheckPreview;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Snapshots;
import io.rackscope.desktop.ui.ViewOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tried check painted over the floor in place of health, and health back when cleared. */
class FloorPreviewTest {
    @TempDir Path dir;

    @Test
    void racksWearTheTriedStatesUntilThePreviewIsCleared() {
        RackscopeConfig cfg = PastEstate.config(dir);
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(new Snapshots(cfg).at(1));
        ViewOptions options = new ViewOptions();
        RoomFloorViewModel floor =
                new RoomFloorViewModel(
                        cfg,
                        cfg.topology().rooms().iterator().next(),
                        feed,
                        new NavigationModel(),
                        options,
                        null,
                        PastEstate.clock());
        assertEquals(Severity.OK, floor.rack("rk").get().severity());
        options.previewProperty()
                .set(
                        new CheckPreview(
                                "trial",
                                "Trial",
                                CheckScope.NODE,
                                Map.of(
                                        "n01",
                                        Severity.OK,
                                        "n02",
                                        Severity.CRIT,
                                        "n03",
                                        Severity.WARN),
                                Instant.EPOCH));
        assertEquals(Severity.CRIT, floor.rack("rk").get().severity());
        assertEquals("1", floor.rack("rk").get().label(), "one CRIT target");
        options.previewProperty()
                .set(new CheckPreview("none", "None", CheckScope.NODE, Map.of(), Instant.EPOCH));
        assertEquals("–", floor.rack("rk").get().label(), "not covered by the tried check");
        floor.clearPreview();
        assertEquals(Severity.OK, floor.rack("rk").get().severity());
        assertEquals(Severity.OK, feed.current().rack("rk"), "the live states were never touched");
        floor.dispose();
    }
}
