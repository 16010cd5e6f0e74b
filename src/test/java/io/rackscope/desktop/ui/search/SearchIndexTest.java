package io.rackscope.desktop.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.Place;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search finds views and commands as well as places. */
class SearchIndexTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));

    @Test
    void theWindowsViewsAreFoundByName() {
        SearchIndex index = new SearchIndex(CFG.topology(), true);
        assertEquals(
                Place.of(Place.Kind.WALLBOARD, ""), index.search("wallboard", 5).get(0).place());
        assertEquals(
                Place.of(Place.Kind.MAINTENANCE, ""), index.search("mainten", 5).get(0).place());
        assertEquals(Place.of(Place.Kind.SLURM, ""), index.search("slurm", 5).get(0).place());
        assertEquals(Place.of(Place.Kind.ALERTS, ""), index.search("alerts", 5).get(0).place());
        assertTrue(
                new SearchIndex(CFG.topology(), false)
                        .search("slurm", 5).stream()
                                .noneMatch(e -> e.place().kind() == Place.Kind.SLURM),
                "no Slurm view where Slurm is off");
        assertEquals("instance", index.search("cn0166", 5).get(0).kind(), "places still first");
    }

    @Test
    void aTypoIsForgivenOnlyWhenNothingMatchesAsTyped() {
        SearchIndex index = new SearchIndex(CFG.topology(), true);
        assertEquals("cn0165", index.search("cn0165", 1).get(0).id());
        List<String> typo = index.search("cn01b5", 50).stream().map(SearchIndex.Entry::id).toList();
        assertEquals(true, typo.contains("cn0165"), "one edit away: " + typo);
        assertEquals(
                true,
                index.search("wallboxrd", 5).stream().anyMatch(e -> e.id().equals("wallboard")),
                "a mistyped letter");
        assertEquals(List.of(), index.search("zzqqxx", 5), "nothing close: nothing");
    }
}
