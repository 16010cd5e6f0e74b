package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.health.CheckState;
import io.rackscope.desktop.health.HealthSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;

/**
 * Since when the targets without a sample have had none, for the view models that say why something
 * is UNKNOWN: asked through {@link SampleTimes} once per check and target while it stays without
 * one (its last sample cannot change meanwhile), forgotten when it has one again. The answers
 * arrive on the FX thread, then {@code changed} runs.
 */
public final class LastSamples {
    // ASKED while the answer is awaited, NONE_WITHIN when there was none within the look-back
    private static final Instant ASKED = Instant.MIN;
    private static final Instant NONE_WITHIN = Instant.MAX;
    private final Map<String, Instant> known = new HashMap<>();
    private final Duration lookback;
    private final Clock clock;
    private final Runnable changed;
    private final SampleTimes port;

    /** {@code port}: where to ask (SampleTimes.NONE: nowhere, nothing is learnt). */
    public LastSamples(Duration lookback, Clock clock, SampleTimes port, Runnable changed) {
        this.lookback = lookback;
        this.clock = clock;
        this.port = port;
        this.changed = changed;
    }

    /** Asks for those of {@code targets} of {@code c} that have no sample in {@code s}. */
    public void update(HealthSnapshot s, Check c, List<String> targets) {
        if (port == SampleTimes.NONE || !s.checks().containsKey(c.id())) {
            return;
        }
        List<String> wanted = new ArrayList<>();
        for (String target : targets) {
            String key = c.id() + "/" + target;
            if (s.stateOf(c.id(), target).reason() != CheckState.Reason.NO_SAMPLE) {
                known.remove(key);
            } else if (!known.containsKey(key)) {
                known.put(key, ASKED);
                wanted.add(target);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        port.lastSampleAt(c, wanted, clock.instant(), lookback)
                .whenComplete(
                        (found, err) ->
                                Platform.runLater(
                                        () -> {
                                            for (String target : wanted) {
                                                String key = c.id() + "/" + target;
                                                if (err != null) {
                                                    known.remove(key);
                                                } else if (known.containsKey(key)) {
                                                    known.put(
                                                            key,
                                                            found.getOrDefault(
                                                                    target, NONE_WITHIN));
                                                }
                                            }
                                            changed.run();
                                        }));
    }

    /** When {@code target} last had a sample of {@code c}, null when that is not known. */
    public Instant lastOf(Check c, String target) {
        Instant t = known.get(c.id() + "/" + target);
        return t == null || t.equals(ASKED) || t.equals(NONE_WITHIN) ? null : t;
    }

    /** "no sample since 07:24:02", "no sample in the last 24 h", or "no sample" while unknown. */
    public String noSample(Check c, String target) {
        Instant t = known.get(c.id() + "/" + target);
        if (t == null || t.equals(ASKED)) {
            return "no sample";
        }
        if (t.equals(NONE_WITHIN)) {
            return "no sample in the last " + Formats.age(lookback);
        }
        return "no sample since " + Formats.when(t, clock.instant(), clock.getZone());
    }
}
