package io.rackscope.desktop.ui.rack;

import io.rackscope.desktop.topology.DeviceTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * What a device's front and rear look like in a rack: its name, then its node slots laid out as its
 * template's matrix (and a storage device's disk bays), or on the rear its components as {@code
 * rear_layout} places them. The same in the rack elevation and in the template editor, which say
 * through {@link Cells} what each cell shows and does.
 */
public final class DeviceFace {
    /** A U of rack, in pixels. */
    public static final double U = 21;

    /** A device's width. */
    public static final double WIDTH = 340;

    /** The U numbers' column, left of the devices. */
    public static final double NUMBERS = 30;

    private static final double NAME = 104;

    /** Each cell as it is made, at its row and column of its matrix. */
    public interface Cells {
        /** The cell of front slot {@code slot}. */
        void node(StackPane cell, int row, int col, int slot);

        /** Disk bay {@code slot}. */
        void disk(StackPane bay, int row, int col, int slot);

        /**
         * Rear component number {@code number} (1 is the first), {@code part} null when the
         * template has no such component.
         */
        void rear(StackPane cell, int row, int col, int number, DeviceTemplate.RearComponent part);
    }

    private DeviceFace() {}

    /** A device's outline, {@code height} U high, its parts left to right. */
    public static HBox block(int height, double spacing) {
        HBox block = new HBox(spacing);
        block.getStyleClass().add("device-block");
        block.setPrefSize(WIDTH, height * U);
        block.setMinSize(WIDTH, height * U);
        block.setMaxSize(WIDTH, height * U);
        block.setAlignment(Pos.CENTER_LEFT);
        return block;
    }

    /**
     * A rack face of {@code units} U, numbered, empty but for {@code block} at U {@code at} (its
     * bottom U) over {@code height} U.
     */
    public static Pane frame(int units, Node block, int at, int height) {
        Pane frame = new Pane();
        frame.getStyleClass().add("rack-frame");
        frame.setMinSize(NUMBERS + WIDTH + 16, units * U + 12);
        frame.setMaxSize(NUMBERS + WIDTH + 16, units * U + 12);
        for (int u = 1; u <= units; u++) {
            double y = top(units, u, 1);
            Label n = new Label(Integer.toString(u));
            n.getStyleClass().add("u-number");
            n.relocate(6, y + 4);
            Region slot = new Region();
            slot.getStyleClass().add("u-empty");
            slot.relocate(NUMBERS, y);
            slot.setPrefSize(WIDTH, U);
            frame.getChildren().addAll(n, slot);
        }
        block.relocate(NUMBERS, top(units, at, height));
        frame.getChildren().add(block);
        return frame;
    }

    /** Where a thing at U {@code uPosition} over {@code height} U starts, from the frame's top. */
    public static double top(int units, int uPosition, int height) {
        return (units - (uPosition + height - 1)) * U + 6;
    }

    /** The front of a device of template {@code t} (null: unknown) that is {@code height} U. */
    public static List<Node> front(String name, DeviceTemplate t, int height, Cells cells) {
        GridPane grid = grid(2);
        HBox.setHgrow(grid, Priority.ALWAYS);
        int[][] matrix = t == null || t.matrix().length == 0 ? new int[][] {{1}} : t.matrix();
        boolean disks = t != null && t.disks().length > 0;
        int cols = columns(matrix);
        double nodesWide = disks ? 16 * cols : WIDTH - 120;
        double w = Math.max(8, nodesWide / Math.max(1, cols) - 2);
        double h = Math.max(6, (height * U - 6) / matrix.length - 2);
        for (int r = 0; r < matrix.length; r++) {
            for (int c = 0; c < matrix[r].length; c++) {
                StackPane cell = cell(w, h, "node-cell");
                cells.node(cell, r, c, matrix[r][c]);
                grid.add(cell, c, r);
            }
        }
        List<Node> out = new ArrayList<>(List.of(name(name), grid));
        if (disks) {
            grid.setMaxWidth(nodesWide);
            HBox.setHgrow(grid, Priority.NEVER);
            out.add(bays(t.disks(), height, WIDTH - 120 - nodesWide - 4, cells));
        }
        return out;
    }

    private static Node bays(int[][] bays, int height, double wide, Cells cells) {
        GridPane grid = grid(1);
        double w = Math.max(3, wide / Math.max(1, columns(bays)) - 1);
        double h = Math.max(3, (height * U - 6) / bays.length - 1);
        for (int r = 0; r < bays.length; r++) {
            for (int c = 0; c < bays[r].length; c++) {
                StackPane bay = cell(w, h, "disk-cell");
                cells.disk(bay, r, c, bays[r][c]);
                grid.add(bay, c, r);
            }
        }
        return grid;
    }

    /**
     * The rear: its components side by side, or where {@code rear_layout} puts them (each cell of
     * it naming a component by its number).
     */
    public static List<Node> rear(String name, DeviceTemplate t, int height, Cells cells) {
        List<Node> out = new ArrayList<>(List.of(name(name)));
        List<DeviceTemplate.RearComponent> parts = t == null ? List.of() : t.rearComponents();
        int[][] layout = t == null ? new int[0][] : t.rear();
        if (layout.length == 0) {
            double w = Math.max(24, (WIDTH - 120) / Math.max(1, parts.size()) - 3);
            for (int i = 0; i < parts.size(); i++) {
                StackPane cell = part(parts.get(i), w, height * U - 8);
                cells.rear(cell, 0, i, i + 1, parts.get(i));
                out.add(cell);
            }
            return out;
        }
        GridPane grid = grid(2);
        double w = Math.max(16, (WIDTH - 120) / Math.max(1, columns(layout)) - 2);
        double h = Math.max(6, (height * U - 6) / layout.length - 2);
        for (int r = 0; r < layout.length; r++) {
            for (int c = 0; c < layout[r].length; c++) {
                int n = layout[r][c];
                DeviceTemplate.RearComponent part =
                        n >= 1 && n <= parts.size() ? parts.get(n - 1) : null;
                StackPane cell = part(part, w, h);
                cells.rear(cell, r, c, n, part);
                grid.add(cell, c, r);
            }
        }
        out.add(grid);
        return out;
    }

    private static StackPane part(DeviceTemplate.RearComponent part, double w, double h) {
        StackPane cell = cell(w, h, "node-cell");
        if (part != null) {
            cell.getChildren().add(new Label(part.type().toUpperCase(Locale.ROOT)));
        }
        return cell;
    }

    private static StackPane cell(double w, double h, String style) {
        StackPane cell = new StackPane();
        cell.getStyleClass().addAll("sev", "sev-fill", style);
        cell.setPrefSize(w, h);
        cell.setMinSize(w, h);
        double side = Math.min(w, h);
        if (side >= io.rackscope.desktop.ui.StateMark.MIN) {
            // the state's shape (styled by the cell's state), so colour is never the only cue
            Region mark = new Region();
            mark.getStyleClass().add("state-mark");
            mark.setMouseTransparent(true);
            mark.setMaxSize(side * 0.6, side * 0.6);
            mark.setPrefSize(side * 0.6, side * 0.6);
            cell.getChildren().add(mark);
        }
        return cell;
    }

    private static Label name(String text) {
        Label name = new Label(text);
        name.getStyleClass().add("device-name");
        name.setMinWidth(NAME);
        name.setPrefWidth(NAME);
        name.setMaxWidth(NAME);
        return name;
    }

    private static GridPane grid(double gap) {
        GridPane grid = new GridPane();
        grid.setHgap(gap);
        grid.setVgap(gap);
        return grid;
    }

    private static int columns(int[][] m) {
        int cols = 0;
        for (int[] row : m) {
            cols = Math.max(cols, row.length);
        }
        return cols;
    }
}
