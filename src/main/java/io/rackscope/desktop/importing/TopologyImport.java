package io.rackscope.desktop.importing;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditCheck;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.EditSession;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Rack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Devices of an import written into an estate through the editing core: the sites, rooms, aisles
 * and racks they name made where missing (by id, named by their ids), a rack the file puts in
 * another aisle moved there, each device added, or moved, renamed and given its nodes where its id
 * is known; what the file does not say (comments, labels, other devices, names given by hand to
 * sites and rooms) is left alone. A row that cannot be placed is a problem named by its line; the
 * others are written.
 */
public final class TopologyImport implements AutoCloseable {
    /** What an import did. */
    public record Report(
            int sites,
            int rooms,
            int aisles,
            int racks,
            int added,
            int updated,
            int unchanged,
            List<String> problems) {
        public String summary() {
            return String.format(
                    "%d site(s), %d room(s), %d aisle(s), %d rack(s) made; %d device(s) added, %d updated, %d unchanged; %d problem(s)",
                    sites, rooms, aisles, racks, added, updated, unchanged, problems.size());
        }
    }

    private final EditSession session;
    private final RackscopeConfig before;
    private final List<EditCheck> checks = new ArrayList<>();
    private RackscopeConfig now;

    public TopologyImport(EditSession session, RackscopeConfig before) {
        this.session = session;
        this.before = before;
        this.now = before;
    }

    /**
     * A device template to make when the estate has none of that id: its name, U height, nodes
     * (side by side) and the checks of the library it has.
     */
    public record Proposal(String name, int uHeight, int nodes, List<String> checks) {}

    /**
     * Writes {@code rows}; {@code proposals}: templates made first where the estate has none of
     * their id (NetBox types without a template).
     */
    public Report apply(
            List<DeviceRow> rows, List<String> readProblems, Map<String, Proposal> proposals) {
        List<String> problems = new ArrayList<>(readProblems);
        // files the caller wrote first (settings, a check the templates name) are read in
        reload();
        proposals.forEach(
                (id, p) -> {
                    if (now.templates().device(id).isEmpty()) {
                        int steps = session.steps();
                        try {
                            new EstateEdits(session, now)
                                    .addDeviceTemplate(
                                            id,
                                            p.name(),
                                            "other",
                                            p.uHeight(),
                                            1,
                                            p.nodes(),
                                            p.checks());
                        } catch (EditRefused e) {
                            session.rollBack(steps);
                            problems.add("template " + id + ": " + e.getMessage());
                        }
                    }
                });
        int sites =
                level(
                        rows,
                        r -> r.site(),
                        (e, r) -> {
                            if (now.topology().site(r.site()).isEmpty()) {
                                e.addSite(r.site(), r.site(), null, null);
                                return true;
                            }
                            return false;
                        },
                        problems);
        int rooms =
                level(
                        rows,
                        r -> r.site() + "/" + r.room(),
                        (e, r) -> {
                            if (now.topology().room(r.site(), r.room()).isEmpty()) {
                                e.addRoom(r.site(), r.room(), r.room());
                                return true;
                            }
                            return false;
                        },
                        problems);
        int aisles =
                level(
                        rows,
                        r -> r.site() + "/" + r.room() + "/" + r.aisle(),
                        (e, r) -> {
                            if (now.topology().aisle(r.site(), r.room(), r.aisle()).isEmpty()) {
                                e.addAisle(r.site() + "/" + r.room(), r.aisle(), r.aisle());
                                return true;
                            }
                            return false;
                        },
                        problems);
        int racks =
                level(
                        rows,
                        DeviceRow::rack,
                        (e, r) -> {
                            String aisle = r.site() + "/" + r.room() + "/" + r.aisle();
                            Optional<Rack> there = now.topology().rack(r.rack());
                            if (there.isEmpty()) {
                                e.addRack(aisle, r.rack(), null, null);
                                return true;
                            }
                            Rack k = there.get();
                            if (!(k.siteId() + "/" + k.roomId() + "/" + k.aisleId())
                                    .equals(aisle)) {
                                e.moveRack(k.key(), aisle, null);
                            }
                            return false;
                        },
                        problems);
        int[] counts = devices(rows, problems);
        return new Report(sites, rooms, aisles, racks, counts[0], counts[1], counts[2], problems);
    }

    /** What one row does at a level; true when it made something. */
    private interface Step {
        boolean apply(EstateEdits e, DeviceRow r);
    }

    /** The level's step for the first row of each key, then the estate loaded again. */
    private int level(
            List<DeviceRow> rows,
            java.util.function.Function<DeviceRow, String> key,
            Step step,
            List<String> problems) {
        Set<String> done = new LinkedHashSet<>();
        int made = 0;
        for (DeviceRow r : rows) {
            if (!done.add(key.apply(r))) {
                continue;
            }
            int steps = session.steps();
            try {
                if (step.apply(new EstateEdits(session, now), r)) {
                    made++;
                }
            } catch (EditRefused e) {
                session.rollBack(steps);
                problems.add(where(r) + e.getMessage());
            }
        }
        reload();
        return made;
    }

    private void reload() {
        if (session.touched().isEmpty()) {
            return;
        }
        EditCheck c = EditCheck.of(session, before);
        checks.add(c);
        now = c.after();
    }

    /** Added, updated, unchanged. */
    private int[] devices(List<DeviceRow> rows, List<String> problems) {
        int[] counts = new int[3];
        // U taken by the rows of this file, per rack and face: two rows must not overlap either
        Map<String, List<int[]>> taken = new HashMap<>();
        for (DeviceRow r : rows) {
            Optional<Rack> rack = now.topology().rack(r.rack());
            if (rack.isEmpty()) {
                continue; // its rack could not be made: said at that level
            }
            int height =
                    now.templates()
                            .device(r.template())
                            .map(t -> Math.max(1, t.uHeight()))
                            .orElse(1);
            String side = r.rack() + "/" + r.face();
            List<int[]> mine = taken.computeIfAbsent(side, k -> new ArrayList<>());
            int top = r.u() + height - 1;
            Optional<int[]> clash =
                    mine.stream().filter(t -> t[0] <= top && r.u() <= t[1]).findFirst();
            if (clash.isPresent()) {
                problems.add(
                        "line "
                                + r.line()
                                + ": "
                                + r.id()
                                + " would overlap the device of line "
                                + clash.get()[2]
                                + " at U "
                                + Math.max(r.u(), clash.get()[0])
                                + " of rack "
                                + r.rack());
                continue;
            }
            int steps = session.steps();
            try {
                EstateEdits e = new EstateEdits(session, now);
                Optional<Device> known =
                        now.topology().device(r.id()).filter(d -> d.id().equals(r.id()));
                if (known.isEmpty()) {
                    e.addDevices(
                            rack.get().key(),
                            List.of(
                                    new EstateEdits.NewDevice(
                                            r.id(),
                                            r.name(),
                                            r.template(),
                                            r.u(),
                                            r.face(),
                                            r.instance().replace(';', ','))));
                    counts[0]++;
                } else {
                    counts[update(e, known.get(), rack.get(), r) ? 1 : 2]++;
                }
                mine.add(new int[] {r.u(), top, r.line()});
            } catch (EditRefused | IllegalArgumentException ex) {
                session.rollBack(steps);
                problems.add(where(r) + ex.getMessage());
            }
        }
        reload();
        return counts;
    }

    /** A known device given what the row says of it; true when something changed. */
    private boolean update(EstateEdits e, Device d, Rack rack, DeviceRow r) {
        boolean changed = false;
        String nodes = r.instance().replace(';', ',').trim();
        boolean renamed = !r.name().equals(d.name());
        List<String> want = new ArrayList<>();
        for (String part : nodes.split(",")) {
            if (!part.isBlank()) {
                want.addAll(io.rackscope.desktop.config.Ids.expand(part.trim()));
            }
        }
        boolean renodes = !want.isEmpty() && !want.equals(d.instanceIds());
        // edited where it is, then moved: its text goes along as edited
        if (renamed || renodes) {
            e.editDevice(d.key(), d.id(), r.name(), renodes ? nodes : null);
            changed = true;
        }
        if (!d.rackKey().equals(rack.key()) || d.uPosition() != r.u() || d.face() != r.face()) {
            e.moveDevices(List.of(new EstateEdits.Placement(d.key(), rack.key(), r.u(), r.face())));
            changed = true;
        }
        return changed;
    }

    /** "line 7: " for a row of a file, "n001: " for one found elsewhere. */
    private static String where(DeviceRow r) {
        return r.line() > 0 ? "line " + r.line() + ": " : r.id() + ": ";
    }

    @Override
    public void close() {
        checks.forEach(EditCheck::close);
    }
}
