package io.rackscope.desktop.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the user is: a kind and the id of the thing shown ({@code site/room} for rooms), plus what
 * to highlight there (an instance in a device, a rack in a room). Also the text form used by {@code
 * render}, playlists and the command line: {@code world}, {@code site:ID}, {@code
 * room:SITE/ROOM[:heat:METRIC]} (the floor as a heat map of a metric), {@code rack:ID[:rear]},
 * {@code device:ID}, {@code alerts[:all|SITE|SITE/ROOM]}, {@code wallboard[:all|SITE|SITE/ROOM]}.
 */
public record Place(Kind kind, String id, String highlight) {
    public enum Kind {
        WORLD,
        SITE,
        ROOM,
        RACK,
        DEVICE,
        ALERTS,
        WALLBOARD,
        CAPACITY,
        SLURM,
        MAINTENANCE,
        LIBRARY,
        SETTINGS
    }

    public static final Place WORLD = new Place(Kind.WORLD, "", null);

    public static Place of(Kind kind, String id) {
        return new Place(kind, id, null);
    }

    public Place highlighting(String target) {
        return new Place(kind, id, target);
    }

    /** The metric a room place draws as a heat map ({@code room:SITE/ROOM:heat:METRIC}). */
    public Optional<String> heatMetric() {
        return kind == Kind.ROOM && highlight != null && highlight.startsWith(HEAT)
                ? Optional.of(highlight.substring(HEAT.length()))
                : Optional.empty();
    }

    private static final String HEAT = "heat:";

    /** The rear face of a rack place ({@code rack:ID:rear}). */
    public boolean rear() {
        return kind == Kind.RACK && "rear".equals(highlight);
    }

    /** Both faces of a rack place, side by side ({@code rack:ID:both}). */
    public boolean bothFaces() {
        return kind == Kind.RACK && "both".equals(highlight);
    }

    public String text() {
        return switch (kind) {
            case WORLD -> "world";
            case ALERTS -> id.isEmpty() ? "alerts" : "alerts:" + id;
            case SLURM -> "slurm";
            case MAINTENANCE -> "maintenance";
            case LIBRARY -> id.isEmpty() ? "library" : "library:" + id;
            case SETTINGS -> "settings";
            case WALLBOARD -> id.isEmpty() ? "wallboard" : "wallboard:" + id;
            case CAPACITY -> id.isEmpty() ? "capacity" : "capacity:" + id;
            default ->
                    kind.name().toLowerCase(Locale.ROOT)
                            + ":"
                            + id
                            + (rear() ? ":rear" : bothFaces() ? ":both" : "")
                            + heatMetric().map(m -> ":" + HEAT + m).orElse("");
        };
    }

    /** Parses the text form; room ids are resolved later (a bare room id may be ambiguous). */
    public static Optional<Place> parse(String text) {
        String t = text.trim();
        if (t.equals("world")) {
            return Optional.of(WORLD);
        }
        if (t.equals("wallboard")) {
            return Optional.of(of(Kind.WALLBOARD, ""));
        }
        if (t.equals("slurm")) {
            return Optional.of(of(Kind.SLURM, ""));
        }
        if (t.equals("maintenance")) {
            return Optional.of(of(Kind.MAINTENANCE, ""));
        }
        if (t.equals("settings")) {
            return Optional.of(of(Kind.SETTINGS, ""));
        }
        if (t.equals("library")) {
            return Optional.of(of(Kind.LIBRARY, ""));
        }
        if (t.equals("alerts")) {
            return Optional.of(of(Kind.ALERTS, ""));
        }
        if (t.equals("capacity")) {
            return Optional.of(of(Kind.CAPACITY, ""));
        }
        int colon = t.indexOf(':');
        if (colon < 1 || colon == t.length() - 1) {
            return Optional.empty();
        }
        String kind = t.substring(0, colon);
        String id = t.substring(colon + 1);
        return switch (kind) {
            case "site" -> Optional.of(of(Kind.SITE, id));
            case "room" -> {
                int heat = id.indexOf(":" + HEAT);
                yield Optional.of(
                        heat > 0 && heat + HEAT.length() + 1 < id.length()
                                ? new Place(
                                        Kind.ROOM, id.substring(0, heat), id.substring(heat + 1))
                                : of(Kind.ROOM, id));
            }
            case "device" -> Optional.of(of(Kind.DEVICE, id));
            case "wallboard" -> Optional.of(of(Kind.WALLBOARD, id.equals("all") ? "" : id));
            case "alerts" -> Optional.of(of(Kind.ALERTS, id.equals("all") ? "" : id));
            case "capacity" -> Optional.of(of(Kind.CAPACITY, id.equals("all") ? "" : id));
            case "library" -> Optional.of(of(Kind.LIBRARY, id));
            case "rack" ->
                    Optional.of(
                            id.endsWith(":rear")
                                    ? new Place(Kind.RACK, id.substring(0, id.length() - 5), "rear")
                                    : id.endsWith(":both")
                                            ? new Place(
                                                    Kind.RACK,
                                                    id.substring(0, id.length() - 5),
                                                    "both")
                                            : of(
                                                    Kind.RACK,
                                                    id.endsWith(":front")
                                                            ? id.substring(0, id.length() - 6)
                                                            : id));
            default -> Optional.empty();
        };
    }
}
