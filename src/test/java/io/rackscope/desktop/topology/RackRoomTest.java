package io.rackscope.desktop.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class RackRoomTest {
    @Test
    void theLargestFreeRunOfAFaceIsTheBiggestDeviceThatStillGoesThere() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        ToIntFunction<String> heightOf =
                t -> cfg.templates().device(t).map(DeviceTemplate::uHeight).orElse(1);
        Rack r03 = cfg.topology().rack("fra1-a01-r03").orElseThrow();
        // 18 quad chassis of 2 U from U 1, then U 37-40 free, the management switch and the ToR
        assertEquals(
                Optional.of(new RackRoom.Free(37, 40)),
                RackRoom.largestFree(r03, heightOf, Face.FRONT));
        assertEquals(
                Optional.of(new RackRoom.Free(1, r03.uHeight())),
                RackRoom.largestFree(r03, heightOf, Face.REAR),
                "an empty rear: all of it");
        Rack full =
                new Rack(
                        "full",
                        "Full",
                        2,
                        null,
                        java.util.List.of(
                                new Device(
                                        "d",
                                        "d",
                                        "t2",
                                        1,
                                        Face.FRONT,
                                        java.util.List.of(),
                                        java.util.Map.of(),
                                        "full",
                                        null,
                                        0,
                                        "full",
                                        "d")),
                        "s",
                        "r",
                        "a",
                        null,
                        0,
                        "full",
                        Double.NaN);
        assertEquals(Optional.empty(), RackRoom.largestFree(full, t -> 2, Face.FRONT), "full");
    }
}
