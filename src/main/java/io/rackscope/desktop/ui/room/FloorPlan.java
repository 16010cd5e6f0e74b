package io.rackscope.desktop.ui.room;

import io.rackscope.desktop.topology.Aisle;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.RoomLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;

/**
 * Where things are on a room's floor, in floor pixels: the room outline in grid cells, one row per
 * aisle (standalone racks last), each rack a tile. Finding the rack under a point is index math on
 * row and column.
 */
public final class FloorPlan {
    static final double CELL = 36;
    static final double FIRST_COLUMN = 3;
    static final double TILE_W = CELL - 4;
    static final double TILE_H = 1.3 * CELL;

    /** An aisle's row: its name and racks, its racks' top in floor pixels. */
    public record Row(String aisleId, String name, List<Rack> racks, double y) {}

    final int widthCells;
    final int heightCells;
    final List<Row> rows = new ArrayList<>();
    final Map<String, Rectangle2D> tiles = new LinkedHashMap<>();
    final RoomLayout layout;

    public FloorPlan(Room room) {
        layout = room.layout();
        List<Aisle> aisles = room.aisles();
        for (int i = 0; i < aisles.size(); i++) {
            rows.add(
                    new Row(
                            aisles.get(i).id(),
                            aisles.get(i).name(),
                            aisles.get(i).racks(),
                            rowY(i)));
        }
        if (!room.standaloneRacks().isEmpty()) {
            rows.add(new Row(null, "Standalone", room.standaloneRacks(), rowY(aisles.size())));
        }
        int longest = rows.stream().mapToInt(r -> r.racks().size()).max().orElse(0);
        widthCells = Math.max((int) Math.ceil(layout.width()), longest + 8);
        heightCells = Math.max((int) Math.ceil(layout.height()), rows.size() * 3 + 3);
        for (Row row : rows) {
            for (int j = 0; j < row.racks().size(); j++) {
                tiles.put(
                        row.racks().get(j).key(),
                        new Rectangle2D((FIRST_COLUMN + j) * CELL + 2, row.y(), TILE_W, TILE_H));
            }
        }
    }

    private static double rowY(int i) {
        return (1.6 + 3 * i) * CELL;
    }

    /** The room's width: its layout's size when that is larger than its racks need. */
    public double width() {
        return (widthCells > Math.ceil(layout.width()) ? widthCells : layout.width()) * CELL;
    }

    public double height() {
        return (heightCells > Math.ceil(layout.height()) ? heightCells : layout.height()) * CELL;
    }

    /** The aisle row whose band holds {@code y} (its label and racks), or null. */
    Row rowAt(double y) {
        int i = (int) Math.floor((y / CELL - 1.6) / 3);
        return i < 0 || i >= rows.size() ? null : rows.get(i);
    }

    /** The rack whose tile holds the floor point, or null. */
    public Rack rackAt(double x, double y) {
        int i = (int) Math.floor((y / CELL - 1.6) / 3);
        if (i < 0 || i >= rows.size()) {
            return null;
        }
        Row row = rows.get(i);
        int j = (int) Math.floor(x / CELL - FIRST_COLUMN);
        if (j < 0 || j >= row.racks().size()) {
            return null;
        }
        Rack r = row.racks().get(j);
        return tiles.get(r.key()).contains(x, y) ? r : null;
    }

    /**
     * Where a rack dropped at floor x lands in {@code row}: how many of the row's racks stand
     * before it (0 to the row's size).
     */
    static int slotAt(Row row, double x) {
        int slot = (int) Math.round(x / CELL - FIRST_COLUMN);
        return Math.max(0, Math.min(row.racks().size(), slot));
    }

    /** The floor x of the gap before slot {@code slot} of a row. */
    static double slotX(int slot) {
        return (FIRST_COLUMN + slot) * CELL;
    }

    /** Each rack's tile by its key, in floor pixels. */
    public Map<String, Rectangle2D> tiles() {
        return Collections.unmodifiableMap(tiles);
    }

    /** The aisle rows, top to bottom (standalone racks last). */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Where the racks of a row start, in floor pixels. */
    public static double firstColumnX() {
        return FIRST_COLUMN * CELL;
    }
}
