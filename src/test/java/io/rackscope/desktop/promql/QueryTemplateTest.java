package io.rackscope.desktop.promql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryTemplateTest {
    @Test
    void batchedIdsInARegexMatcherBecomeAnEscapedAlternation() {
        QueryTemplate t = QueryTemplate.of("up{instance=~\"$instances\"}");
        assertEquals(
                "up{instance=~\"10\\\\.0\\\\.0\\\\.1:9100|a\\\\+b\"}",
                t.fill(Map.of(Placeholder.INSTANCE, List.of("10.0.0.1:9100", "a+b"))));
    }

    @Test
    void aSingleEntityInAnEqualityMatcherIsPlainQuotedText() {
        QueryTemplate t = QueryTemplate.of("temp{instance=\"{instance}\", rack=\"$rack_id\"}");
        assertEquals(
                "temp{instance=\"a.b\\\"c\", rack=\"r.1\"}",
                t.fill(
                        Map.of(
                                Placeholder.INSTANCE,
                                List.of("a.b\"c"),
                                Placeholder.RACK,
                                List.of("r.1"))));
    }

    @Test
    void noIdsMatchNothingRatherThanEverySeriesWithoutTheLabel() {
        assertEquals(
                "up{rack_id=~\"" + QueryTemplate.MATCHES_NOTHING + "\"}",
                QueryTemplate.of("up{rack_id=~\"$racks\"}")
                        .fill(Map.of(Placeholder.RACK, List.of())));
    }

    @Test
    void everySpellingIsRecognisedAndWordsThatMerelyStartAlikeAreNot() {
        assertEquals(
                Set.of(Placeholder.INSTANCE, Placeholder.CHASSIS, Placeholder.RACK),
                QueryTemplate.placeholdersIn("$instances $chassis {rack_id}"));
        assertEquals(Set.of(Placeholder.RACK), QueryTemplate.placeholdersIn("$racks"));
        assertEquals(Set.of(), QueryTemplate.placeholdersIn("$instancesx $rackfoo"));
        assertEquals(
                Set.of(Placeholder.PDU, Placeholder.INLET),
                QueryTemplate.placeholdersIn("{pduid} {inletid}"));
    }

    @Test
    void aUserRegexGoesInAsWrittenAndUnfilledPlaceholdersStay() {
        QueryTemplate t = QueryTemplate.of("up{job=~\"$jobs\", instance=~\"$instances\"}");
        assertTrue(t.uses(Placeholder.JOB));
        assertEquals(
                "up{job=~\"node|ipmi\", instance=~\"$instances\"}",
                t.fill(Map.of(Placeholder.JOB, QueryTemplate.Value.regex("node|ipmi"))));
        assertFalse(QueryTemplate.of("up").uses(Placeholder.JOB));
    }
}
