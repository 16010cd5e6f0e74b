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
