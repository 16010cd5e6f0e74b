package io.rackscope.desktop.ui.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart time ticks: round local times, dates over days. */
class TimeAxisTest {
    static final ZoneId UTC = ZoneOffset.UTC;

    static long at(String t) {
        return Instant.parse(t).getEpochSecond();
    }

    static List<String> labels(String from, String to, ZoneId zone) {
        long a = at(from);
        long b = at(to);
        long unit = TimeAxis.unit(b - a);
        return TimeAxis.ticks(a, b, unit, zone).stream()
                .map(t -> TimeAxis.label(t, unit, zone))
                .toList();
    }

    @Test
    void anHourIsTickedEveryTenMinutesOnTheMinute() {
        assertEquals(
                List.of("10:10", "10:20", "10:30", "10:40", "10:50", "11:00"),
                labels("2026-12-01T10:07:13Z", "2026-12-01T11:07:13Z", UTC));
    }

    @Test
    void aDayIsTickedEveryThreeHoursAndMidnightShowsTheDate() {
        assertEquals(
                List.of("18:00", "21:00", "Wed 2 Dec", "03:00", "06:00", "09:00", "12:00", "15:00"),
                labels("2026-12-01T16:20:00Z", "2026-12-02T16:20:00Z", UTC));
    }

    @Test
    void aWeekIsTickedAtEachLocalMidnightWithItsDate() {
        assertEquals(
                List.of(
                        "Thu 26 Nov",
                        "Fri 27 Nov",
                        "Sat 28 Nov",
                        "Sun 29 Nov",
                        "Mon 30 Nov",
                        "Tue 1 Dec",
                        "Wed 2 Dec"),
                labels("2026-11-25T16:20:00Z", "2026-12-02T16:20:00Z", UTC));
        // midnight in Paris is 23:00 UTC the day before
        List<Long> paris =
                TimeAxis.ticks(
                        at("2026-11-25T16:20:00Z"),
                        at("2026-12-02T16:20:00Z"),
                        86_400,
                        ZoneId.of("Europe/Paris"));
        assertEquals(at("2026-11-25T23:00:00Z"), paris.get(0));
    }

    @Test
    void sixHoursAreTickedHourly() {
        assertEquals(
                List.of("11:00", "12:00", "13:00", "14:00", "15:00", "16:00"),
                labels("2026-12-01T10:30:00Z", "2026-12-01T16:30:00Z", UTC));
    }
}
