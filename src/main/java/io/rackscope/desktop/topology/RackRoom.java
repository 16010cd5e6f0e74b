package io.rackscope.desktop.topology;

import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Whether a device of some height can go at a U of a face of a rack: inside the rack, and clear of
 * the devices there. The editing core refuses with it; the editors say it before asking.
 */
public final class RackRoom {
    private RackRoom() {}

    /**
     * A run of free U of a face, {@code from} to {@code to} (bottom to top), {@code to - from + 1}
     * U.
     */
    public record Free(int from, int to) {
        public int units() {
            return to - from + 1;
        }
    }

    /**
     * The largest run of free U of {@code face} (the lowest of equal ones), or empty when the face
     * is full: the biggest device that can still go there.
     */
    public static Optional<Free> largestFree(Rack rack, ToIntFunction<String> heightOf, Face face) {
        boolean[] taken = new boolean[rack.uHeight() + 2];
        for (Device d : rack.devices()) {
            if (d.face() == face) {
                int h = Math.max(1, heightOf.applyAsInt(d.templateId()));
                for (int u = Math.max(1, d.uPosition());
                        u <= Math.min(rack.uHeight(), d.uPosition() + h - 1);
                        u++) {
                    taken[u] = true;
                }
            }
        }
        Free best = null;
        int start = 0;
        for (int u = 1; u <= rack.uHeight() + 1; u++) {
            boolean free = u <= rack.uHeight() && !taken[u];
            if (free && start == 0) {
                start = u;
            } else if (!free && start != 0) {
                if (best == null || u - start > best.units()) {
                    best = new Free(start, u - 1);
                }
                start = 0;
            }
        }
        return Optional.ofNullable(best);
    }

    /** What stands in the way: a device there (null: the rack ends first), at U {@code from-to}. */
    public record Obstacle(Device device, int from, int to) {}

    /**
     * What stands where {@code height} U from {@code u} of {@code face} would go, or empty when
     * nothing does; {@code heightOf}: a device template's U height; {@code moving}: keys of devices
     * that leave, which do not count.
     */
    public static Optional<Obstacle> obstacle(
            Rack rack,
            ToIntFunction<String> heightOf,
            int u,
            int height,
            Face face,
            Set<String> moving) {
        int top = u + height - 1;
        if (u < 1 || top > rack.uHeight()) {
            return Optional.of(new Obstacle(null, 1, rack.uHeight()));
        }
        for (Device d : rack.devices()) {
            int dTop = d.uPosition() + Math.max(1, heightOf.applyAsInt(d.templateId())) - 1;
            if (d.face() == face
                    && !moving.contains(d.key())
                    && d.uPosition() <= top
                    && u <= dTop) {
                return Optional.of(new Obstacle(d, d.uPosition(), dTop));
            }
        }
        return Optional.empty();
    }
}
