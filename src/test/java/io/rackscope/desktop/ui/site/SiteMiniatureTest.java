package io.rackscope.desktop.ui.site;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.ui.FxThread;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Path;
import java.time.Clock;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;

/** A site's room cards draw each floor in miniature; a click on a rack there opens the rack. */
class SiteMiniatureTest {
    @Test
    void aRackInTheMiniatureIsInItsStatesColourAndAClickOpensIt() throws Exception {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(new Snapshots(cfg).at(1, problem("node_up", "cn0165", Severity.CRIT, 0)));
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        ViewRenderer.startToolkit();
        Place opened =
                FxThread.call(
                        () -> {
                            SiteViewModel model =
                                    new SiteViewModel(
                                            cfg.topology().site("fra1").orElseThrow(),
                                            ctx.health(),
                                            ctx.navigation(),
                                            ctx.options(),
                                            io.rackscope.desktop.ui.PlaceHandling.NONE,
                                            io.rackscope.desktop.ui.EstateEditing.NONE);
                            SiteView view = new SiteView(model);
                            Scene scene = new Scene(new StackPane(view.node()), 1200, 800);
                            scene.getRoot().applyCss();
                            scene.getRoot().layout();
                            RoomMiniature floor = find(scene.getRoot());
                            assertNotNull(floor, "a miniature floor on the card");
                            assertEquals(Severity.CRIT, model.state(rack(cfg)));
                            // a fired event's x and y are the scene's: each node gets its own
                            Point2D p = floor.localToScene(floor.middleOf("fra1-a01-r03"));
                            Event.fireEvent(
                                    floor,
                                    new MouseEvent(
                                            MouseEvent.MOUSE_CLICKED,
                                            p.getX(),
                                            p.getY(),
                                            0,
                                            0,
                                            MouseButton.PRIMARY,
                                            1,
                                            false,
                                            false,
                                            false,
                                            false,
                                            true,
                                            false,
                                            false,
                                            true,
                                            false,
                                            false,
                                            null));
                            return ctx.navigation().current();
                        });
        assertEquals(Place.of(Place.Kind.RACK, "fra1-a01-r03"), opened);
    }

    static io.rackscope.desktop.topology.Rack rack(RackscopeConfig cfg) {
        return cfg.topology().rack("fra1-a01-r03").orElseThrow();
    }

    static RoomMiniature find(Node n) {
        if (n instanceof RoomMiniature m) {
            return m;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                RoomMiniature m = find(c);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }
}
