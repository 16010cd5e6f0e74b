package io.rackscope.desktop.ui.capacity;

import io.rackscope.desktop.alerting.Csv;
import io.rackscope.desktop.capacity.Capacity;
import io.rackscope.desktop.capacity.RackCapacity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.ChartSource;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.ViewOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The capacity table: every rack of the scope with its free U, largest free run per face, power by
 * nameplate, drawn now and at its peak over 24 h, budget, headroom and heat load; the rooms' totals
 * against their cooling; and "where does a device of N U and W watts fit?", whose answer the floor
 * outlines. Power comes from the estate's rack power metric (the first rack-level definition in W
 * or kW), asked in batches at the moment shown.
 */
public final class CapacityViewModel {
    static final Duration PEAK = Duration.ofHours(24);

    /** One row: a rack's capacity and where it is. */
    public record Row(RackCapacity capacity, String room) {}

    private final RackscopeConfig config;
    private final Capacity capacity;
    private final ChartSource charts;
    private final Clock clock;
    private final Navigator navigator;
    private final ViewOptions options;
    private final Executor fx;
    private final List<Room> rooms;
    private final MetricDefinition power;
    private final ReadOnlyObjectWrapper<List<Row>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");
    private final ReadOnlyStringWrapper fitSaid = new ReadOnlyStringWrapper(this, "fitSaid", "");
    private final ReadOnlyStringWrapper powerSaid =
            new ReadOnlyStringWrapper(this, "powerSaid", "");

    public CapacityViewModel(
            RackscopeConfig config,
            Locator locator,
            String scope,
            ChartSource charts,
            Clock clock,
            Navigator navigator,
            ViewOptions options,
            Executor fx) {
        this.config = config;
        this.capacity = new Capacity(config);
        this.charts = charts;
        this.clock = clock;
        this.navigator = navigator;
        this.options = options;
        this.fx = fx;
        this.rooms = locator.roomsOf(scope);
        this.power =
                capacity.powerMetric(rooms.stream().flatMap(Room::racks).toList()).orElse(null);
        show(Map.of(), Map.of());
        load();
    }

    /** Asks every rack's power now and its peak over the last 24 h (when there is a metric). */
    public void load() {
        if (power == null) {
            powerSaid.set(
                    "No rack metric in W or kW: power is by the devices' nameplates (power_w)"
                            + " only");
            return;
        }
        List<String> ids = new ArrayList<>();
        rooms.forEach(room -> room.racks().forEach(r -> ids.add(r.id())));
        java.time.Instant at = clock.instant();
        double scale = Capacity.wattsPerUnit(power);
        powerSaid.set("Asking " + power.name() + " of " + ids.size() + " racks…");
        charts.valuesAt(power, ids, at)
                .thenCombine(
                        charts.peaksAt(power, ids, at, PEAK),
                        (now, peak) -> {
                            fx.execute(
                                    () -> {
                                        show(scaled(now, scale), scaled(peak, scale));
                                        powerSaid.set(
                                                "Power: "
                                                        + power.name()
                                                        + " now and its highest over 24 h");
                                    });
                            return null;
                        })
                .exceptionally(
                        e -> {
                            fx.execute(
                                    () ->
                                            powerSaid.set(
                                                    "Power not known: "
                                                            + Optional.ofNullable(e.getCause())
                                                                    .orElse(e)
                                                                    .getMessage()));
                            return null;
                        });
    }

    private static Map<String, Double> scaled(Map<String, Double> v, double by) {
        Map<String, Double> out = new java.util.HashMap<>();
        v.forEach((k, x) -> out.put(k, x * by));
        return out;
    }

    private void show(Map<String, Double> now, Map<String, Double> peak) {
        List<Row> out = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, List<Capacity.RoomTotals>> bySite = new java.util.LinkedHashMap<>();
        for (Room room : rooms) {
            List<RackCapacity> of = new ArrayList<>();
            for (Rack r : room.racks().toList()) {
                RackCapacity c =
                        capacity.of(
                                r,
                                now.getOrDefault(r.id(), Double.NaN),
                                peak.getOrDefault(r.id(), Double.NaN));
                of.add(c);
                out.add(new Row(c, room.name()));
            }
            Capacity.RoomTotals t = Capacity.totals(room, of);
            lines.add(line(t));
            bySite.computeIfAbsent(room.siteId(), k -> new ArrayList<>()).add(t);
        }
        bySite.forEach(
                (site, totals) -> {
                    if (totals.size() > 1) {
                        lines.add(siteLine(site, totals));
                    }
                });
        rows.set(List.copyOf(out));
        totals.set(String.join("\n", lines));
    }

    /** "Hall A: 12.3 kW now, peak 14.1 kW, nameplates 20 kW; cooling 30 kW, 41 % used". */
    static String line(Capacity.RoomTotals t) {
        StringBuilder b = new StringBuilder(t.room().name()).append(": ");
        b.append(Double.isNaN(t.nowWatts()) ? "power not measured" : kw(t.nowWatts()) + " now");
        if (!Double.isNaN(t.peakWatts())) {
            b.append(", peak ").append(kw(t.peakWatts()));
        }
        if (!Double.isNaN(t.nameplateWatts())) {
            b.append(", nameplates ").append(kw(t.nameplateWatts()));
        }
        if (!Double.isNaN(t.coolingKw())) {
            b.append("; cooling ").append(Formats.value(t.coolingKw())).append(" kW");
            if (!Double.isNaN(t.coolingUsed())) {
                b.append(String.format(Locale.ROOT, ", %.0f %% used", 100 * t.coolingUsed()));
            }
        }
        return b.toString();
    }

    /** "Site fra1 (2 rooms): 80 kW now, peak 95 kW; cooling 120 kW" — its rooms' sums. */
    static String siteLine(String site, List<Capacity.RoomTotals> rooms) {
        double now = Capacity.sum(rooms, Capacity.RoomTotals::nowWatts);
        double peak = Capacity.sum(rooms, Capacity.RoomTotals::peakWatts);
        double cooling = Capacity.sum(rooms, Capacity.RoomTotals::coolingKw);
        StringBuilder b =
                new StringBuilder("Site ")
                        .append(site)
                        .append(" (")
                        .append(rooms.size())
                        .append(" rooms): ");
        b.append(Double.isNaN(now) ? "power not measured" : kw(now) + " now");
        if (!Double.isNaN(peak)) {
            b.append(", peak ").append(kw(peak));
        }
        if (!Double.isNaN(cooling)) {
            b.append("; cooling ")
                    .append(Formats.value(cooling))
                    .append(" kW (rooms that give it)");
        }
        return b.toString();
    }

    private static String kw(double watts) {
        return Formats.value(watts / 1000) + " kW";
    }

    public ReadOnlyObjectProperty<List<Row>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** One line per room: power now, peak, nameplates, against cooling. */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** Where power comes from, or why it is not known. */
    public ReadOnlyStringProperty powerSaidProperty() {
        return powerSaid.getReadOnlyProperty();
    }

    /** What the last "where does it fit?" found. */
    public ReadOnlyStringProperty fitSaidProperty() {
        return fitSaid.getReadOnlyProperty();
    }

    /**
     * "Where does a {@code units} U, {@code watts} W device fit?": the racks with a free run that
     * long and the headroom, outlined on the floor; the answer says how many and where.
     */
    public List<Row> fit(int units, double watts) {
        List<Row> found = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Row r : rows.get()) {
            if (r.capacity().fits(units, watts)) {
                found.add(r);
                keys.add(r.capacity().rack().key());
            }
        }
        options.fitsProperty().set(Set.copyOf(keys));
        fitSaid.set(
                found.isEmpty()
                        ? "No rack has "
                                + units
                                + " U free in one run and "
                                + watts(watts)
                                + " to spare"
                        : found.size()
                                + (found.size() == 1 ? " rack has" : " racks have")
                                + " room for "
                                + units
                                + " U and "
                                + watts(watts)
                                + ": outlined on the floor");
        return found;
    }

    private static String watts(double w) {
        return w >= 1000 ? Formats.value(w / 1000) + " kW" : Formats.value(w) + " W";
    }

    /** Forgets the last fit: nothing outlined. */
    public void clearFit() {
        options.fitsProperty().set(Set.of());
        fitSaid.set("");
    }

    /** The floor of the room of {@code r}, the rack highlighted. */
    public void open(Row r) {
        Rack rack = r.capacity().rack();
        navigator.go(Place.of(Place.Kind.ROOM, rack.roomKey()).highlighting(rack.key()));
    }

    /** The first room with a rack that fits, for "Show on floor". */
    public void showFits() {
        rows.get().stream()
                .filter(r -> options.fitsProperty().get().contains(r.capacity().rack().key()))
                .findFirst()
                .ifPresent(
                        r ->
                                navigator.go(
                                        Place.of(Place.Kind.ROOM, r.capacity().rack().roomKey())));
    }

    /** {@code rows} as CSV with a header. */
    public String csv(List<Row> rows) {
        StringBuilder b =
                new StringBuilder(
                        "rack,room,free_u_front,free_u_rear,largest_free_front,largest_free_rear,"
                                + "nameplate_w,now_w,peak_24h_w,budget_w,headroom_w,heat_btu_h\n");
        for (Row r : rows) {
            RackCapacity c = r.capacity();
            b.append(
                            String.join(
                                    ",",
                                    Csv.field(c.rack().id()),
                                    Csv.field(r.room()),
                                    Integer.toString(c.freeFront()),
                                    Integer.toString(c.freeRear()),
                                    Integer.toString(c.largestFront()),
                                    Integer.toString(c.largestRear()),
                                    number(c.nameplateWatts()),
                                    number(c.nowWatts()),
                                    number(c.peakWatts()),
                                    number(c.budgetWatts()),
                                    number(c.headroomWatts()),
                                    number(c.heatBtuPerHour())))
                    .append('\n');
        }
        return b.toString();
    }

    /** A cell's number: whole, or empty when not known. */
    static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f", v);
    }
}
