package io.rackscope.desktop.topology;

/**
 * A room's floor in grid cells, as its {@code layout:} block draws it; its size may have decimals
 * (0 when not given).
 */
public record RoomLayout(
        String shape,
        double width,
        double height,
        String north,
        boolean gridEnabled,
        int cellSize,
        String doorSide,
        String doorLabel,
        double doorPosition) {

    public static final RoomLayout DEFAULT =
            new RoomLayout("rectangle", 0, 0, "top", true, 28, "south", "", 0.5);
}
