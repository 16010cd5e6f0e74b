package io.rackscope.desktop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.Journal;
import io.rackscope.desktop.alerting.Transition;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.cli.CliRun;
import io.rackscope.desktop.health.Incident;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code handover} on a real Prometheus: the page with the pictures of the worst incidents' racks
 * at their worst moments (drawn by {@code render --at}), then opened in a real headless Chromium.
 */
class HandoverIT {
    static Incident incident(String key, String place, Severity s, Incident.Level level) {
        return new Incident(
                key,
                key,
                level,
                place,
                "Node reachable",
                "lab / r1 / a1 / " + place,
                s,
                Map.of("node_up", 1),
                List.of(place),
                1,
                1,
                null,
                false,
                1);
    }

    @Test
    void theShiftsPageHasItsRacksAtTheirWorstAndOpensInABrowser() throws Exception {
        PrometheusServer.requireBinary("chromium");
        try (FailingEstate estate = FailingEstate.start()) {
            Path work = Files.createTempDirectory("rackscope-handover");
            Journal j = new Journal(work.resolve("journal"), 3650);
            Instant now = Instant.now();
            Incident rack = incident("rack:rk2", "rk2", Severity.CRIT, Incident.Level.RACK);
            Incident n01 = incident("node:n01", "n01", Severity.CRIT, Incident.Level.NODE);
            j.append(
                    List.of(
                            new Transition(
                                    Transition.Kind.NEW,
                                    now.minus(Duration.ofMinutes(48)),
                                    rack,
                                    null),
                            new Transition(
                                    Transition.Kind.ACKNOWLEDGED,
                                    now.minus(Duration.ofMinutes(40)),
                                    rack,
                                    null,
                                    "erin",
                                    "PSU on order"),
                            new Transition(
                                    Transition.Kind.NEW,
                                    now.minus(Duration.ofMinutes(9)),
                                    n01,
                                    null)));
            j.close();
            Path out = work.resolve("handover");
            CliRun r =
                    CliRun.of(
                            "handover",
                            "--config",
                            estate.dir.toString(),
                            "--journal",
                            work.resolve("journal").toString(),
                            "--prometheus",
                            estate.prometheus.url(),
                            "--since",
                            "2h",
                            "--out",
                            out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("(2 picture(s))"), r.out() + r.err());
            String html = Files.readString(out.resolve("handover.html"));
            assertTrue(html.contains("<td>erin at "), html);
            for (String png : List.of("incident-1.png", "incident-2.png")) {
                BufferedImage img = ImageIO.read(out.resolve(png).toFile());
                assertNotNull(img, png);
                assertEquals(1280, img.getWidth());
            }
            Path shot = work.resolve("page.png");
            Process chromium =
                    new ProcessBuilder(
                                    PrometheusServer.binary("chromium").toString(),
                                    "--headless",
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--user-data-dir=" + work.resolve("chromium"),
                                    "--window-size=1280,2400",
                                    "--screenshot=" + shot,
                                    out.resolve("handover.html").toUri().toString())
                            .redirectErrorStream(true)
                            .redirectOutput(work.resolve("chromium.log").toFile())
                            .start();
            assertTrue(
                    chromium.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "chromium ends");
            BufferedImage page = ImageIO.read(shot.toFile());
            assertNotNull(page, Files.readString(work.resolve("chromium.log")));
            // the pictures are on the page as drawn: a stretch of the rack's colours, not blank
            long coloured = 0;
            for (int y = 0; y < page.getHeight(); y += 4) {
                for (int x = 0; x < page.getWidth(); x += 4) {
                    int rgb = page.getRGB(x, y) & 0xffffff;
                    int rr = rgb >> 16;
                    int gg = (rgb >> 8) & 0xff;
                    int bb = rgb & 0xff;
                    if (Math.max(rr, Math.max(gg, bb)) - Math.min(rr, Math.min(gg, bb)) > 80) {
                        coloured++;
                    }
                }
            }
            assertTrue(coloured > 500, "coloured samples: " + coloured);
            Files.createDirectories(Path.of("target/visual"));
            Files.copy(
                    shot,
                    Path.of("target/visual/handover-page.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
