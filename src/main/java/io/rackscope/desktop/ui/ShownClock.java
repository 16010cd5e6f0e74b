package io.rackscope.desktop.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The time of what is shown: the past moment while looking back, otherwise {@code base}. View
 * models that ask Prometheus about "now" (charts, current values) ask about this moment instead, so
 * a past view never mixes in present numbers.
 */
public final class ShownClock extends Clock {
    private final HealthSource health;
    private final Clock base;

    public ShownClock(HealthSource health, Clock base) {
        this.health = health;
        this.base = base;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ShownClock(health, base.withZone(zone));
    }

    @Override
    public Instant instant() {
        Instant viewing = health.viewing();
        return viewing != null ? viewing : base.instant();
    }
}
