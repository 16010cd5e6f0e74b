package io.rackscope.desktop.ui.kiosk;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Place;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The wall display's rotation: each configured view for its own seconds (or {@code interval}) with
 * a visible countdown. A new CRIT can take the screen to where it is and hold it there for a while
 * before the rotation resumes; one incident does so once an hour at most (a flapping entity's
 * reappearances are the same incident), and never while a hold is on or during the turn a hold
 * interrupted.
 */
public final class PlaylistViewModel {
    private final Locator locator;
    private final Navigator navigator;
    private final List<Place> views = new ArrayList<>();
    private final List<Integer> seconds = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final int interval;
    private final int critHold;
    private final ReadOnlyIntegerWrapper secondsLeft =
            new ReadOnlyIntegerWrapper(this, "secondsLeft");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private int index;
    private int holding;
    private String heldIncident;
    private int clearedNote;

    /** An incident that took the screen takes it again only after this long. */
    static final long REJUMP_AFTER_SECONDS = 3600;

    private final Map<String, Long> jumpedAt = new HashMap<>();
    private long elapsed;
    private boolean guarded;

    public PlaylistViewModel(
            Locator locator,
            Navigator navigator,
            List<AppConfig.Playlist.Entry> entries,
            int intervalSeconds,
            int critHoldSeconds) {
        this.locator = locator;
        this.navigator = navigator;
        this.interval = Math.max(5, intervalSeconds);
        this.critHold = Math.max(0, critHoldSeconds);
        for (AppConfig.Playlist.Entry entry : entries) {
            Optional<Place> p = Place.parse(entry.view());
            try {
                Place resolved = p.map(locator::resolve).filter(locator::exists).orElse(null);
                if (resolved == null) {
                    problems.add("playlist view '" + entry.view() + "' does not exist; skipped");
                } else {
                    views.add(resolved);
                    seconds.add(entry.seconds() > 0 ? Math.max(5, entry.seconds()) : interval);
                }
            } catch (IllegalArgumentException e) {
                problems.add("playlist view '" + entry.view() + "': " + e.getMessage());
            }
        }
        if (views.isEmpty()) {
            views.add(Place.WORLD);
            views.add(Place.of(Place.Kind.WALLBOARD, ""));
            seconds.add(interval);
            seconds.add(interval);
        }
        secondsLeft.set(seconds.get(0));
        update();
    }

    public List<Place> views() {
        return List.copyOf(views);
    }

    /** Entries of the configured playlist that could not be used, worded for a banner. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void start() {
        navigator.go(views.get(0));
        index = 0;
        secondsLeft.set(seconds.get(0));
        update();
    }

    /**
     * One second passed. A hold that ends gives the view it interrupted its whole time again, and
     * that turn cannot be interrupted: no view is skipped more than once in a row.
     */
    public void tick() {
        elapsed++;
        clearedNote = Math.max(0, clearedNote - 1);
        if (holding > 0) {
            holding--;
            if (holding == 0) {
                endHold();
            }
        } else if (secondsLeft.get() <= 1) {
            index = (index + 1) % views.size();
            navigator.go(views.get(index));
            secondsLeft.set(seconds.get(index));
            guarded = false;
        } else {
            secondsLeft.set(secondsLeft.get() - 1);
        }
        update();
    }

    private void endHold() {
        holding = 0;
        heldIncident = null;
        navigator.go(views.get(index));
        secondsLeft.set(seconds.get(index));
        guarded = true;
    }

    /**
     * The incidents of a new snapshot: a hold whose incident cleared (or is no longer CRIT) ends at
     * once, saying so, and the interrupted view gets its turn back.
     */
    public void onIncidents(List<Incident> now) {
        if (holding == 0 || heldIncident == null) {
            return;
        }
        boolean still =
                now.stream()
                        .anyMatch(
                                i -> i.key().equals(heldIncident) && i.severity() == Severity.CRIT);
        if (!still) {
            endHold();
            clearedNote = 5;
            update();
        }
    }

    /**
     * New or worse incidents arrived (flapping ones never do): the first CRIT among them takes the
     * screen to its rack, or its room floor for an aisle or a room (when configured).
     */
    public void onNewIncidents(List<Incident> fresh) {
        if (critHold == 0 || holding > 0 || guarded) {
            return;
        }
        jumpedAt.values().removeIf(at -> elapsed - at > REJUMP_AFTER_SECONDS);
        fresh.stream()
                .filter(a -> a.severity() == Severity.CRIT)
                .filter(a -> !jumpedAt.containsKey(a.key()))
                .findFirst()
                .ifPresent(
                        a -> {
                            jumpedAt.put(a.key(), elapsed);
                            screenOf(a)
                                    .ifPresent(
                                            place -> {
                                                navigator.go(place);
                                                holding = critHold;
                                                heldIncident = a.key();
                                                update();
                                            });
                        });
    }

    private Optional<Place> screenOf(Incident i) {
        return switch (i.level()) {
            case ROOM, AISLE -> locator.placeOf(i);
            default ->
                    locator.rackOf(i.members().get(0)).map(r -> Place.of(Place.Kind.RACK, r.key()));
        };
    }

    private void update() {
        if (holding > 0) {
            caption.set("New CRIT — holding here " + holding + " s");
        } else if (views.size() == 1) {
            // one view: it stays, nothing is next
            caption.set(clearedNote > 0 ? "Cleared — back to the view" : "");
        } else {
            caption.set(
                    (clearedNote > 0 ? "Cleared — back to the playlist · " : "")
                            + "Next: "
                            + locator.title(views.get((index + 1) % views.size()))
                            + " in "
                            + secondsLeft.get()
                            + " s");
        }
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
