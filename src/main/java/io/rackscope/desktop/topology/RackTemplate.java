package io.rackscope.desktop.topology;

import java.util.List;
import java.util.Locale;

/** A kind of rack: its height, its rack-scope checks and the infrastructure mounted in it. */
public record RackTemplate(
        String id, String name, int uHeight, List<String> checks, List<ComponentRef> components) {
    public RackTemplate {
        checks = List.copyOf(checks);
        components = List.copyOf(components);
    }

    /** Where a rack component is seen. */
    public enum Mount {
        FRONT,
        REAR,
        LEFT,
        RIGHT
    }

    /**
     * A rack component placed in the rack. {@code location} and {@code side} are as written on the
     * reference (null when not), {@code uPosition} its bottom U (1 when not written), {@code
     * uHeight} 0 when the reference gives none.
     */
    public record ComponentRef(
            String id,
            String templateId,
            String location,
            String side,
            int uPosition,
            int uHeight) {

        /**
         * Where it is mounted: the reference's {@code location} (or {@code side}), else its
         * template's. {@code u-mount}, {@code top} and {@code bottom} are in the front of the U
         * space; {@code side}, {@code side-left} and {@code side-right} are the side rails (left
         * unless a side says right).
         */
        public Mount mount(RackComponentTemplate template) {
            String loc = location != null ? location : side;
            String sideGiven = side != null ? side : template == null ? null : template.side();
            if (loc == null && template != null) {
                loc = template.location();
            }
            String l = loc == null ? "" : loc.trim().toLowerCase(Locale.ROOT);
            return switch (l) {
                case "rear", "back" -> Mount.REAR;
                case "left", "side-left" -> Mount.LEFT;
                case "right", "side-right" -> Mount.RIGHT;
                case "side" -> "right".equalsIgnoreCase(sideGiven) ? Mount.RIGHT : Mount.LEFT;
                default -> Mount.FRONT;
            };
        }

        /** Its height in U: the reference's, else the template's, at least 1. */
        public int height(RackComponentTemplate template) {
            return Math.max(1, uHeight > 0 ? uHeight : template == null ? 1 : template.uHeight());
        }
    }
}
