package io.rackscope.desktop.config;

import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads playlist entries in either syntax: this app's ({@code room:SITE/ROOM}, {@code wallboard},
 * ...) or the original's paths ({@code /views/worldmap}, {@code /views/site/ID}, {@code
 * /views/room/ID}, {@code /views/rack/ID}, {@code /views/device/RACK/DEVICE}, {@code
 * /slurm/overview}, {@code /slurm/nodes}, {@code /slurm/wallboard}, {@code /notifications}),
 * translated into this app's. An entry that names nothing in the estate is a warning with its file
 * and line; it stays, as given, for the wall display to say so too.
 */
final class PlaylistValidator {
    private final Topology topology;
    private final Diagnostics diagnostics;

    PlaylistValidator(Topology topology, Diagnostics diagnostics) {
        this.topology = topology;
        this.diagnostics = diagnostics;
    }

    AppConfig.Playlist check(AppConfig.Playlist playlist) {
        List<AppConfig.Playlist.Entry> out = new ArrayList<>();
        for (AppConfig.Playlist.Entry e : playlist.views()) {
            String given = e.view();
            Optional<String> view = given.startsWith("/") ? original(given) : ours(given);
            if (view.isEmpty()) {
                diagnostics.warning(
                        e.file(),
                        e.line(),
                        "the playlist entry '"
                                + given
                                + "' matches nothing in this estate or is not a view this app"
                                + " knows; the rotation skips it");
            }
            out.add(
                    new AppConfig.Playlist.Entry(
                            view.orElse(given), e.seconds(), e.file(), e.line()));
        }
        return new AppConfig.Playlist(playlist.intervalSeconds(), out);
    }

    /** One of the original's paths, in this app's syntax, when it names something that exists. */
    private Optional<String> original(String path) {
        String[] p = path.replaceAll("/+$", "").split("/");
        // p[0] is empty: the path starts with '/'
        String first = p.length > 1 ? p[1] : "";
        String second = p.length > 2 ? p[2] : "";
        if (first.equals("notifications") || first.equals("alerts")) {
            return Optional.of("alerts");
        }
        if (first.equals("slurm")) {
            return List.of("", "overview", "nodes", "wallboard", "partitions", "jobs")
                            .contains(second)
                    ? Optional.of(second.equals("wallboard") ? "wallboard" : "slurm")
                    : Optional.empty();
        }
        if (!first.equals("views")) {
            return Optional.empty();
        }
        String id = p.length > 3 ? p[3] : "";
        return switch (second) {
            case "worldmap", "world", "" -> Optional.of("world");
            case "wallboard" -> Optional.of("wallboard");
            case "site" -> topology.site(id).map(s -> "site:" + s.id());
            case "room" -> room(id).map(r -> "room:" + r.key());
            case "rack" -> topology.rack(id).map(r -> "rack:" + r.key());
            case "device" -> device(id, p.length > 4 ? p[4] : "").map(d -> "device:" + d.key());
            default -> Optional.empty();
        };
    }

    /** This app's syntax, when what it names exists. */
    private Optional<String> ours(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String id = colon < 0 ? "" : text.substring(colon + 1);
        boolean exists =
                switch (kind) {
                    case "world", "slurm", "maintenance" -> id.isEmpty();
                    case "wallboard", "alerts" ->
                            id.isEmpty()
                                    || id.equals("all")
                                    || topology.site(id).isPresent()
                                    || room(id).isPresent();
                    case "site" -> topology.site(id).isPresent();
                    case "room" -> room(id.replaceAll(":heat:[^:]+$", "")).isPresent();
                    case "rack" -> topology.rack(id.replaceAll(":(rear|front)$", "")).isPresent();
                    case "device" -> topology.device(id).isPresent();
                    default -> false;
                };
        return exists ? Optional.of(text) : Optional.empty();
    }

    /** A room by {@code SITE/ROOM}, or by a bare id (the first room with it). */
    private Optional<Room> room(String id) {
        int slash = id.indexOf('/');
        if (slash > 0) {
            return topology.room(id.substring(0, slash), id.substring(slash + 1));
        }
        return topology.rooms().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private Optional<Device> device(String rackId, String deviceId) {
        for (Rack r : topology.racksWithId(rackId)) {
            for (Device d : r.devices()) {
                if (d.id().equals(deviceId)) {
                    return Optional.of(d);
                }
            }
        }
        return topology.rack(rackId).isEmpty() ? topology.device(deviceId) : Optional.empty();
    }
}
