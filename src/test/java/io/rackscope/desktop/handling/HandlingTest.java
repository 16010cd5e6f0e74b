package io.rackscope.desktop.handling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.alerting.AlertTracker;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.ui.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maintenances and acknowledgements kept in files, applied to snapshots, no server at all. */
class HandlingTest {
    static RackscopeConfig cfg;
    static Snapshots snapshots;
    @TempDir Path dir;

    @BeforeAll
    static void load() {
        cfg = new ConfigLoader().load(Path.of("config"));
        snapshots = new Snapshots(cfg);
    }

    static List<String> nodesOf(String rack) {
        return cfg.topology().instances().stream()
                .filter(p -> p.rack().id().equals(rack))
                .map(InstancePath::instanceId)
                .toList();
    }

    HandlingService service() {
        return new HandlingService(
                new FileStore(dir), new AlertLabels(cfg.topology(), "instance"), Clock.systemUTC());
    }

    /** Rack fra1-a01-r05 under a hidden, open-ended maintenance by alice. */
    static Silence psuSwap(HandlingService h) {
        return h.maintain(
                new Target(Target.Type.RACK, "fra1-a01-r05"),
                "PSU swap",
                Silence.Effect.HIDE,
                null,
                null,
                "alice");
    }

    HealthSnapshot rackDownAnd(String... others) {
        List<Snapshots.Problem> p = new ArrayList<>();
        nodesOf("fra1-a01-r05")
                .forEach(n -> p.add(Snapshots.problem("node_up", n, Severity.CRIT, 0)));
        for (String o : others) {
            p.add(Snapshots.problem("node_temperature", o, Severity.WARN, 80));
        }
        return new AlertTracker().track(snapshots.at(1, p.toArray(Snapshots.Problem[]::new)));
    }

    @Test
    void theWebOriginalsFileIsReadAndWrittenBackWithItsOwnFieldNamesAndKeysKept() throws Exception {
        Files.writeString(
                dir.resolve("maintenances.yaml"),
                """
                maintenances:
                - id: 8f1c0e2a
                  target_type: rack
                  target_id: fra1-a01-r05
                  reason: PSU swap
                  effect: hide
                  created_at: '2026-12-01T01:00:00Z'
                  starts_at: null
                  expires_at: '2099-12-01T03:00:00Z'
                  ended_at: null
                  ticket: CHG-42
                - id: old
                  target_type: site
                  target_id: ams1
                  reason: done
                  created_at: 2026-11-01 01:00:00+00:00
                  ended_at: '2026-11-02T01:00:00Z'
                """);
        FileStore store = new FileStore(dir);
        List<Silence> read = store.read();
        assertEquals(2, read.size());
        Silence psu = read.get(0);
        assertEquals(new Target(Target.Type.RACK, "fra1-a01-r05"), psu.target());
        assertEquals(Silence.Effect.HIDE, psu.effect());
        assertEquals(Silence.Status.ACTIVE, psu.status(Instant.now()));
        assertEquals(Silence.Effect.BADGE, read.get(1).effect(), "badge when not said");
        assertEquals(Silence.Status.EXPIRED, read.get(1).status(Instant.now()));
        store.end("8f1c0e2a", Instant.parse("2026-12-01T02:00:00Z"));
        String written = Files.readString(dir.resolve("maintenances.yaml"));
        for (String key :
                List.of(
                        "target_type",
                        "target_id",
                        "reason",
                        "effect",
                        "created_at",
                        "starts_at",
                        "expires_at",
                        "ended_at",
                        "ticket",
                        "CHG-42")) {
            assertTrue(written.contains(key), key + " in\n" + written);
        }
        assertTrue(written.contains("2026-12-01T02:00:00Z"), written);
        assertFalse(Files.exists(dir.resolve(".maintenances.yaml.tmp")), "written atomically");
        assertEquals(
                Silence.Status.EXPIRED, new FileStore(dir).read().get(0).status(Instant.now()));
    }

    @Test
    void aBrokenHandEditNamesItsFileAndLineAndTheServiceKeepsTheLastGoodState() throws Exception {
        HandlingService h = service();
        psuSwap(h);
        h.refresh();
        assertEquals(1, h.silences().size());
        Files.writeString(
                dir.resolve("maintenances.yaml"),
                "maintenances:\n- id: x\n  target_type: shelf\n  target_id: y\n");
        h.refresh();
        String problem = h.problem().orElseThrow();
        assertTrue(problem.startsWith("maintenances.yaml line 3: target_type must be"), problem);
        assertEquals(1, h.silences().size(), "the last good state is kept");
        io.rackscope.desktop.config.Diagnostics d = new io.rackscope.desktop.config.Diagnostics();
        new FileStore(dir).check(d);
        assertEquals(3, d.errors().get(0).line(), "check-config names the line");
        HealthSnapshot s = h.apply(rackDownAnd(), Instant.now(), false);
        assertEquals(problem, s.handling().problem());
        assertTrue(s.alerts().stream().allMatch(s.handling()::hides));
    }

    @Test
    void aMaintenanceWrittenByHandIntoTheFileIsPickedUpAtTheNextRead() throws Exception {
        HandlingService h = service();
        h.refresh();
        assertFalse(h.refresh(), "nothing changed: nothing to show again");
        HealthSnapshot s = rackDownAnd();
        assertTrue(h.apply(s, Instant.now(), false).handling().alerts().isEmpty());
        Files.writeString(
                dir.resolve("maintenances.yaml"),
                "maintenances:\n- {id: by-hand, target_type: rack, target_id: fra1-a01-r05,"
                        + " reason: cabling, effect: badge}\n");
        assertTrue(h.refresh(), "a change is shown again");
        HealthSnapshot next = h.apply(s, Instant.now(), false);
        assertEquals("cabling", next.handling().alert(next.alerts().get(0)).text());
    }

    @Test
    void hideRemovesBadgeTagsAndAMaintenanceOnARackCoversItsNodesNotOthers() {
        HandlingService h = service();
        psuSwap(h);
        h.maintain(
                new Target(Target.Type.INSTANCE, "cn0001"),
                "fan",
                Silence.Effect.BADGE,
                null,
                null,
                "bob");
        HealthSnapshot s = h.apply(rackDownAnd("cn0001", "cn0002"), Instant.now(), true);
        for (Alert a : s.alerts()) {
            Handled handled = s.handling().alert(a);
            switch (a.entity()) {
                case "cn0001" -> {
                    assertEquals("fan", handled.text());
                    assertFalse(handled.hidden());
                }
                case "cn0002" -> assertNull(handled, "not covered");
                default -> assertTrue(handled.hidden(), a.entity());
            }
        }
        Incident rack =
                s.incidents().stream()
                        .filter(i -> i.key().equals("rack:fra1-a01-r05"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(s.handling().incident(rack).hidden());
        assertEquals(
                "bob", s.handling().incidents().get("node:cn0001").by(), "a node incident too");
    }

    @Test
    void aPastMomentShowsWhatWasHandledThenNotWhatIsHandledNow() {
        HandlingService h = service();
        psuSwap(h);
        HealthSnapshot s = rackDownAnd();
        assertTrue(
                h.apply(s, Instant.now().minusSeconds(3600), false).handling().alerts().isEmpty(),
                "an hour ago nobody had put it under maintenance");
        assertFalse(h.apply(s, Instant.now(), false).handling().alerts().isEmpty());
    }

    @Test
    void membersAHideMaintenanceHidesAreLeftOutOfTheIncidentsCountsEverywhere() {
        HandlingService h = service();
        List<String> nodes = nodesOf("fra1-a01-r05");
        for (String n : nodes.subList(0, 3)) {
            h.maintain(
                    new Target(Target.Type.INSTANCE, n),
                    "reimage",
                    Silence.Effect.HIDE,
                    null,
                    null,
                    "alice");
        }
        HealthSnapshot s = h.apply(rackDownAnd(), Instant.now(), false);
        Incident rack =
                s.incidents().stream()
                        .filter(i -> i.level() == Incident.Level.RACK)
                        .findFirst()
                        .orElseThrow();
        int shown = nodes.size() - 3;
        assertEquals(shown, rack.failingNodes());
        assertEquals(shown, rack.count());
        assertEquals(shown, rack.members().size());
        assertEquals(Map.of("node_up", shown), rack.checks());
        assertTrue(
                io.rackscope.desktop.ui.alerts.IncidentItem.headline(rack, c -> c, Double.NaN)
                        .contains(": " + shown + " of " + nodes.size() + " nodes"),
                "the headline counts what is shown");
        assertEquals("Rack " + rack.name().replaceFirst("(?i)^rack ", ""), rack.title());
    }

    @Test
    void aPastMomentShowsAnAcknowledgementThatHasSinceEnded() {
        // acknowledged 19:17, withdrawn 19:25: at 19:24 it was handled
        Instant t1917 = Instant.parse("2026-12-04T19:17:00Z");
        io.rackscope.desktop.ui.HandClock clock = new io.rackscope.desktop.ui.HandClock(t1917);
        HandlingService h =
                new HandlingService(
                        new FileStore(dir), new AlertLabels(cfg.topology(), "instance"), clock);
        HealthSnapshot s = rackDownAnd("cn0001");
        Alert warm =
                s.alerts().stream()
                        .filter(a -> a.entity().equals("cn0001"))
                        .findFirst()
                        .orElseThrow();
        Silence ack = h.acknowledge(warm, "bob", "fan swap", null);
        clock.now = t1917.plusSeconds(8 * 60);
        h.end(ack.id());
        h.refresh();
        assertEquals(
                "bob",
                h.apply(s, t1917.plusSeconds(7 * 60), false).handling().alert(warm).by(),
                "looking back at a moment it held, it shows, though it has ended since");
        assertEquals(
                null,
                h.apply(s, t1917.plusSeconds(9 * 60), false).handling().alert(warm),
                "ended by then");
        assertEquals(
                null,
                h.apply(s, t1917.minusSeconds(60), false).handling().alert(warm),
                "not made yet");
    }

    @Test
    void anAcknowledgementEndsWhenItsIncidentGrowsOrItsAlertClearsOrGetsWorse() {
        HandlingService h = service();
        HealthSnapshot s = rackDownAnd("cn0001");
        Incident rack =
                s.incidents().stream()
                        .filter(i -> i.key().startsWith("rack:"))
                        .findFirst()
                        .orElseThrow();
        Silence ack = h.acknowledge(rack, "carol", "power team called", null);
        assertFalse(ack.id().startsWith("pending-"));
        Alert warm =
                s.alerts().stream()
                        .filter(a -> a.entity().equals("cn0001"))
                        .findFirst()
                        .orElseThrow();
        Silence warmAck = h.acknowledge(warm, "carol", "known", null);
        HealthSnapshot handled = h.apply(s, Instant.now(), true);
        assertEquals("power team called", handled.handling().incident(rack).text());
        assertTrue(handled.handling().alert(warm).acknowledged());
        assertTrue(handled.announced().isEmpty());
        // cn0001 gets worse: its acknowledgement ends, the rack's holds
        List<Alert> worse = new ArrayList<>(s.alerts());
        worse.replaceAll(
                a ->
                        a.entity().equals("cn0001")
                                ? new Alert(
                                        Severity.CRIT,
                                        a.check(),
                                        a.entity(),
                                        a.path(),
                                        95,
                                        false,
                                        a.rack(),
                                        a.device(),
                                        a.since())
                                : a);
        HealthSnapshot next = h.apply(s.withTracking(worse, List.of()), Instant.now(), true);
        assertNull(
                next.handling()
                        .alert(
                                worse.stream()
                                        .filter(a -> a.entity().equals("cn0001"))
                                        .findFirst()
                                        .orElseThrow()));
        assertEquals(Silence.Status.EXPIRED, status(h, warmAck.id()));
        assertEquals(Silence.Status.ACTIVE, status(h, ack.id()));
        // the rack clears: its acknowledgement ends too, and does not come back with the next
        // failure
        h.apply(new AlertTracker().track(snapshots.at(3)), Instant.now(), true);
        assertEquals(Silence.Status.EXPIRED, status(h, ack.id()));
        assertTrue(HandlingService.holds(ack, s), "it held while the rack was as acknowledged");
    }

    static Silence.Status status(HandlingService h, String id) {
        h.refresh();
        return h.silences().stream()
                .filter(x -> x.id().equals(id))
                .findFirst()
                .orElseThrow()
                .status(Instant.now());
    }

    /** A store that refuses until told otherwise, then keeps silences in memory. */
    static class Flaky implements SilenceStore {
        boolean down = true;
        final List<Silence> kept = new ArrayList<>();

        private void check() throws StoreException {
            if (down) {
                throw new StoreException(
                        StoreException.Kind.UNREACHABLE,
                        "Alertmanager http://am is not reachable: connection refused");
            }
        }

        @Override
        public List<Silence> read() throws StoreException {
            check();
            return List.copyOf(kept);
        }

        @Override
        public Silence create(Silence s) throws StoreException {
            check();
            Silence made = s.withId("am-" + kept.size());
            kept.add(made);
            return made;
        }

        @Override
        public void end(String id, Instant at) throws StoreException {
            check();
            kept.replaceAll(x -> x.id().equals(id) ? x.endedAt(at) : x);
        }

        @Override
        public Silence update(Silence s) throws StoreException {
            check();
            return s;
        }

        @Override
        public void delete(String id) throws StoreException {
            check();
        }

        @Override
        public String describe() {
            return "Alertmanager http://am";
        }
    }

    @Test
    void anAcknowledgementTypedWhileTheStoreIsDownIsShownPendingAndSentWhenItIsBack() {
        Flaky store = new Flaky();
        HandlingService h =
                new HandlingService(
                        store, new AlertLabels(cfg.topology(), "instance"), Clock.systemUTC());
        HealthSnapshot s = rackDownAnd();
        Incident rack = s.incidents().get(0);
        Silence pending = h.acknowledge(rack, "erin", "on my way", null);
        assertTrue(pending.id().startsWith("pending-"));
        HealthSnapshot shown = h.apply(s, Instant.now(), true);
        Handled handled = shown.handling().incident(rack);
        assertNotNull(handled, "never lost, and shown as handled");
        assertTrue(handled.pending());
        assertTrue(shown.handling().problem().contains("not reachable"));
        store.down = false;
        h.refresh();
        assertEquals(1, store.kept.size(), "sent once the store answers");
        assertEquals("on my way", store.kept.get(0).text());
        assertFalse(h.apply(s, Instant.now(), true).handling().incident(rack).pending());
        assertTrue(h.problem().isEmpty());
    }

    @Test
    void whatIsUnsentWhenTheAppClosesIsKeptOnDiskAndSentByTheNextSession() throws Exception {
        Flaky store = new Flaky();
        UnsentFile file = UnsentFile.in(dir, store.describe());
        AlertLabels labels = new AlertLabels(cfg.topology(), "instance");
        HandlingService first = new HandlingService(store, labels, Clock.systemUTC(), file);
        HealthSnapshot s = rackDownAnd();
        first.acknowledge(s.incidents().get(0), "erin", "on my way", null);
        Silence psu = psuSwap(first);
        first.maintain(
                new Target(Target.Type.INSTANCE, "cn0001"),
                "reseat",
                Silence.Effect.BADGE,
                null,
                Instant.now().plusSeconds(3600),
                "bob");
        first.end(psu.id());
        assertEquals(2, first.unsent(), "the stopped maintenance was never sent: forgotten");
        assertTrue(
                first.unsentWarning()
                        .orElseThrow()
                        .startsWith(
                                "2 acknowledgement or maintenance changes have not reached"
                                        + " Alertmanager http://am yet. They are kept in "
                                        + file.path()),
                first.unsentWarning().toString());
        assertTrue(Files.isRegularFile(file.path()), "kept on disk while unsent");
        // the app is closed; a new session starts and the store answers again
        store.down = false;
        HandlingService next = new HandlingService(store, labels, Clock.systemUTC(), file);
        assertEquals(2, next.unsent());
        next.refresh();
        assertEquals(
                List.of("on my way", "reseat"),
                store.kept.stream().map(Silence::text).toList(),
                "sent by the next session, in order");
        assertEquals("erin", store.kept.get(0).by());
        assertEquals(s.incidents().get(0).key(), store.kept.get(0).ack().subject());
        assertEquals(0, next.unsent());
        assertTrue(next.unsentWarning().isEmpty());
        assertFalse(Files.exists(file.path()), "nothing left to send: the file is gone");
        HandlingService third = new HandlingService(store, labels, Clock.systemUTC(), file);
        third.refresh();
        assertEquals(2, store.kept.size(), "never sent twice");
    }

    @Test
    void aDamagedUnsentFileIsSetAsideNotFatal() throws Exception {
        Flaky store = new Flaky();
        UnsentFile file = UnsentFile.in(dir, store.describe());
        Files.writeString(file.path(), "[{\"id\": tr");
        HandlingService h =
                new HandlingService(
                        store,
                        new AlertLabels(cfg.topology(), "instance"),
                        Clock.systemUTC(),
                        file);
        assertEquals(0, h.unsent());
        assertTrue(
                Files.exists(file.path().resolveSibling(file.path().getFileName() + ".damaged")));
    }

    @Test
    void maintenancesInAConfigDirectoryThatCannotBeWrittenAreStillReadAndItIsSaid()
            throws Exception {
        Path config = io.rackscope.desktop.config.ConfigFixture.copyOfBundled(dir.resolve("cfg"));
        Files.writeString(
                config.resolve(FileStore.MAINTENANCES),
                """
                maintenances:
                  - id: m1
                    target_type: rack
                    target_id: fra1-a01-r05
                    reason: PSU swap
                    effect: badge
                    created_at: '2026-12-04T10:00:00Z'
                    starts_at: '2026-12-04T10:00:00Z'
                """);
        RackscopeConfig copy = new ConfigLoader().load(config);
        SilenceStore store = Stores.store(copy, null, d -> !d.equals(config.toAbsolutePath()));
        assertEquals(
                List.of("PSU swap"),
                store.read().stream().map(Silence::text).toList(),
                "read where they are, not hidden behind an empty file elsewhere");
        HandlingService h =
                new HandlingService(
                        store, new AlertLabels(copy.topology(), "instance"), Clock.systemUTC());
        assertEquals(
                "maintenances.yaml in "
                        + config.toAbsolutePath()
                        + " (read-only: shown from there, but new ones cannot be kept there)",
                h.source());
    }

    /** Flaky, keeping what ended as Alertmanager does. */
    static final class Keeping extends Flaky {
        @Override
        public boolean keepsEndedSilences() {
            return true;
        }
    }

    @Test
    void silencesInForceTheStoreLostAreMadeAgainAndThatIsSaid() {
        Keeping store = new Keeping();
        store.down = false;
        io.rackscope.desktop.ui.HandClock clock =
                new io.rackscope.desktop.ui.HandClock(Instant.parse("2026-12-04T19:00:00Z"));
        HandlingService h =
                new HandlingService(store, new AlertLabels(cfg.topology(), "instance"), clock);
        h.refresh();
        HealthSnapshot s = rackDownAnd();
        h.acknowledge(s.incidents().get(0), "erin", "on my way", null);
        psuSwap(h);
        Silence ended =
                h.maintain(
                        new Target(Target.Type.INSTANCE, "cn0001"),
                        "reseat",
                        Silence.Effect.BADGE,
                        null,
                        null,
                        "bob");
        h.end(ended.id());
        h.maintain(
                new Target(Target.Type.INSTANCE, "cn0002"),
                "short",
                Silence.Effect.BADGE,
                null,
                clock.now.plusSeconds(60),
                "bob");
        h.refresh();
        clock.now = clock.now.plusSeconds(120);
        store.kept.clear(); // both Alertmanagers' data wiped
        assertTrue(h.refresh(), "what changed is shown again");
        assertEquals(
                List.of("on my way", "PSU swap"),
                store.kept.stream().map(Silence::text).toList(),
                "those in force are made again; the ended and the expired are not");
        String said = h.problem().orElseThrow();
        assertTrue(
                said.startsWith(
                        "Alertmanager http://am lost 2 silences in force (its data was wiped, or"
                                + " another server answers at its address); made again:"
                                + " acknowledgement of rack:fra1-a01-r05 by erin, maintenance of"
                                + " rack:fra1-a01-r05 by alice"),
                said);
        assertEquals(said, h.apply(s, clock.now, true).handling().notice(), "in the banner too");
        h.refresh();
        assertEquals(2, store.kept.size(), "made once");
        clock.now = clock.now.plus(HandlingService.RESTORED_SHOWN_FOR).plusSeconds(1);
        assertTrue(h.problem().isEmpty(), "said for a while, not for ever");
    }

    @Test
    void anEntryDeletedFromTheFileByHandStaysDeleted() throws Exception {
        HandlingService h = service();
        psuSwap(h);
        h.refresh();
        Files.writeString(dir.resolve(FileStore.MAINTENANCES), "maintenances: []\n");
        h.refresh();
        assertTrue(h.silences().isEmpty(), "a file store forgets what is deleted: not restored");
    }

    /** A store whose answer to the first create is lost (a timeout) though the create was taken. */
    static final class LostAnswer extends Flaky {
        boolean lose = true;

        @Override
        public Silence create(Silence s) throws StoreException {
            Silence made = super.create(s);
            if (lose) {
                lose = false;
                throw new StoreException(
                        StoreException.Kind.UNREACHABLE,
                        "Alertmanager http://am did not answer within 10 s");
            }
            return made;
        }
    }

    @Test
    void anAcknowledgementWhoseAnswerWasLostIsMadeOnceAndStopEndsIt() {
        LostAnswer store = new LostAnswer();
        store.down = false;
        HandlingService h =
                new HandlingService(
                        store, new AlertLabels(cfg.topology(), "instance"), Clock.systemUTC());
        HealthSnapshot s = rackDownAnd();
        Silence pending = h.acknowledge(s.incidents().get(0), "erin", "on my way", null);
        assertTrue(pending.id().startsWith("pending-"), "the answer was lost: queued");
        h.refresh();
        assertEquals(1, store.kept.size(), "not created a second time: " + store.kept);
        String id = h.silences().get(0).id();
        h.end(id);
        assertTrue(
                store.kept.stream().allMatch(x -> x.endedAt() != null), "stopped: " + store.kept);
    }

    @Test
    void aQueuedMaintenanceThatExpiredIsSaidAndDroppedAndBlocksNothing() {
        Flaky store = new Flaky();
        io.rackscope.desktop.ui.HandClock clock =
                new io.rackscope.desktop.ui.HandClock(Instant.parse("2026-12-04T19:00:00Z"));
        HandlingService h =
                new HandlingService(store, new AlertLabels(cfg.topology(), "instance"), clock);
        h.maintain(
                new Target(Target.Type.RACK, "fra1-a01-r05"),
                "PSU swap",
                Silence.Effect.BADGE,
                null,
                clock.now.plusSeconds(3600),
                "alice");
        HealthSnapshot s = rackDownAnd();
        h.acknowledge(s.incidents().get(0), "erin", "on my way", null);
        // the store comes back after a longer outage than the maintenance asked for
        clock.now = clock.now.plusSeconds(2 * 3600);
        store.down = false;
        h.refresh();
        assertEquals(
                List.of("on my way"),
                store.kept.stream().map(Silence::text).toList(),
                "the acknowledgement behind it is sent");
        assertTrue(
                h.problem().orElse("").startsWith("the maintenance 'PSU swap' by alice on rack:"),
                h.problem().toString());
        assertTrue(h.problem().orElse("").contains("was not kept: it ended at"));
        assertEquals(1, h.silences().size(), "nothing of it is left queued");
    }

    @Test
    void aHiddenIncidentStillFailingWhenItsMaintenanceEndsAnnouncesItselfOnce() {
        HandlingService h = service();
        List<io.rackscope.desktop.alerting.Transition> journal = new ArrayList<>();
        h.journalTo(journal::addAll);
        Silence m = psuSwap(h);
        HealthSnapshot s = rackDownAnd();
        assertTrue(h.apply(s, Instant.now(), true).announced().isEmpty());
        h.end(m.id());
        List<Incident> once = h.apply(s, Instant.now(), true).announced();
        assertEquals(List.of("rack:fra1-a01-r05"), once.stream().map(Incident::key).toList());
        assertTrue(h.apply(s, Instant.now(), true).announced().isEmpty(), "once");
        assertEquals(
                List.of("MAINTENANCE", "UNHANDLED", "MAINTENANCE_ENDED"),
                journal.stream().map(t -> t.kind().name()).toList(),
                "the journal tells it came under maintenance, was new again, and the maintenance"
                        + " ended");
        io.rackscope.desktop.alerting.Transition first = journal.get(0);
        assertEquals("alice", first.by(), "who put it under maintenance");
        assertEquals("PSU swap", first.note());
        io.rackscope.desktop.alerting.Transition ended = journal.get(2);
        assertEquals("rack:fra1-a01-r05", ended.incident().key());
        assertEquals("alice", ended.by());
    }

    @Test
    void silencesMadeElsewhereAreReadFromAlertmanagersOwnShapes() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Silence foreign =
                AlertmanagerStore.silence(
                                json.readTree(
                                        """
                                        {"id": "a1", "status": {"state": "active"},
                                         "matchers": [{"name": "instance", "value": "cn01.*", "isRegex": true, "isEqual": true}],
                                         "startsAt": "2026-12-01T01:00:00.000Z", "endsAt": "2026-12-01T05:00:00.000Z",
                                         "updatedAt": "2026-12-01T01:00:00.000Z", "createdBy": "bob", "comment": "kernel update"}
                                        """))
                        .orElseThrow();
        assertEquals(Silence.Kind.MAINTENANCE, foreign.kind());
        assertNull(foreign.target(), "a regex names no single place");
        assertTrue(foreign.covers(Map.of("instance", "cn0165")));
        assertFalse(foreign.covers(Map.of("instance", "cn0265")));
        Silence ack =
                new Silence(
                        "",
                        Silence.Kind.ACK,
                        List.of(Matcher.equal("instance", "cn0165")),
                        new Target(Target.Type.INSTANCE, "cn0165"),
                        Silence.Effect.BADGE,
                        "carol",
                        "on it",
                        null,
                        null,
                        null,
                        null,
                        new Silence.Ack("node:cn0165", Severity.WARN, 1));
        String comment = AlertmanagerStore.comment(ack, false);
        assertEquals("ack: on it {WARN 1 node:cn0165}", comment);
        Silence back =
                AlertmanagerStore.silence(
                                json.readTree(
                                        """
                                        {"id": "a2", "status": {"state": "active"},
                                         "matchers": [{"name": "instance", "value": "cn0165", "isRegex": false, "isEqual": true}],
                                         "startsAt": "2026-12-01T01:00:00Z", "endsAt": "2036-12-01T01:00:00Z",
                                         "createdBy": "carol", "comment": "%s"}
                                        """
                                                .formatted(comment)))
                        .orElseThrow();
        assertEquals(Silence.Kind.ACK, back.kind());
        assertEquals("on it", back.text());
        assertEquals(new Silence.Ack("node:cn0165", Severity.WARN, 1), back.ack());
        assertNull(back.endsAt(), "ten years out reads as open-ended");
        assertEquals(new Target(Target.Type.INSTANCE, "cn0165"), back.target());
        assertTrue(
                new Matcher("rackscope_rack", "x", false, false)
                        .matches(Map.of("rackscope_rack", "y")));
        // Karma's style: the same acknowledgement, as ACK!, still read back whole
        String karma = AlertmanagerStore.comment(ack, true);
        assertEquals("ACK! on it {WARN 1 node:cn0165}", karma);
        Silence fromKarma =
                AlertmanagerStore.silence(
                                json.readTree(
                                        """
                                        {"id": "k1", "status": {"state": "active"},
                                         "matchers": [{"name": "alertname", "value": "NodeHot", "isRegex": false, "isEqual": true},
                                                      {"name": "instance", "value": "cn0165", "isRegex": false, "isEqual": true}],
                                         "startsAt": "2026-12-01T01:00:00Z", "endsAt": "2026-12-01T03:00:00Z",
                                         "createdBy": "karl", "comment": "ACK! fan swap booked"}
                                        """))
                        .orElseThrow();
        assertEquals(Silence.Kind.ACK, fromKarma.kind(), "Karma's ACK! is an acknowledgement");
        assertEquals("karl", fromKarma.by());
        assertEquals("fan swap booked", fromKarma.text());
        assertTrue(fromKarma.covers(Map.of("alertname", "NodeHot", "instance", "cn0165")));
        assertEquals(
                Silence.Kind.MAINTENANCE,
                AlertmanagerStore.silence(
                                json.readTree(
                                        """
                                        {"id": "m1", "status": {"state": "active"}, "matchers": [],
                                         "startsAt": "2026-12-01T01:00:00Z", "endsAt": "2026-12-01T03:00:00Z",
                                         "createdBy": "ops", "comment": "ACKNOWLEDGED maintenance window"}
                                        """))
                        .orElseThrow()
                        .kind(),
                "only the ACK! prefix makes an acknowledgement");
    }
}
