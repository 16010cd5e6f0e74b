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

    @Test
    void aWeekOnANarrowChartLeavesRoomForEachDate() {
        long a = at("2026-11-25T16:20:00Z");
        long b = at("2026-12-02T16:20:00Z");
        long narrow = TimeAxis.unit(b - a, 400.0);
        List<Long> ticks = TimeAxis.ticks(a, b, narrow, UTC);
        assertEquals(2 * 86_400L, narrow);
        assertEquals(3, ticks.size(), ticks.toString());
        assertEquals(true, ticks.size() * TimeAxis.DATE_LABEL_PX <= 400, "the dates fit");
        assertEquals(86_400L, TimeAxis.unit(b - a, 1000.0), "wide enough for one a day");
        assertEquals(600L, TimeAxis.unit(3600, 400.0), "an hour's times fit at 400 px");
    }

    @Test
    void aGapOfMoreThanTwoStepsBreaksTheLine() {
        double[] t = {0, 60, 120, 180, 240, 900, 960, 1020, 1080, 1140};
        double[] v = {1, 2, Double.NaN, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(
                List.of(List.of(0, 1, 3, 4), List.of(5, 6, 7, 8, 9)),
                MetricChart.runs(t, v, 60),
                "one missing step is drawn across; ten minutes without a sample are not");
    }
}
