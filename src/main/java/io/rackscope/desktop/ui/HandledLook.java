package io.rackscope.desktop.ui;

import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.Handling;
import java.util.Collection;

/**
 * How a tile whose every alert is handled is drawn over its true colour, so that an
 * acknowledgement, a maintenance that badges and one that hides never look alike: an
 * acknowledgement hatched one way (/), a badging maintenance the other (\), a hiding maintenance
 * cross-hatched.
 */
public enum HandledLook {
    NONE,
    ACK,
    BADGE,
    HIDE;

    /** The look of a place whose alerts are {@code alerts}: NONE unless every one is handled. */
    public static HandledLook of(Collection<Alert> alerts, Handling handling) {
        if (alerts.isEmpty()) {
            return NONE;
        }
        boolean allAck = true;
        boolean allHidden = true;
        for (Alert a : alerts) {
            Handled h = handling.alert(a);
            if (h == null) {
                return NONE;
            }
            allAck &= h.acknowledged();
            allHidden &= !h.acknowledged() && h.hidden();
        }
        return allAck ? ACK : allHidden ? HIDE : BADGE;
    }

    /** The look of one handling. */
    public static HandledLook of(Handled h) {
        if (h == null) {
            return NONE;
        }
        return h.acknowledged() ? ACK : h.hidden() ? HIDE : BADGE;
    }

    /** Whether the pixel at {@code x, y} of a tile's pattern is drawn ({@code pitch} apart). */
    public boolean marks(int x, int y, int pitch) {
        return switch (this) {
            case NONE -> false;
            case ACK -> Math.floorMod(x + y, pitch) == 0;
            case BADGE -> Math.floorMod(x - y, pitch) == 0;
            case HIDE -> Math.floorMod(x + y, pitch) == 0 || Math.floorMod(x - y, pitch) == 0;
        };
    }

    /** What it means, for legends and tooltips. */
    public String describe() {
        return switch (this) {
            case NONE -> "";
            case ACK -> "acknowledged";
            case BADGE -> "under maintenance";
            case HIDE -> "under maintenance, hidden";
        };
    }
}
