package io.rackscope.desktop.ui.rack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.DeviceTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RackSpaceTest {
    @Test
    void aRackSaysHowFullEachFaceIsAndTheBiggestDeviceThatStillGoes() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        RackSpace space =
                new RackSpace(
                        cfg.topology().rack("fra1-a01-r03").orElseThrow(),
                        t -> cfg.templates().device(t).map(DeviceTemplate::uHeight).orElse(1));
        assertEquals("front 38 of 42 U used, rear 0", space.density());
        assertEquals(
                "Largest free run: front 4 U (U 37-40), rear 42 U (U 1-42)", space.largestFree());
    }
}
