package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rackscope.desktop.cli.SnapshotCommand;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The web original's real scheme as {@code ../shared/tools/original-scheme.py} sends it (one health
 * cycle: per check its expression over batches of at most 200 ids, sequential GETs, {@code for:}
 * kept in process so nothing more is asked), run as it is against a Prometheus; and the per-check
 * states ({@code snapshot --json --checks}) that two snapshots disagree on.
 */
public final class OriginalSchemeTool {
    /** What one run of the tool reports: queries sent, decoded and wire bytes, wall time. */
    public record Run(int queries, long bytes, long wireBytes, double millis) {}

    private OriginalSchemeTool() {}

    /** The tool: {@code -Drackscope.original.scheme=PATH}, else beside the project in ../shared. */
    public static Path script() {
        String set = System.getProperty("rackscope.original.scheme");
        return set != null
                ? Path.of(set)
                : Path.of("..", "shared", "tools", "original-scheme.py")
                        .toAbsolutePath()
                        .normalize();
    }

    /** Skips loudly (or fails, when required) unless the tool, python3 and PyYAML are here. */
    public static void require() throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isRegularFile(script())) {
            missing = script() + " is missing";
        } else if (PrometheusServer.binary("python3") == null) {
            missing = "python3 is not on PATH (apt-get install python3 python3-yaml)";
        } else if (new ProcessBuilder("python3", "-c", "import yaml")
                        .redirectErrorStream(true)
                        .start()
                        .waitFor()
                != 0) {
            missing = "python3 has no yaml module (apt-get install python3-yaml)";
        }
        if (missing != null) {
            String msg = "*** the original's scheme cannot run: " + missing + " ***";
            if (Boolean.getBoolean("rackscope.it.require")) {
                fail(msg);
            }
            System.err.println(msg);
            Assumptions.abort(msg);
        }
    }

    /** One cycle of the original's scheme on {@code configDir} against {@code prometheusUrl}. */
    public static Run run(Path configDir, String prometheusUrl)
            throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder(
                                "python3",
                                script().toString(),
                                configDir.toAbsolutePath().toString(),
                                prometheusUrl)
                        .directory(script().getParent().toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("original-scheme.py failed (exit " + p.exitValue() + ")");
        }
        JsonNode doc = new ObjectMapper().readTree(out);
        return new Run(
                doc.get("queries").asInt(),
                doc.get("bytes").asLong(),
                doc.get("wire_bytes").asLong(),
                doc.get("ms").asDouble());
    }

    /** Each check's state of each of its targets, keyed {@code entity check}. */
    public static Map<String, String> states(HealthSnapshot s, RackscopeConfig config) {
        Map<String, String> out = new TreeMap<>();
        SnapshotCommand.checkStates(s, config)
                .forEach(
                        (entity, checks) ->
                                ((Map<?, ?>) checks)
                                        .forEach(
                                                (check, state) ->
                                                        out.put(
                                                                entity + " " + check,
                                                                String.valueOf(
                                                                        ((Map<?, ?>) state)
                                                                                .get("state")))));
        return out;
    }

    /** Where {@code a} and {@code b} judge a check of a target differently: "key: a vs b". */
    public static List<String> differences(Map<String, String> a, Map<String, String> b) {
        List<String> out = new ArrayList<>();
        a.forEach(
                (k, v) -> {
                    if (!v.equals(b.get(k))) {
                        out.add(k + ": " + v + " vs " + b.get(k));
                    }
                });
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(k -> out.add(k + ": absent"));
        return out;
    }
}
