package io.rackscope.desktop.handling;

import io.rackscope.desktop.topology.Topology;
import java.util.Locale;
import java.util.Optional;

/**
 * What a maintenance covers: a site, room, aisle, rack, device or one instance (node), and
 * everything below it. The web original knows site, room, rack and device; aisle and instance are
 * this app's (the original skips such entries). Room and aisle ids are bare, as in the original: a
 * room id used by two sites covers both. A rack or device is named by id (every one with that id)
 * or by its key (one of several sharing an id).
 */
public record Target(Type type, String id) {
    public enum Type {
        SITE("rackscope_site"),
        ROOM("rackscope_room"),
        AISLE("rackscope_aisle"),
        RACK("rackscope_rack"),
        DEVICE("rackscope_device"),
        INSTANCE("instance");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** The alert label a silence for this target matches on. */
        public String label() {
            return label;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("node")) {
                return Optional.of(INSTANCE);
            }
            for (Type type : values()) {
                if (type.key().equals(t)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }

        /** The label naming one rack or device by key, for ids that repeat (else null). */
        String keyLabel() {
            return this == RACK || this == DEVICE ? label + "_key" : null;
        }

        /** The type whose alert label (or key label) is {@code label}, if any. */
        static Optional<Type> ofLabel(String label) {
            for (Type type : values()) {
                if (type.label.equals(label) || label.equals(type.keyLabel())) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code rack:fra1-a01-r05}, {@code node:cn0165}, ... */
    public static Optional<Target> parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            return Optional.empty();
        }
        return Type.parse(text.substring(0, colon))
                .map(t -> new Target(t, text.substring(colon + 1).trim()));
    }

    public String text() {
        return (type == Type.INSTANCE ? "node" : type.key()) + ":" + id;
    }

    /**
     * A bare id matches every rack or device that carries it, as in the original; a key (a path,
     * for an id that repeats) matches that one.
     */
    public Matcher matcher() {
        return Matcher.equal(
                type.keyLabel() != null && id.contains("/") ? type.keyLabel() : type.label(), id);
    }

    /** Whether the topology has this place. */
    public boolean existsIn(Topology topology) {
        return switch (type) {
            case SITE -> topology.site(id).isPresent();
            case ROOM -> topology.rooms().stream().anyMatch(r -> r.id().equals(id));
            case AISLE ->
                    topology.rooms().stream()
                            .flatMap(r -> r.aisles().stream())
                            .anyMatch(a -> a.id().equals(id));
            case RACK -> topology.rack(id).isPresent();
            case DEVICE -> topology.device(id).isPresent();
            case INSTANCE -> topology.instance(id).isPresent();
        };
    }
}
