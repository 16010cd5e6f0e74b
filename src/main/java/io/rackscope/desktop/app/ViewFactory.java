package io.rackscope.desktop.app;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.EntityLinks;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceHandling;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.alerts.AlertSound;
import io.rackscope.desktop.ui.alerts.AlertsView;
import io.rackscope.desktop.ui.alerts.AlertsViewModel;
import io.rackscope.desktop.ui.device.DeviceView;
import io.rackscope.desktop.ui.device.DeviceViewModel;
import io.rackscope.desktop.ui.history.HistoryViewModel;
import io.rackscope.desktop.ui.kiosk.KioskController;
import io.rackscope.desktop.ui.kiosk.PlaylistViewModel;
import io.rackscope.desktop.ui.library.CheckEditorViewModel;
import io.rackscope.desktop.ui.library.LibraryView;
import io.rackscope.desktop.ui.library.LibraryViewModel;
import io.rackscope.desktop.ui.library.MetricEditorViewModel;
import io.rackscope.desktop.ui.library.TemplateEditorViewModel;
import io.rackscope.desktop.ui.maintenance.MaintenanceView;
import io.rackscope.desktop.ui.maintenance.MaintenanceViewModel;
import io.rackscope.desktop.ui.rack.RackElevationView;
import io.rackscope.desktop.ui.rack.RackElevationViewModel;
import io.rackscope.desktop.ui.room.RoomFloorView;
import io.rackscope.desktop.ui.room.RoomFloorViewModel;
import io.rackscope.desktop.ui.shell.MainView;
import io.rackscope.desktop.ui.shell.ShellViewModel;
import io.rackscope.desktop.ui.shell.StatusViewModel;
import io.rackscope.desktop.ui.site.SiteView;
import io.rackscope.desktop.ui.site.SiteViewModel;
import io.rackscope.desktop.ui.slurm.SlurmView;
import io.rackscope.desktop.ui.slurm.SlurmViewModel;
import io.rackscope.desktop.ui.timeline.TimeControlViewModel;
import io.rackscope.desktop.ui.wallboard.WallboardView;
import io.rackscope.desktop.ui.wallboard.WallboardViewModel;
import io.rackscope.desktop.ui.world.WorldView;
import io.rackscope.desktop.ui.world.WorldViewModel;
import javafx.application.Platform;

/** Assembly: each view with its view model, given the ports it needs from the context. */
public final class ViewFactory {
    private ViewFactory() {}

    public static PlaceView create(AppContext ctx, Place place) {
        Locator loc = ctx.locator();
        RackscopeConfig cfg = ctx.config();
        return switch (place.kind()) {
            case WORLD -> {
                WorldViewModel world =
                        new WorldViewModel(
                                cfg.app().name(),
                                cfg.topology().sites(),
                                cfg.app().kiosk().scale(),
                                cfg.app().features().worldmap() ? cfg.app().map() : null,
                                ctx.health(),
                                ctx.navigation(),
                                ctx.options(),
                                placeHandling(ctx),
                                ctx.editing());
                yield new WorldView(world);
            }
            case SITE -> {
                SiteViewModel site =
                        new SiteViewModel(
                                loc.topology().site(place.id()).orElseThrow(),
                                ctx.health(),
                                ctx.navigation(),
                                ctx.options(),
                                placeHandling(ctx),
                                ctx.editing());
                yield new SiteView(site);
            }
            case ROOM -> {
                RoomFloorViewModel floor = floor(ctx, loc.room(place.id()).orElseThrow());
                if (place.heatMetric().isPresent()) {
                    floor.showHeat(place.heatMetric().get());
                    yield new RoomFloorView(floor, null);
                }
                yield new RoomFloorView(floor, place.highlight());
            }
            case RACK -> {
                RackElevationViewModel rack =
                        new RackElevationViewModel(
                                cfg,
                                loc.topology().rack(place.id()).orElseThrow(),
                                ctx.health(),
                                ctx.navigation(),
                                ctx.options(),
                                ctx.clock(),
                                ctx.handling(),
                                ctx.sampleTimes(),
                                ctx.editing());
                yield new RackElevationView(rack, place.rear(), place.bothFaces());
            }
            case DEVICE -> {
                DeviceViewModel device =
                        new DeviceViewModel(
                                cfg,
                                loc.topology().device(place.id()).orElseThrow(),
                                ctx.health(),
                                ctx.values(),
                                ctx.charts(),
                                ctx.options(),
                                ctx.clock(),
                                placeHandling(ctx),
                                ctx.sampleTimes());
                yield new DeviceView(device, place.highlight());
            }
            case ALERTS -> {
                AlertsViewModel model = alerts(ctx);
                model.scopeProperty().set(place.id());
                yield new AlertsView(
                        model,
                        new HistoryViewModel(
                                ctx.history(),
                                ctx.time(),
                                ctx.clock(),
                                ctx.clock().getZone(),
                                Platform::runLater));
            }
            case LIBRARY ->
                    new LibraryView(
                            new LibraryViewModel(ctx.navigation()),
                            java.util.Arrays.stream(
                                            io.rackscope.desktop.edit.TemplateEdits.Kind.values())
                                    .map(
                                            k ->
                                                    new TemplateEditorViewModel(
                                                            ctx.editing(),
                                                            ctx.options(),
                                                            ctx.navigation(),
                                                            ctx.config(),
                                                            k,
                                                            ctx.health(),
                                                            Platform::runLater))
                                    .toList(),
                            new CheckEditorViewModel(
                                    ctx.editing(),
                                    ctx.options(),
                                    ctx.navigation(),
                                    ctx.config(),
                                    Platform::runLater),
                            new MetricEditorViewModel(
                                    ctx.editing(),
                                    ctx.options(),
                                    ctx.navigation(),
                                    ctx.config(),
                                    ctx.charts(),
                                    ctx.clock(),
                                    Platform::runLater),
                            place);
            case SETTINGS ->
                    new io.rackscope.desktop.ui.settings.SettingsView(
                            new io.rackscope.desktop.ui.settings.SettingsViewModel(
                                    ctx.editing(),
                                    ctx.options(),
                                    new SettingsTestService(cfg.paths().root()),
                                    ctx.override(),
                                    Platform::runLater));
            case MAINTENANCE ->
                    new MaintenanceView(
                            new MaintenanceViewModel(
                                    ctx.handling(),
                                    loc.topology(),
                                    ctx.health(),
                                    ctx.options().operatorProperty(),
                                    ctx.clock(),
                                    Platform::runLater));
            case CAPACITY ->
                    new io.rackscope.desktop.ui.capacity.CapacityView(
                            new io.rackscope.desktop.ui.capacity.CapacityViewModel(
                                    cfg,
                                    loc,
                                    place.id(),
                                    ctx.charts(),
                                    ctx.clock(),
                                    ctx.navigation(),
                                    ctx.options(),
                                    Platform::runLater));
            case SLURM ->
                    new SlurmView(
                            new SlurmViewModel(
                                    cfg.slurm().enabled(),
                                    loc,
                                    ctx.health(),
                                    ctx.navigation(),
                                    ctx.options()));
            case WALLBOARD -> {
                WallboardViewModel wall =
                        new WallboardViewModel(
                                cfg,
                                loc,
                                loc.roomsOf(place.id()),
                                ctx.health(),
                                ctx.navigation(),
                                ctx.options(),
                                ctx.clock(),
                                ctx.handling());
                yield new WallboardView(wall, place.id());
            }
        };
    }

    private static AlertsViewModel alerts(AppContext ctx) {
        return new AlertsViewModel(
                ctx.config(),
                ctx.locator(),
                ctx.health(),
                ctx.navigation(),
                ctx.clock(),
                ctx.handling(),
                ctx.options().operatorProperty());
    }

    /** The main window's alert panel: its filter is the user's (kept between sessions). */
    private static AlertsViewModel panelAlerts(AppContext ctx) {
        AlertsViewModel m = alerts(ctx);
        m.filterTextProperty().bindBidirectional(ctx.options().alertFilterProperty());
        return m;
    }

    private static PlaceHandling placeHandling(AppContext ctx) {
        return new PlaceHandling(
                ctx.handling(),
                ctx.health(),
                ctx.options().operatorProperty(),
                ctx.clock(),
                new EntityLinks(ctx.config()));
    }

    /** The view model of a room's floor, wired to {@code ctx}. */
    public static RoomFloorViewModel floor(AppContext ctx, Room room) {
        RoomFloorViewModel floor =
                new RoomFloorViewModel(
                        ctx.config(),
                        room,
                        ctx.health(),
                        ctx.navigation(),
                        ctx.options(),
                        ctx.charts(),
                        ctx.clock(),
                        ctx.handling(),
                        ctx.editing());
        return floor;
    }

    private static ShellViewModel shell(AppContext ctx) {
        ShellViewModel shell =
                new ShellViewModel(
                        ctx.config(),
                        ctx.locator(),
                        ctx.navigation(),
                        ctx.health(),
                        ctx.options(),
                        ctx.handling(),
                        new HandoverService(
                                ctx.config().paths().root(), ctx.override().orElse(null)),
                        Platform::runLater);
        return shell;
    }

    /** The main window's content: toolbar, the current place's view, alert panel, status bar. */
    public static MainView main(AppContext ctx, String notice, AlertSound sound) {
        return new MainView(
                shell(ctx),
                new StatusViewModel(
                        ctx.health(),
                        ctx.clock(),
                        ctx.config().app().kiosk().staleAfterSeconds(),
                        notice,
                        ctx.history()::problem),
                panelAlerts(ctx),
                place -> create(ctx, place),
                sound,
                new TimeControlViewModel(
                        ctx.time(), ctx.clock(), ctx.journal(), Platform::runLater));
    }

    /** Kiosk mode with its playlist; {@code exit} runs on the confirmed exit key. */
    public static KioskController kiosk(AppContext ctx, Runnable exit) {
        AppConfig app = ctx.config().app();
        return kiosk(ctx, exit, app.kiosk(), app.playlist().views());
    }

    /** A screen of a wall: {@code settings} its own, {@code views} its playlist. */
    public static KioskController kiosk(
            AppContext ctx,
            Runnable exit,
            AppConfig.Kiosk settings,
            java.util.List<AppConfig.Playlist.Entry> views) {
        AppConfig app = ctx.config().app();
        PlaylistViewModel playlist =
                new PlaylistViewModel(
                        ctx.locator(),
                        ctx.navigation(),
                        views,
                        app.playlist().intervalSeconds(),
                        settings.jumpToCritSeconds());
        return new KioskController(
                settings, app.name(), playlist, ctx.navigation().currentProperty(), exit);
    }
}
