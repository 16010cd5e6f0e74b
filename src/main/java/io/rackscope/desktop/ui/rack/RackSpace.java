package io.rackscope.desktop.ui.rack;

import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.Rack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The U of a rack's faces as the editors see them: what is used, whether a device of some height
 * fits at a U (said as the editing core will say it, before asking it), where a group of devices
 * lands when pasted or moved together, and the nodes a copy could be given.
 */
final class RackSpace {
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)(\\D*)");

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
     * Why {@code height} U from {@code u} of {@code face} cannot take a device, or empty when they
     * can ({@code moving}: devices that leave, which do not count).
     */
    Optional<String> refusal(int u, int height, Face face, Set<String> moving) {
        int top = u + height - 1;
        if (u < 1 || top > rack.uHeight()) {
            return Optional.of(
                    "U " + u + "-" + top + " is outside the rack (1-" + rack.uHeight() + ")");
        }
        for (Device d : rack.devices()) {
            int dTop = d.uPosition() + height(d) - 1;
            if (d.face() == face
                    && !moving.contains(d.key())
                    && d.uPosition() <= top
                    && u <= dTop) {
                return Optional.of(
                        "'"
                                + d.id()
                                + "' is at U "
                                + d.uPosition()
                                + "-"
                                + dTop
                                + " of the "
                                + face.name().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
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
        if (n == 0) {
            return "";
        }
        Matcher m = NUMBERED.matcher(source.instances().get(0).instanceId());
        if (!m.matches()) {
            return "";
        }
        String prefix = m.group(1);
        String suffix = m.group(3);
        int width = m.group(2).length();
        long max = 0;
        for (String id : taken) {
            Matcher t = NUMBERED.matcher(id);
            if (t.matches() && t.group(1).equals(prefix) && t.group(3).equals(suffix)) {
                max = Math.max(max, Long.parseLong(t.group(2)));
            }
        }
        String first = String.format("%0" + width + "d", max + 1);
        if (n == 1) {
            return prefix + first + suffix;
        }
        String last = String.format("%0" + width + "d", max + n);
        return prefix + "[" + first + "-" + last + "]" + suffix;
    }
}
