package io.rackscope.desktop.ui;

import io.rackscope.desktop.ui.alerts.AlertsView;
import io.rackscope.desktop.ui.device.DeviceView;
import io.rackscope.desktop.ui.rack.RackElevationView;
import io.rackscope.desktop.ui.room.RoomFloorView;
import io.rackscope.desktop.ui.site.SiteView;
import io.rackscope.desktop.ui.slurm.SlurmView;
import io.rackscope.desktop.ui.wallboard.WallboardView;
import io.rackscope.desktop.ui.world.WorldView;

/** The view for a place. */
public final class ViewFactory {
    private ViewFactory() {}

    public static PlaceView create(AppContext ctx, Place place) {
        Locator loc = ctx.locator();
        return switch (place.kind()) {
            case WORLD -> new WorldView(ctx);
            case SITE -> new SiteView(ctx, loc.topology().site(place.id()).orElseThrow());
            case ROOM ->
                    new RoomFloorView(ctx, loc.room(place.id()).orElseThrow(), place.highlight());
            case RACK ->
                    new RackElevationView(
                            ctx, loc.topology().rack(place.id()).orElseThrow(), place.rear());
            case DEVICE ->
                    new DeviceView(
                            ctx,
                            loc.topology().device(place.id()).orElseThrow(),
                            place.highlight());
            case ALERTS -> new AlertsView(ctx, true);
            case SLURM -> new SlurmView(ctx);
            case WALLBOARD -> new WallboardView(ctx, loc.roomsOf(place.id()), place.id());
        };
    }
}
