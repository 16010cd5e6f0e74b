package io.rackscope.desktop.live;

import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The hand-off of snapshots to a slower thread: at most one delivery pending, carrying the newest
 * snapshot, so a burst of cycles costs the receiver one update. New alerts of a snapshot that is
 * overtaken before delivery are carried into the one delivered, so no toast or sound is lost.
 */
public final class LatestWins implements Consumer<HealthSnapshot> {
    private final Executor target;
    private final Consumer<HealthSnapshot> deliver;
    private HealthSnapshot pending;

    /** Delivers to {@code deliver} on {@code target} (for a window: its UI thread). */
    public LatestWins(Executor target, Consumer<HealthSnapshot> deliver) {
        this.target = target;
        this.deliver = deliver;
    }

    @Override
    public void accept(HealthSnapshot s) {
        boolean schedule;
        synchronized (this) {
            schedule = pending == null;
            pending = schedule ? s : carryFresh(pending, s);
        }
        if (schedule) {
            target.execute(this::drain);
        }
    }

    private void drain() {
        HealthSnapshot latest;
        synchronized (this) {
            latest = pending;
            pending = null;
        }
        if (latest != null) {
            deliver.accept(latest);
        }
    }

    /** {@code newer} with the new alerts of {@code older} that still fire in it. */
    public static HealthSnapshot carryFresh(HealthSnapshot older, HealthSnapshot newer) {
        Set<String> still = new HashSet<>();
        newer.alerts().forEach(a -> still.add(a.key()));
        List<Alert> fresh = new ArrayList<>(newer.fresh());
        Set<String> have = new HashSet<>();
        fresh.forEach(a -> have.add(a.key()));
        for (Alert a : older.fresh()) {
            if (still.contains(a.key()) && have.add(a.key())) {
                fresh.add(a);
            }
        }
        return newer.withTracking(newer.alerts(), fresh);
    }
}
