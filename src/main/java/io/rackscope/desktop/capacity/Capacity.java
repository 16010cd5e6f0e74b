package io.rackscope.desktop.capacity;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.DeviceTemplate;
import io.rackscope.desktop.topology.Face;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.RackRoom;
import io.rackscope.desktop.topology.Room;
import java.util.Collection;
import java.util.function.ToIntFunction;

/** Racks' and rooms' capacity from the estate's layout and, where known, the power they draw. */
public final class Capacity {
    private final RackscopeConfig config;
    private final ToIntFunction<String> heightOf;

    public Capacity(RackscopeConfig config) {
        this.config = config;
        this.heightOf = t -> config.templates().device(t).map(DeviceTemplate::uHeight).orElse(1);
    }

    /**
     * A rack's capacity with its power drawn {@code nowWatts} and {@code peakWatts} (NaN: unknown).
     */
    public RackCapacity of(Rack rack, double nowWatts, double peakWatts) {
        return new RackCapacity(
                rack,
                free(rack, Face.FRONT),
                free(rack, Face.REAR),
                largest(rack, Face.FRONT),
                largest(rack, Face.REAR),
                nameplate(rack),
                rack.powerBudgetWatts(),
                nowWatts,
                peakWatts);
    }

    private int free(Rack rack, Face face) {
        int used = 0;
        for (Device d : rack.devices()) {
            if (d.face() == face) {
                used += Math.max(1, heightOf.applyAsInt(d.templateId()));
            }
        }
        return Math.max(0, rack.uHeight() - used);
    }

    private int largest(Rack rack, Face face) {
        return RackRoom.largestFree(rack, heightOf, face).map(RackRoom.Free::units).orElse(0);
    }

    /**
     * The estate's rack power metric for {@code racks}: the first rack-level definition measured in
     * W or kW.
     */
    public java.util.Optional<io.rackscope.desktop.metrics.MetricDefinition> powerMetric(
            Collection<Rack> racks) {
        for (Rack r : racks) {
            for (io.rackscope.desktop.metrics.MetricDefinition m : config.metricsFor(r)) {
                if (wattsPerUnit(m) > 0) {
                    return java.util.Optional.of(m);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Watts per unit of a power definition: 1 for W, 1000 for kW, 0 for anything else. */
    public static double wattsPerUnit(io.rackscope.desktop.metrics.MetricDefinition m) {
        String unit = m.display().unit() == null ? "" : m.display().unit().trim();
        return unit.equals("W") ? 1 : unit.equalsIgnoreCase("kW") ? 1000 : 0;
    }

    /** The sum of its devices' nameplates; NaN when none of them has one. */
    public double nameplate(Rack rack) {
        double sum = 0;
        boolean any = false;
        for (Device d : rack.devices()) {
            double w =
                    config.templates()
                            .device(d.templateId())
                            .map(DeviceTemplate::powerWatts)
                            .orElse(Double.NaN);
            if (!Double.isNaN(w)) {
                sum += w;
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    /**
     * A room's totals: power drawn now and at the peak (the sum of its racks', those without a
     * value left out), nameplates, and its cooling capacity ({@code cooling_capacity_kw}).
     */
    public record RoomTotals(
            Room room, double nowWatts, double peakWatts, double nameplateWatts, double coolingKw) {
        /** The share of its cooling the heat drawn now takes (NaN without cooling or power). */
        public double coolingUsed() {
            return nowWatts / 1000 / coolingKw;
        }
    }

    /** The totals of {@code room} over its racks' capacities. */
    public static RoomTotals totals(Room room, Collection<RackCapacity> racks) {
        return new RoomTotals(
                room,
                sum(racks, RackCapacity::nowWatts),
                sum(racks, RackCapacity::peakWatts),
                sum(racks, RackCapacity::nameplateWatts),
                room.coolingKilowatts());
    }

    /**
     * The sum of {@code f} over {@code items}, those without a value (NaN) left out; NaN if all.
     */
    public static <T> double sum(Collection<T> items, java.util.function.ToDoubleFunction<T> f) {
        double s = 0;
        boolean any = false;
        for (T r : items) {
            double v = f.applyAsDouble(r);
            if (!Double.isNaN(v)) {
                s += v;
                any = true;
            }
        }
        return any ? s : Double.NaN;
    }
}
