package io.rackscope.desktop.ui.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.telemetry.CheckTrial;
import io.rackscope.desktop.telemetry.CheckTrials;
import io.rackscope.desktop.telemetry.PastEstate;
import io.rackscope.desktop.ui.CheckTrialSource;
import io.rackscope.desktop.ui.ViewOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTrialViewModelTest {
    @TempDir static Path dir;
    static RackscopeConfig config;

    @BeforeAll
    static void load() {
        config = PastEstate.config(dir.resolve("config"));
    }

    /** Answers every try with the same result, remembering how it was asked. */
    static final class Canned implements CheckTrialSource {
        final List<String> asked = new ArrayList<>();
        final CheckTrials.Trial answer;

        Canned(CheckTrials.Trial answer) {
            this.answer = answer;
        }

        @Override
        public CompletableFuture<CheckTrials.Trial> tryText(String yaml, Instant at) {
            asked.add("text@" + at.getEpochSecond());
            return CompletableFuture.completedFuture(answer);
        }

        @Override
        public CompletableFuture<CheckTrials.Trial> tryFile(Path file, Instant at) {
            asked.add("file:" + file.getFileName());
            return CompletableFuture.completedFuture(answer);
        }
    }

    static CheckTrials.Trial result(boolean listed) {
        Check up = config.check("node_up").orElseThrow();
        List<CheckTrial.Row> rows =
                List.of(
                        new CheckTrial.Row("n01", "rk/c1/n01", 1.0, Severity.OK, ""),
                        new CheckTrial.Row("n02", "rk/c2/n02", 0.0, Severity.CRIT, "== 0.0"),
                        new CheckTrial.Row(
                                "n03", "rk/c3/n03", null, Severity.UNKNOWN, "no sample"));
        return new CheckTrials.Trial(
                List.of(),
                new CheckTrial.Result(
                        up,
                        Instant.ofEpochSecond(PastEstate.NOW),
                        listed,
                        rows,
                        Map.of(Severity.OK, 1, Severity.CRIT, 1, Severity.UNKNOWN, 1),
                        List.of("up{instance=~\"n01|n02|n03\"}"),
                        2,
                        0.0125,
                        List.of()));
    }

    CheckTrialViewModel model(Canned source, ViewOptions options) {
        return new CheckTrialViewModel(
                source,
                new HealthFeed(null, Runnable::run),
                options,
                PastEstate.clock(),
                Runnable::run);
    }

    @Test
    void theTargetsAreListedWorstFirstWithTotalsAndCost() {
        Canned source = new Canned(result(true));
        CheckTrialViewModel m = model(source, new ViewOptions());
        m.yamlProperty().set("checks: []");
        m.run();
        assertEquals(
                List.of("text@" + PastEstate.NOW), source.asked, "tried now: the views are live");
        assertEquals(
                List.of("n02", "n03", "n01"),
                m.rowsProperty().get().stream().map(TrialRow::target).toList());
        String summary = m.summaryProperty().get();
        assertTrue(summary.contains("on 3 targets: 1 CRIT  0 WARN  1 UNKNOWN  1 OK"), summary);
        assertTrue(summary.contains("2 queries · engine 0.013 s"), summary);
        assertFalse(m.runningProperty().get());
    }

    @Test
    void anOpenedFileIsTriedUnderItsOwnNameUntilEdited() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), "checks: []\n");
        Canned source = new Canned(result(true));
        CheckTrialViewModel m = model(source, new ViewOptions());
        m.open(file);
        m.run();
        m.yamlProperty().set(m.yamlProperty().get() + "# edited\n");
        m.run();
        assertEquals(List.of("file:mine.yaml", "text@" + PastEstate.NOW), source.asked);
    }

    @Test
    void thePreviewPaintsTheResultAndLeavesOutWhatAnUnlistedCheckDoesNotCover() {
        ViewOptions options = new ViewOptions();
        CheckTrialViewModel m = model(new Canned(result(false)), options);
        m.run();
        m.showOnFloor();
        assertEquals(
                Map.of("n01", Severity.OK, "n02", Severity.CRIT),
                options.previewProperty().get().states(),
                "n03 has no series: not covered, not UNKNOWN");
        m.clearPreview();
        assertNull(options.previewProperty().get());
        CheckTrialViewModel listed = model(new Canned(result(true)), options);
        listed.run();
        listed.showOnFloor();
        assertEquals(Severity.UNKNOWN, options.previewProperty().get().states().get("n03"));
    }
}
