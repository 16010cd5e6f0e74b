package io.rackscope.desktop.ui.room;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.ColourScheme;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Snapshots;
import io.rackscope.desktop.ui.ViewOptions;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** On the quiet wall a rack blinks only for a new CRIT: not one already so, not a WARN. */
class QuietFloorTest {
    @Test
    void onlyARackThatBecameCritBlinksAndOnlyOnTheQuietWall() {
        RackscopeConfig cfg = new ConfigLoader().load(Path.of("config"));
        Snapshots snaps = new Snapshots(cfg);
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(snaps.at(1, problem("node_up", "cn0165", Severity.CRIT, 0)));
        ViewOptions options = new ViewOptions();
        RoomFloorViewModel floor =
                new RoomFloorViewModel(
                        cfg,
                        cfg.topology().room("fra1", "hall-a").orElseThrow(),
                        feed,
                        new NavigationModel(),
                        options,
                        null,
                        Clock.systemUTC());
        Rack already = cfg.topology().instance("cn0165").orElseThrow().rack();
        Rack becomes = cfg.topology().instance("cn0865").orElseThrow().rack();
        feed.publish(
                snaps.at(
                        2,
                        problem("node_up", "cn0165", Severity.CRIT, 0),
                        problem("node_up", "cn0865", Severity.CRIT, 0)));
        assertFalse(floor.flashing(becomes), "the usual colours do not blink");
        options.coloursProperty().set(ColourScheme.QUIET);
        assertTrue(floor.flashing(becomes), "it became CRIT: new");
        assertFalse(floor.flashing(already), "CRIT when the view opened: not new");
        assertTrue(floor.anyFlashing());
        feed.publish(snaps.at(3, problem("node_up", "cn0165", Severity.CRIT, 0)));
        assertFalse(floor.flashing(becomes), "cleared: no more");
        assertFalse(floor.anyFlashing());
    }
}
