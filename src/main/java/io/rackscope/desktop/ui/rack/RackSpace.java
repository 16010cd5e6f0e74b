package io.rackscope.desktop.ui.rack;

import io.rackscope.desktop.config.Ids;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.RackRoom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The U of a rack's faces as the editors see them: what is used, whether a device of some height
 * fits at a U (said as the editing core will say it, before asking it), where a group of devices
 * lands when pasted or moved together, and the nodes a copy could be given.
 */
final class RackSpace {
    private final Rack rack;
    private final ToIntFunction<String> heightOf;

    /** {@code heightOf}: a device template's U height (1 when unknown). */
    RackSpace(Rack rack, ToIntFunction<String> heightOf) {
        this.rack = rack;
        this.heightOf = heightOf;
    }

    int height(Device d) {
        return Math.max(1, heightOf.applyAsInt(d.templateId()));
    }

    /** U of {@code face} taken by devices. */
    int used(Face face) {
        return rack.devices().stream().filter(d -> d.face() == face).mapToInt(this::height).sum();
    }

    /** "front 30 of 42 U used, rear 2". */
    String density() {
        return "front "
                + used(Face.FRONT)
                + " of "
                + rack.uHeight()
                + " U used, rear "
                + used(Face.REAR);
    }

    /**
     * The largest free run of each face, the biggest device that still goes there: "Largest free
     * run: front 4 U (U 37-40), rear 42 U (U 1-42)".
     */
    String largestFree() {
        List<String> faces = new ArrayList<>();
        for (Face face : List.of(Face.FRONT, Face.REAR)) {
            faces.add(
                    face.name().toLowerCase(Locale.ROOT)
                            + RackRoom.largestFree(rack, heightOf, face)
                                    .map(
                                            f ->
                                                    " " + f.units() + " U (U " + f.from() + "-"
                                                            + f.to() + ")")
                                    .orElse(" full"));
        }
        return "Largest free run: " + String.join(", ", faces);
    }

    /**
     * Why {@code height} U from {@code u} of {@code face} cannot take a device, or empty when they
     * can ({@code moving}: devices that leave, which do not count).
     */
    Optional<String> refusal(int u, int height, Face face, Set<String> moving) {
        return RackRoom.obstacle(rack, heightOf, u, height, face, moving)
                .map(
                        o ->
                                o.device() == null
                                        ? "U "
                                                + u
                                                + "-"
                                                + (u + height - 1)
                                                + " is outside the rack (1-"
                                                + rack.uHeight()
                                                + ")"
                                        : "'"
                                                + o.device().id()
                                                + "' is at U "
                                                + o.from()
                                                + "-"
                                                + o.to()
                                                + " of the "
                                                + face.name().toLowerCase(Locale.ROOT));
    }

    /** Where one device of a group lands. */
    record Spot(Device device, int u, Face face) {}

    /**
     * {@code group} with its lowest device at {@code u}, their distances kept; all on {@code face}
     * when they came from one face, else each on its own.
     */
    static List<Spot> landing(Collection<Device> group, int u, Face face) {
        int lowest = group.stream().mapToInt(Device::uPosition).min().orElse(u);
        boolean oneFace = group.stream().map(Device::face).distinct().count() <= 1;
        List<Spot> out = new ArrayList<>();
        group.stream()
                .sorted(Comparator.comparingInt(Device::uPosition))
                .forEach(
                        d ->
                                out.add(
                                        new Spot(
                                                d,
                                                u + d.uPosition() - lowest,
                                                oneFace ? face : d.face())));
        return out;
    }

    /**
     * Nodes for a copy of {@code source}: as many as it has, numbered on from the highest number
     * {@code taken} has with the same name around it ({@code cn0004} taken: {@code cn[0005-0008]});
     * empty when its nodes are not numbered.
     */
    static String nextInstances(Device source, Set<String> taken) {
        int n = source.instances().size();
        Optional<Ids.Numbered> like =
                n == 0 ? Optional.empty() : Ids.numbered(source.instances().get(0).instanceId());
        if (like.isEmpty()) {
            return "";
        }
        long max = 0;
        for (String id : taken) {
            Optional<Ids.Numbered> t = Ids.numbered(id);
            if (t.isPresent() && t.get().sameFamily(like.get())) {
                max = Math.max(max, t.get().number());
            }
        }
        List<String> next = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            next.add(like.get().with(max + i));
        }
        return Ids.compact(next);
    }
}
