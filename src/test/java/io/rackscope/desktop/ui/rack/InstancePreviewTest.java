package io.rackscope.desktop.ui.rack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.SampleTimes;
import io.rackscope.desktop.ui.ViewOptions;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** What a new device's instance text makes, said in the add-device form before it is added. */
class InstancePreviewTest {
    @Test
    void aPatternIsShownAsTheNodesItMakesAndComparedWithTheTemplatesSlots() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        RackElevationViewModel vm =
                new RackElevationViewModel(
                        cfg,
                        cfg.topology().rack("fra1-a02-r02").orElseThrow(),
                        new HealthFeed(null, Runnable::run),
                        new NavigationModel(),
                        new ViewOptions(),
                        Clock.systemUTC(),
                        io.rackscope.desktop.live.AlertHandling.NONE,
                        SampleTimes.NONE,
                        EstateEditing.NONE);
        assertEquals("2 nodes: cn9001, cn9002", vm.instancePreview("cn[9001-9002]", "nw-2u-twin"));
        assertEquals(
                "8 nodes: cn001, cn002, cn003 … cn008 (the template has 2 slots)",
                vm.instancePreview("cn[001-008]", "nw-2u-twin"));
        assertEquals(
                "the range cn[9-1] ends before it starts", vm.instancePreview("cn[9-1]", null));
        assertEquals("no node: the device is one chassis", vm.instancePreview(" ", null));
    }
}
