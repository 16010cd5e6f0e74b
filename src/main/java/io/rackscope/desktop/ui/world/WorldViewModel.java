package io.rackscope.desktop.ui.world;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Site;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.EstateEditor;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Palette;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceHandling;
import io.rackscope.desktop.ui.RackTally;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** The sites of the estate with their states and rack counts; opening one goes to it. */
public final class WorldViewModel {
    private final String title;
    private final List<Site> sites;
    private final EstateEditor editor;
    private final HealthSource health;
    private final Navigator navigator;
    private final ViewOptions options;
    private final double textScale;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final Subscriptions subscriptions = new Subscriptions();

    private final PlaceHandling handling;

    /** Acknowledging and maintenance from a right-click on a card. */
    public PlaceHandling handling() {
        return handling;
    }

    private final AppConfig.WorldMap map;

    /**
     * {@code map}: how the world map is set up ({@code map:}), or null when {@code
     * features.worldmap} is off and only the list of sites is shown.
     */
    public WorldViewModel(
            String title,
            List<Site> sites,
            double textScale,
            AppConfig.WorldMap map,
            HealthSource health,
            Navigator navigator,
            ViewOptions options,
            PlaceHandling handling,
            EstateEditing editing) {
        this.handling = handling;
        this.editor = new EstateEditor(editing, options);
        this.title = title.isEmpty() ? "World" : title;
        this.sites = List.copyOf(sites);
        this.textScale = textScale;
        this.map = map;
        this.health = health;
        this.navigator = navigator;
        this.options = options;
        subscriptions.onInvalidate(
                health.snapshotProperty(), o -> revision.set(revision.get() + 1));
    }

    /** Edit mode is on: sites are added on the map and their markers dragged to their place. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    public void addSite(String id, String name, double lat, double lon) {
        editor.edit("Add site " + id, e -> e.addSite(id, name, round(lat), round(lon)));
    }

    public void setLocation(Site site, double lat, double lon) {
        editor.edit(
                "Move site " + site.id() + " on the map",
                e -> e.setLocation(site.id(), round(lat), round(lon)));
    }

    /**
     * The map opens here from now on: its centre and zoom written as {@code map.center} and {@code
     * map.default_zoom} of app.yaml.
     */
    public void openMapHere(double lat, double lon, double zoom) {
        java.util.Map<String, String> at = new java.util.LinkedHashMap<>();
        at.put("map.center.lat", Double.toString(round(lat)));
        at.put("map.center.lon", Double.toString(round(lon)));
        at.put("map.default_zoom", Long.toString(Math.round(zoom)));
        editor.edit("The map opens here", e -> e.settings().set(at));
    }

    /** Four decimals: about 11 m, finer than a marker can be placed. */
    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }

    /** A site deleted with everything it holds (its rooms, aisles, racks and devices). */
    public void deleteSite(Site site) {
        editor.edit("Delete site " + site.id(), e -> e.deleteSite(site.id()));
    }

    /** What deleting {@code site} takes with it, for the question asked first. */
    public String holds(Site site) {
        long racks = site.rooms().stream().mapToLong(r -> r.racks().count()).sum();
        return io.rackscope.desktop.ui.Formats.count(site.rooms().size(), "room")
                + " and "
                + io.rackscope.desktop.ui.Formats.count((int) racks, "rack");
    }

    public void renameSite(Site site, String name) {
        editor.edit("Rename site " + site.id(), e -> e.rename("site", site.id(), name));
    }

    public String nextSiteId() {
        return EstateEditor.nextId(sites.stream().map(Site::id).toList(), "site", "01");
    }

    public String title() {
        return title;
    }

    public List<Site> sites() {
        return sites;
    }

    /** Grows by one per snapshot: the view redraws on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public Severity state(Site site) {
        return health.current().sites().getOrDefault(site.id(), Severity.UNKNOWN);
    }

    /** "3 rooms · racks: 1 CRIT · 39 OK". */
    public String counts(Site site) {
        return health.view("world-site:" + site.id(), s -> counts(s, site));
    }

    private static String counts(HealthSnapshot s, Site site) {
        return Formats.count(site.rooms().size(), "room")
                + " · racks: "
                + RackTally.of(s, site.rooms().stream().flatMap(Room::racks));
    }

    /** The alerts located in {@code site}'s racks. */
    public Predicate<Alert> alertsOf(Site site) {
        Set<String> racks = new HashSet<>();
        site.rooms().forEach(r -> r.racks().forEach(k -> racks.add(k.key())));
        return a -> a.rack() != null && racks.contains(a.rack());
    }

    /** The map's settings; empty when the map is off and only the site list shows. */
    public Optional<AppConfig.WorldMap> map() {
        return Optional.ofNullable(map);
    }

    public void open(Site site) {
        navigator.go(Place.of(Place.Kind.SITE, site.id()));
    }

    public Palette palette() {
        return options.palette();
    }

    public double textScale() {
        return textScale;
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
