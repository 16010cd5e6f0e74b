package io.rackscope.desktop.ui.wallboard;

import io.rackscope.desktop.topology.Aisle;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each node's cell goes: rooms one under another; within a room the aisles flow like words on
 * a page, each aisle a captioned row of rack blocks (wrapping when wider than the page), each rack
 * a block of cells in {@code columns} columns. The largest cell size that fits the area is chosen,
 * so a room of 80 nodes gets big cells and an estate of 100,000 gets small ones; blocks of 8
 * columns (rack-like) unless wider ones give larger cells (a wide screen is filled, not its left
 * half). Hit testing is index math within a block.
 */
final class WallboardLayout {
    /** The columns a rack's block may have, the rack-like narrow one first. */
    static final int[] COLUMN_CHOICES = {8, 12, 16, 24};

    /**
     * A heading (a room) or a caption (an aisle, a rack) at (x, y), at most {@code width} wide;
     * {@code shorter} is said when {@code text} does not fit (a rack's id for its name).
     */
    record Label(String text, String shorter, double x, double y, boolean heading, double width) {}

    /** A rack's block: where its first cell is and which cell indexes it holds. */
    record Block(Rack rack, double x, double y, int first, int count) {}

    final int cell;
    final int columns;
    final int pitch;
    final double[] x;
    final double[] y;
    final List<Label> labels = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    final boolean fits;
    final double labelHeight;

    /** Where the cells of a room on another page are: off the canvas, never painted or hit. */
    static final double ELSEWHERE = -1e6;

    private WallboardLayout(
            List<Room> rooms,
            java.util.Set<Room> shown,
            int total,
            double width,
            double height,
            int cell,
            int columns,
            double scale) {
        this.cell = cell;
        this.columns = columns;
        this.pitch = cell + (cell >= 3 ? 1 : 0);
        this.x = new double[total];
        this.y = new double[total];
        this.labelHeight = cell >= 5 ? Math.round(15 * scale) : 0;
        double gap = Math.max(3, cell);
        double blockW = columns * pitch;
        double cy = 0;
        int index = 0;
        for (Room room : rooms) {
            if (!shown.contains(room)) {
                for (Rack rack : room.racks().toList()) {
                    for (int i = 0; i < nodes(rack); i++) {
                        x[index] = ELSEWHERE;
                        y[index] = ELSEWHERE;
                        index++;
                    }
                }
                continue;
            }
            String roomTitle = room.siteId() + " / " + room.name();
            labels.add(new Label(roomTitle, room.key(), 0, cy, true, width));
            cy += Math.round(16 * scale);
            List<List<Rack>> groups = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Aisle a : room.aisles()) {
                groups.add(a.racks());
                names.add(a.name());
            }
            if (!room.standaloneRacks().isEmpty()) {
                groups.add(room.standaloneRacks());
                names.add("Standalone");
            }
            double cx = 0;
            double lineHeight = 0;
            for (int g = 0; g < groups.size(); g++) {
                List<Rack> racks = groups.get(g);
                double groupW = Math.min(width, racks.size() * (blockW + gap));
                if (cx > 0 && cx + groupW > width) {
                    cx = 0;
                    cy += lineHeight + gap * 2;
                    lineHeight = 0;
                }
                double top = cy;
                if (labelHeight > 0) {
                    labels.add(new Label(names.get(g), names.get(g), cx, top, false, groupW));
                }
                double rx = cx;
                double ry = top + labelHeight;
                double rowHeight = 0;
                for (Rack rack : racks) {
                    int n = nodes(rack);
                    double blockH = labelHeight + Math.ceil(n / (double) columns) * pitch;
                    if (rx + blockW > width && rx > cx) {
                        rx = cx;
                        ry += rowHeight + gap;
                        rowHeight = 0;
                    }
                    if (labelHeight > 0) {
                        labels.add(new Label(rack.name(), rack.id(), rx, ry, false, blockW));
                    }
                    blocks.add(new Block(rack, rx, ry + labelHeight, index, n));
                    for (int i = 0; i < n; i++) {
                        x[index] = rx + (i % columns) * pitch;
                        y[index] = ry + labelHeight + (i / columns) * pitch;
                        index++;
                    }
                    rx += blockW + gap;
                    rowHeight = Math.max(rowHeight, blockH);
                }
                lineHeight = Math.max(lineHeight, ry + rowHeight - cy);
                cx += groupW + gap * 3;
            }
            cy += lineHeight + gap * 3;
        }
        this.fits = cy <= height;
    }

    /** A rack's cells: one per node, one for a device without nodes. */
    static int nodes(Rack rack) {
        return (int)
                rack.devices().stream().mapToLong(d -> Math.max(1, d.instances().size())).sum();
    }

    /**
     * The largest cell size (1..40 px) whose layout fits {@code width} x {@code height}, over the
     * block widths of {@link #COLUMN_CHOICES} (the narrowest wins a tie).
     */
    static WallboardLayout fit(
            List<Room> rooms, int total, double width, double height, double scale) {
        return fit(rooms, java.util.Set.copyOf(rooms), total, width, height, scale);
    }

    /** As above, the rooms of {@code shown} alone laid out, the others' cells elsewhere. */
    static WallboardLayout fit(
            List<Room> rooms,
            java.util.Set<Room> shown,
            int total,
            double width,
            double height,
            double scale) {
        WallboardLayout best = null;
        for (int columns : COLUMN_CHOICES) {
            WallboardLayout l = fit(rooms, shown, total, width, height, columns, scale);
            if (best == null || l.fits && (!best.fits || l.cell > best.cell)) {
                best = l;
            }
        }
        return best;
    }

    /** The largest cell size whose layout in blocks of {@code columns} fits, found by bisection. */
    private static WallboardLayout fit(
            List<Room> rooms,
            java.util.Set<Room> shown,
            int total,
            double width,
            double height,
            int columns,
            double scale) {
        WallboardLayout best =
                new WallboardLayout(rooms, shown, total, width, height, 1, columns, scale);
        int lo = 2;
        int hi = 40;
        while (lo <= hi) {
            int mid = (lo + hi) / 2;
            WallboardLayout l =
                    new WallboardLayout(rooms, shown, total, width, height, mid, columns, scale);
            if (l.fits) {
                best = l;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /**
     * The rooms in pages whose cells are each at least {@code minCell} px (read from across the
     * room), in order: as many rooms on a page as keep that size; a room too large for it alone is
     * a page of its own, as large as it can be. {@code minCell} 0: one page of everything.
     */
    static List<List<Room>> pages(
            List<Room> rooms, int total, double width, double height, double scale, int minCell) {
        List<List<Room>> out = new ArrayList<>();
        if (minCell <= 0 || fit(rooms, total, width, height, scale).cell >= minCell) {
            out.add(List.copyOf(rooms));
            return out;
        }
        List<Room> page = new ArrayList<>();
        for (Room room : rooms) {
            List<Room> more = new ArrayList<>(page);
            more.add(room);
            if (page.isEmpty()
                    || fit(rooms, java.util.Set.copyOf(more), total, width, height, scale).cell
                            >= minCell) {
                page = more;
            } else {
                out.add(page);
                page = new ArrayList<>(List.of(room));
            }
        }
        out.add(page);
        return out;
    }

    /** The cell index under a point, or -1. */
    int cellAt(double px, double py) {
        for (Block b : blocks) {
            if (px >= b.x()
                    && px < b.x() + columns * pitch
                    && py >= b.y()
                    && py < b.y() + Math.ceil(b.count() / (double) columns) * pitch) {
                int col = (int) ((px - b.x()) / pitch);
                int row = (int) ((py - b.y()) / pitch);
                int i = row * columns + col;
                return i < b.count() ? b.first() + i : -1;
            }
        }
        return -1;
    }
}
