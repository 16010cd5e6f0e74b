package io.rackscope.desktop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One runaway file is skipped with a diagnostic; the heap and the rest of the config survive. */
class LoaderLimitsTest {
    @TempDir Path dir;
    Path config;
    RackscopeConfig intact;

    @BeforeEach
    void copy() {
        config = ConfigFixture.copyOfBundled(dir);
        intact = new ConfigLoader().load(config);
    }

    Diagnostic errorOf(RackscopeConfig cfg, String relative) {
        List<Diagnostic> errors = cfg.diagnostics().errors();
        return errors.stream()
                .filter(e -> e.file() != null && e.file().endsWith(relative))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no error names " + relative + ": " + errors));
    }

    @Test
    void anOversizedFileIsSkippedAndTheRestLoads() throws IOException {
        Path big = config.resolve("templates/devices/generated.yaml");
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("templates:\n");
            for (int i = 0; i < 330_000; i++) {
                w.write("  - {id: gen-" + i + ", type: server, u_height: 1, checks: [node_up]}\n");
            }
        }
        assertTrue(Files.size(big) > YamlReader.MAX_FILE_BYTES, "fixture is " + Files.size(big));
        RackscopeConfig cfg = new ConfigLoader().load(config);
        Diagnostic d = errorOf(cfg, "templates/devices/generated.yaml");
        assertTrue(d.message().contains("more than the 16 MB"), d.message());
        assertEquals(intact.templates().devices().size(), cfg.templates().devices().size());
        assertEquals(intact.topology().instances().size(), cfg.topology().instances().size());
    }

    @Test
    void anAliasBombIsSkippedAndTheRestLoads() {
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        b.append("checks: []\n");
        ConfigFixture.write(config.resolve("checks/library/bomb.yaml"), b.toString());
        RackscopeConfig cfg = new ConfigLoader().load(config);
        Diagnostic d = errorOf(cfg, "checks/library/bomb.yaml");
        assertTrue(d.message().contains("more than 1000000 YAML nodes"), d.message());
        assertEquals(intact.checks().size(), cfg.checks().size());
    }

    @Test
    void aFileThatIsNotUtf8IsSaidSoWithoutJavaNames() throws IOException {
        Path rack = config.resolve("checks/library/latin1.yaml");
        Files.write(
                rack,
                "checks:\n  - id: caf\u00e9\n    expr: up\n".getBytes(StandardCharsets.ISO_8859_1));
        RackscopeConfig cfg = new ConfigLoader().load(config);
        Diagnostic d = errorOf(cfg, "checks/library/latin1.yaml");
        assertTrue(d.message().contains("not UTF-8"), d.message());
        assertFalse(d.message().contains("Exception"), d.message());
        assertFalse(d.toString().contains(":0:"), d.toString());
        assertEquals(intact.checks().size(), cfg.checks().size());
    }
}
