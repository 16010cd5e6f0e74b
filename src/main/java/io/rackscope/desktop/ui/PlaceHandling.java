package io.rackscope.desktop.ui;

import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.live.AlertHandling;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.StringProperty;

/**
 * What a view model offers for a right-click on a place (a rack on the floor, a device in a rack, a
 * room on the wallboard): acknowledge the incidents with alerts there, or put the place under
 * maintenance, through the handling port, as the session's operator. Nothing while looking back.
 */
public final class PlaceHandling {
    public static final PlaceHandling NONE =
            new PlaceHandling(AlertHandling.NONE, null, null, Clock.systemUTC(), EntityLinks.NONE);

    private final AlertHandling handling;
    private final HealthSource health;
    private final StringProperty operator;
    private final Clock clock;
    private final EntityLinks links;

    /** {@code links}: what else the right-click offers (copy the id or path, open a link). */
    public PlaceHandling(
            AlertHandling handling,
            HealthSource health,
            StringProperty operator,
            Clock clock,
            EntityLinks links) {
        this.handling = handling;
        this.health = health;
        this.operator = operator;
        this.clock = clock;
        this.links = links;
    }

    public EntityLinks links() {
        return links;
    }

    public boolean enabled() {
        return handling.enabled() && health != null && health.viewing() == null;
    }

    public StringProperty operator() {
        return operator;
    }

    /** Whether any alert {@code where} matches is failing now. */
    public boolean hasAlerts(Predicate<Alert> where) {
        return health != null && health.current().alerts().stream().anyMatch(where);
    }

    /**
     * Acknowledges every incident with an alert {@code where} matches (a room-wide incident as a
     * whole), for {@code length} at most (null: until each clears, worsens or grows).
     */
    public void acknowledge(Predicate<Alert> where, String note, Duration length) {
        HealthSnapshot s = health.current();
        Set<String> entities = new HashSet<>();
        s.alerts().stream().filter(where).forEach(a -> entities.add(a.entity()));
        Instant until = length == null ? null : clock.instant().plus(length);
        for (Incident i : s.incidents()) {
            if (i.members().stream().anyMatch(entities::contains)) {
                handling.acknowledge(i, operator.get(), note, until);
            }
        }
    }

    /** {@code target} (and everything in it) under maintenance from now for {@code length}. */
    public void maintain(Target target, String reason, Silence.Effect effect, Duration length) {
        Instant now = clock.instant();
        handling.maintain(
                target,
                reason,
                effect,
                null,
                length == null ? null : now.plus(length),
                operator.get());
    }
}
