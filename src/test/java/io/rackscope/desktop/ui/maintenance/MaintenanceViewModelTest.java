package io.rackscope.desktop.ui.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.AlertLabels;
import io.rackscope.desktop.handling.FileStore;
import io.rackscope.desktop.handling.HandlingService;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.ui.DirectHandling;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintenance page's lists and actions, on files, without a window. */
class MaintenanceViewModelTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));
    @TempDir Path dir;

    HandlingService service() {
        return new HandlingService(
                new FileStore(dir), new AlertLabels(CFG.topology(), "instance"), Clock.systemUTC());
    }

    /** The page on {@code service}, its operator dave. */
    static MaintenanceViewModel model(HandlingService service) {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        var raw = new Snapshots(CFG).at(1);
        return new MaintenanceViewModel(
                new DirectHandling(service, feed, () -> raw),
                CFG.topology(),
                feed,
                new SimpleStringProperty("dave"),
                Clock.systemUTC(),
                Runnable::run);
    }

    @Test
    void addStopExtendReactivateAndDeleteMoveAMaintenanceBetweenTheLists() {
        HandlingService service = service();
        MaintenanceViewModel m = model(service);
        assertEquals(
                Optional.of("There is no rack 'nowhere'"),
                m.add("rack:nowhere", "x", Silence.Effect.BADGE, null, null));
        assertTrue(m.add("shelf:1", "x", Silence.Effect.BADGE, null, null).isPresent());
        assertTrue(m.add("rack:fra1-a01-r05", " ", Silence.Effect.BADGE, null, null).isPresent());
        assertEquals(
                Optional.empty(),
                m.add(
                        "rack:fra1-a01-r05",
                        "PSU swap",
                        Silence.Effect.HIDE,
                        null,
                        Duration.ofHours(2)));
        assertEquals(
                Optional.empty(),
                m.add("node:cn0165", "later", Silence.Effect.BADGE, Duration.ofHours(1), null));
        assertEquals("1 active · 1 scheduled · 0 expired", m.countsProperty().get());
        MaintenanceViewModel.Row psu = m.rowsProperty().get().get(0);
        assertEquals("dave", psu.silence().by());
        assertEquals("rack:fra1-a01-r05", psu.silence().scope());
        Instant until = psu.silence().endsAt();
        m.extend(psu, Duration.ofHours(1));
        assertEquals(
                until.plus(Duration.ofHours(1)), m.rowsProperty().get().get(0).silence().endsAt());
        m.stop(m.rowsProperty().get().get(0));
        assertEquals("0 active · 1 scheduled · 1 expired", m.countsProperty().get());
        m.shownProperty().set(Silence.Status.EXPIRED);
        MaintenanceViewModel.Row stopped = m.rowsProperty().get().get(0);
        m.extend(stopped, null);
        assertEquals("1 active · 1 scheduled · 0 expired", m.countsProperty().get(), "reactivated");
        m.shownProperty().set(Silence.Status.ACTIVE);
        assertNull(m.rowsProperty().get().get(0).silence().endsAt(), "open-ended now");
        m.delete(m.rowsProperty().get().get(0));
        assertEquals("0 active · 1 scheduled · 0 expired", m.countsProperty().get());
        assertEquals("", m.problemProperty().get());
        assertEquals(Optional.of(Duration.ZERO), m.startIn(""));
        assertEquals(Optional.of(Duration.ofHours(2)), m.startIn("+2h"));
        assertEquals(Optional.empty(), m.startIn("2001-01-01 00:00"), "the past is not a start");
        assertEquals(Optional.empty(), m.startIn("tomorrowish"));
        assertTrue(m.startIn("2999-01-01T00:00:00Z").orElseThrow().toDays() > 300_000);
    }

    @Test
    void theStoresProblemIsClearedWhenItRecovers() throws Exception {
        HandlingService service = service();
        MaintenanceViewModel m = model(service);
        java.nio.file.Files.writeString(dir.resolve("maintenances.yaml"), "maintenances: [oops\n");
        service.refresh();
        m.reload();
        assertTrue(
                m.problemProperty().get().contains("maintenances.yaml"), m.problemProperty().get());
        java.nio.file.Files.writeString(dir.resolve("maintenances.yaml"), "maintenances: []\n");
        service.refresh();
        m.reload();
        assertEquals("", m.problemProperty().get(), "no old error line after recovery");
    }
}
