package io.rackscope.desktop.handling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty writers at once on one maintenances.yaml, half in this JVM and half in another, each with
 * its own store: every maintenance is kept (before the lock, 9 of 20 reported success and 1 was
 * kept).
 */
class ConcurrentFileStoreTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));
    @TempDir Path dir;

    /** Adds {@code n} maintenances to {@code dir}'s file, each through a store of its own. */
    public static void main(String[] args) throws Exception {
        add(Path.of(args[0]), Integer.parseInt(args[1]), args[2]);
    }

    static void add(Path dir, int n, String who) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Silence>> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            made.add(
                    pool.submit(
                            () ->
                                    new HandlingService(
                                                    new FileStore(dir),
                                                    new AlertLabels(CFG.topology(), "instance"),
                                                    Clock.systemUTC())
                                            .maintain(
                                                    new Target(Target.Type.RACK, "fra1-a01-r05"),
                                                    who + " " + k,
                                                    Silence.Effect.BADGE,
                                                    null,
                                                    null,
                                                    who)));
        }
        for (Future<Silence> f : made) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    @Test
    void twentyWritersFromTwoJvmsKeepTwentyMaintenances() throws Exception {
        Process other =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                ConcurrentFileStoreTest.class.getName(),
                                dir.toString(),
                                "10",
                                "other")
                        .inheritIO()
                        .start();
        add(dir, 10, "here");
        assertEquals(0, other.waitFor());
        List<Silence> kept = new FileStore(dir).read();
        assertEquals(20, kept.size(), kept.toString());
        assertEquals(
                10, kept.stream().filter(s -> "other".equals(s.by())).count(), "the other JVM's");
    }
}
