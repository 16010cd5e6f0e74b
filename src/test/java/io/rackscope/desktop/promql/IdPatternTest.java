package io.rackscope.desktop.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IdPatternTest {
    /** The pattern as Prometheus sees it: the PromQL string unescaped, anchored. */
    static Pattern compiled(List<String> ids) {
        String regex = IdPattern.of(ids).replace("\\\\", "\\");
        return Pattern.compile("^(?:" + regex + ")$");
    }

    @Test
    void consecutiveNumberedIdsBecomeOneExactRange() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            ids.add(String.format("compute%04d", i));
        }
        List<IdPattern.Part> parts = IdPattern.parts(ids);
        assertEquals(1, parts.size());
        assertEquals(1200, parts.get(0).ids().size());
        assertTrue(IdPattern.of(ids).length() < 80, IdPattern.of(ids));
        Pattern p = compiled(ids);
        for (int i = 0; i <= 9999; i++) {
            String candidate = String.format("compute%04d", i);
            assertEquals(i >= 1 && i <= 1200, p.matcher(candidate).matches(), candidate);
        }
        assertTrue(!p.matcher("compute01200").matches() && !p.matcher("compute120").matches());
    }

    @Test
    void randomIdSetsAreMatchedExactly() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Set<String> ids = new TreeSet<>();
            int width = 1 + random.nextInt(5);
            int max = (int) Math.pow(10, width);
            for (int i = 0; i < 1 + random.nextInt(60); i++) {
                ids.add("n-" + String.format("%0" + width + "d", random.nextInt(max)));
            }
            ids.add("10.0.0.1:9100");
            ids.add("a+b");
            Pattern p = compiled(new ArrayList<>(ids));
            for (int i = 0; i < max; i++) {
                String candidate = "n-" + String.format("%0" + width + "d", i);
                assertEquals(ids.contains(candidate), p.matcher(candidate).matches(), candidate);
            }
            assertTrue(p.matcher("10.0.0.1:9100").matches() && p.matcher("a+b").matches());
            assertTrue(!p.matcher("10x0.0.1:9100").matches() && !p.matcher("aab").matches());
        }
    }
}
