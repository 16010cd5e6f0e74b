package io.rackscope.desktop.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rackscope.desktop.checks.Severity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenMapTest {
    @Test
    void aCopyHoldsWhatTheMapHeldAndCannotBeChangedNorChangesWithIt() {
        Map<String, Severity> source = new HashMap<>();
        for (int i = 0; i < 501; i++) {
            source.put(String.format("r%03d", i), i % 7 == 0 ? Severity.CRIT : Severity.OK);
        }
        Map<String, Severity> frozen = FrozenMap.of(source);
        assertEquals(source, frozen);
        assertEquals(Map.copyOf(source), frozen, "equal to Map.copyOf's, as records compare them");
        source.put("r999", Severity.WARN);
        assertEquals(501, frozen.size(), "a copy, not a view");
        assertThrows(UnsupportedOperationException.class, () -> frozen.put("x", Severity.OK));
        assertEquals(Map.of(), FrozenMap.of(Map.of()));
    }
}
