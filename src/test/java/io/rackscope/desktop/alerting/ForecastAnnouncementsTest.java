package io.rackscope.desktop.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastAnnouncementsTest {
    static final AppConfig.Forecast ON =
            new AppConfig.Forecast(
                    true,
                    Duration.ofMinutes(15),
                    Duration.ofHours(2),
                    0.1,
                    6,
                    0.8,
                    true,
                    Duration.ofMinutes(10));

    static Forecast f(String node, Severity heading, double eta) {
        return new Forecast("temp", node, node, "r1", null, heading, eta, 85, 90, 0.01, 0.95);
    }

    static HealthSnapshot with(Forecast... forecasts) {
        return new HealthSnapshot(
                1,
                Instant.EPOCH,
                Duration.ZERO,
                HealthSnapshot.Levels.NONE,
                new HealthSnapshot.Findings(
                        Map.of(),
                        List.of(),
                        Map.of(),
                        List.of(),
                        CycleStats.NONE,
                        List.of(),
                        List.of(forecasts)),
                SlurmSnapshot.DISABLED,
                HealthSnapshot.Tracking.NONE);
    }

    @Test
    void aCrossingIsSaidOnceWhenItComesWithinTheWindowAndAgainOnlyAfterItWasGone() {
        ForecastAnnouncements a = new ForecastAnnouncements(ON);
        assertEquals(List.of(), a.next(with(f("n01", Severity.CRIT, 1200))), "20 min: not yet");
        assertEquals(1, a.next(with(f("n01", Severity.CRIT, 540))).size(), "9 min: said");
        assertEquals(List.of(), a.next(with(f("n01", Severity.CRIT, 480))), "said already");
        assertEquals(List.of(), a.next(with(f("n01", Severity.CRIT, 700))), "further off again");
        assertEquals(List.of(), a.next(with(f("n01", Severity.CRIT, 400))), "still the same one");
        assertEquals(List.of(), a.next(with()), "the trend turned");
        assertEquals(1, a.next(with(f("n01", Severity.CRIT, 300))).size(), "back: said again");
    }

    @Test
    void headingForWorseIsNewAndOffSaysNothing() {
        ForecastAnnouncements a = new ForecastAnnouncements(ON);
        a.next(with(f("n01", Severity.WARN, 300)));
        assertEquals(1, a.next(with(f("n01", Severity.CRIT, 300))).size());
        ForecastAnnouncements off = new ForecastAnnouncements(AppConfig.Forecast.DEFAULTS);
        assertEquals(List.of(), off.next(with(f("n01", Severity.CRIT, 60))));
    }
}
