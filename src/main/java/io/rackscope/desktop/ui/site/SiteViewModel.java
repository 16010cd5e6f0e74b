package io.rackscope.desktop.ui.site;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.topology.Rack;
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
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/** A site's rooms with their states and racks; opening a room or a rack goes there. */
public final class SiteViewModel {
    private final Site site;
    private final EstateEditor editor;
    private final HealthSource health;
    private final Navigator navigator;
    private final ViewOptions options;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final Subscriptions subscriptions = new Subscriptions();

    private final PlaceHandling handling;

    /** Acknowledging and maintenance from a right-click on a card. */
    public PlaceHandling handling() {
        return handling;
    }

    public SiteViewModel(
            Site site,
            HealthSource health,
            Navigator navigator,
            ViewOptions options,
            PlaceHandling handling,
            EstateEditing editing) {
        this.handling = handling;
        this.editor = new EstateEditor(editing, options);
        this.site = site;
        this.health = health;
        this.navigator = navigator;
        this.options = options;
        subscriptions.onInvalidate(
                health.snapshotProperty(), o -> revision.set(revision.get() + 1));
    }

    /** Edit mode is on: rooms are added, renamed and deleted here. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    public void addRoom(String id, String name) {
        editor.edit("Add room " + id, e -> e.addRoom(site.id(), id, name));
    }

    public void renameRoom(Room room, String name) {
        editor.edit("Rename room " + room.id(), e -> e.rename("room", room.key(), name));
    }

    public void deleteRoom(Room room) {
        editor.edit("Delete room " + room.id(), e -> e.deleteRoom(room.key()));
    }

    /** A new room's id: the next after the site's last numbered one. */
    public String nextRoomId() {
        return EstateEditor.nextId(site.rooms().stream().map(Room::id).toList(), "room", "01");
    }

    public String title() {
        return site.name();
    }

    /** Address and coordinates, or the description when the site has no location. */
    public String where() {
        if (site.location() == null) {
            return site.description();
        }
        String address = site.location().address();
        return (address.isEmpty() ? "" : address + " · ")
                + String.format(
                        Locale.ROOT, "%.3f, %.3f", site.location().lat(), site.location().lon());
    }

    public List<Room> rooms() {
        return site.rooms();
    }

    /** Grows by one per snapshot: the view rebuilds on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public Severity state(Room room) {
        return health.current().rooms().getOrDefault(room.key(), Severity.UNKNOWN);
    }

    public Severity state(Rack rack) {
        return health.current().rack(rack.key());
    }

    /** "2 aisles · 12 racks — 1 CRIT · 11 OK". */
    public String facts(Room room) {
        return health.view("site-room:" + room.key(), s -> facts(s, room));
    }

    private static String facts(HealthSnapshot s, Room room) {
        return Formats.count(room.aisles().size(), "aisle")
                + " · "
                + Formats.count(room.racks().count(), "rack")
                + "  —  "
                + RackTally.of(s, room.racks());
    }

    public void open(Room room) {
        navigator.go(Place.of(Place.Kind.ROOM, room.key()));
    }

    public void open(Rack rack) {
        navigator.go(Place.of(Place.Kind.RACK, rack.key()));
    }

    /** The colours of the theme shown (the miniature floors are drawn, not styled). */
    public Palette palette() {
        return options.palette();
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
