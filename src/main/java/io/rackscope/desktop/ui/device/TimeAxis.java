package io.rackscope.desktop.ui.device;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.ValueAxis;

/**
 * A time axis in epoch seconds whose ticks fall on round local times (every 10 min over an hour,
 * every day at midnight over a week), each labelled with the time, and with the date where the day
 * changes or the ticks are days apart.
 */
final class TimeAxis extends ValueAxis<Number> {
    private static final long DAY = 86_400;
    private static final long[] UNITS = {
        60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, DAY, 2 * DAY, 7 * DAY
    };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);

    /** The room a tick's label needs: a time ("14:30") and a date ("Tue 1 Dec"), in pixels. */
    static final double TIME_LABEL_PX = 56;

    static final double DATE_LABEL_PX = 86;

    private long unit;
    private final ZoneId zone;

    TimeAxis(long from, long to, ZoneId zone) {
        super(from, to);
        this.unit = unit(to - from);
        this.zone = zone;
        setMinorTickVisible(false);
    }

    /** The roundest tick spacing giving at most eight ticks over {@code span} seconds. */
    static long unit(long span) {
        return unit(span, 8);
    }

    /** The roundest tick spacing giving at most {@code most} ticks over {@code span} seconds. */
    static long unit(long span, int most) {
        for (long u : UNITS) {
            if (span / u <= Math.max(1, most)) {
                return u;
            }
        }
        return UNITS[UNITS.length - 1];
    }

    /**
     * The spacing for an axis {@code length} pixels long: at most eight ticks, and no more than
     * their labels leave room for (dates are wider than times), so labels never run together.
     */
    static long unit(long span, double length) {
        long u = unit(span, 8);
        for (int most = 8; most > 1; most--) {
            u = unit(span, most);
            double room = u >= DAY || span > DAY ? DATE_LABEL_PX : TIME_LABEL_PX;
            if (length <= 0 || (double) span / u * room <= length) {
                return u;
            }
        }
        return u;
    }

    /** The round moments in [from, to]: multiples of {@code unit} counted from local midnight. */
    static List<Long> ticks(long from, long to, long unit, ZoneId zone) {
        List<Long> out = new ArrayList<>();
        ZonedDateTime t = Instant.ofEpochSecond(from).atZone(zone).truncatedTo(ChronoUnit.DAYS);
        if (unit >= DAY) {
            for (; t.toEpochSecond() <= to; t = t.plusDays(unit / DAY)) {
                if (t.toEpochSecond() >= from) {
                    out.add(t.toEpochSecond());
                }
            }
            return out;
        }
        long midnight = t.toEpochSecond();
        for (long s = midnight + Math.floorDiv(from - midnight + unit - 1, unit) * unit;
                s <= to;
                s += unit) {
            out.add(s);
        }
        return out;
    }

    /** "14:30"; at local midnight or when ticks are days apart, the date: "Tue 1 Dec". */
    static String label(long t, long unit, ZoneId zone) {
        ZonedDateTime at = Instant.ofEpochSecond(t).atZone(zone);
        boolean midnight = at.toLocalTime().toSecondOfDay() == 0;
        return unit >= DAY || midnight ? DATE.format(at) : TIME.format(at);
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        long from = (long) getLowerBound();
        long to = (long) getUpperBound();
        unit = unit(to - from, length);
        return new ArrayList<>(ticks(from, to, unit, zone));
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return label(value.longValue(), unit, zone);
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        // the bounds are fixed: nothing to take over
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }
}
