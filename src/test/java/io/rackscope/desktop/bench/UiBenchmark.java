package io.rackscope.desktop.bench;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewFactory;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.simulator.TopologyGenerator;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.ui.FxThread;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Snapshots;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.shell.MainView;
import io.rackscope.desktop.ui.wallboard.WallboardView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * FX-thread cost of applying a snapshot that changes 1,000 nodes to a 500-rack room and to an
 * 80-device rack (publish + CSS + layout, the work of one frame), start to first coloured frame,
 * and RSS with 14,000 nodes open. Run with {@code scripts/bench ui} and {@code scripts/bench ui
 * startup}. Headless Monocle, software pipeline.
 */
public final class UiBenchmark {
    public static void main(String[] args) throws Exception {
        ViewRenderer.startToolkit();
        if (args.length > 0 && args[0].equals("heat")) {
            heatMap();
        } else if (args.length > 0 && args[0].equals("alerts")) {
            roomAndRack(Only.ALERTS);
        } else if (args.length > 0 && args[0].equals("window")) {
            roomAndRack(Only.WINDOW);
        } else if (args.length > 0 && args[0].equals("rules")) {
            ruleAlerts(14_000, 10_000);
        } else if (args.length > 0 && args[0].equals("startup")) {
            firstFrameAndMemory(); // alone in its JVM, so that RSS is what a user with 14,000 nodes
            // sees
        } else {
            roomAndRack(Only.NONE);
            wallboard(14_000);
            wallboard(100_000);
        }
        Platform.exit();
    }

    /** Which one of {@link #roomAndRack}'s measures to take alone (for a profiler), if any. */
    private enum Only {
        NONE,
        ALERTS,
        WINDOW
    }

    /** Every desk view, or one of them alone. */
    private static void roomAndRack(Only only) throws Exception {
        Path dir = Files.createTempDirectory("rackscope-ui-bench");
        new TopologyGenerator(40_000, 1, 50).write(dir);
        Path aisle = dir.resolve("topology/datacenters/site01/rooms/room01/aisles/aisle01");
        StringBuilder rack =
                new StringBuilder(
                        "id: bench-r80\nname: Rack of 80\nu_height: 42\ntemplate_id: gen-rack\ndevices:\n");
        for (int i = 0; i < 80; i++) {
            rack.append("  - {id: bench-d")
                    .append(i)
                    .append(", template_id: gen-1u, u_position: ")
                    .append(i % 40 + 1)
                    .append(", face: ")
                    .append(i < 40 ? "front" : "rear")
                    .append(", instance: bench-n")
                    .append(i)
                    .append("}\n");
        }
        Files.writeString(aisle.resolve("racks/bench-r80.yaml"), rack);
        Files.writeString(
                aisle.resolve("aisle.yaml"),
                Files.readString(aisle.resolve("aisle.yaml")) + "  - bench-r80\n");
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        if (cfg.hasErrors()) {
            throw new IllegalStateException(cfg.diagnostics().errors().toString());
        }
        Room room = cfg.topology().room("site01", "room01").orElseThrow();
        Snapshots snapshots = new Snapshots(cfg);
        List<InstancePath> all = new ArrayList<>(cfg.topology().instances());
        List<Snapshots.Problem> changed = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            changed.add(
                    Snapshots.problem(
                            "node_up",
                            all.get(i * all.size() / 1000).instanceId(),
                            Severity.CRIT,
                            0));
        }
        for (int i = 0; i < 80; i += 8) {
            changed.set(i, Snapshots.problem("node_up", "bench-n" + i, Severity.CRIT, 0));
        }
        HealthSnapshot healthy = snapshots.at(1);
        HealthSnapshot failing = snapshots.at(2, changed.toArray(Snapshots.Problem[]::new));
        System.out.printf(
                "room racks=%d nodes=%d; snapshot changes %d nodes%n",
                room.racks().count(), all.size(), changed.size());
        if (only == Only.NONE) {
            measure("world", cfg, Place.WORLD, healthy, failing);
            measure("site", cfg, Place.of(Place.Kind.SITE, "site01"), healthy, failing);
            measure(
                    "room (500 racks)",
                    cfg,
                    Place.of(Place.Kind.ROOM, room.key()),
                    healthy,
                    failing);
            measure(
                    "rack (80 devices)",
                    cfg,
                    Place.of(Place.Kind.RACK, "bench-r80"),
                    healthy,
                    failing);
            measure(
                    "device",
                    cfg,
                    Place.of(
                            Place.Kind.DEVICE,
                            cfg.topology().rack("bench-r80").orElseThrow().devices().get(0).key()),
                    healthy,
                    failing);
        }
        if (only != Only.WINDOW) {
            measure("alerts (1,000)", cfg, Place.of(Place.Kind.ALERTS, ""), healthy, failing);
        }
        if (only != Only.ALERTS) {
            measureWindow(
                    "window: room + panel",
                    cfg,
                    Place.of(Place.Kind.ROOM, room.key()),
                    healthy,
                    failing);
        }
        if (only == Only.NONE) {
            dragOnTheFloor(cfg, room, failing);
        }
    }

    /**
     * The heat map of a 500-rack room at 1920x1080: each frame new values for every rack, the field
     * made again and drawn with its contours, hot spots and legend (what one planner cycle's new
     * values cost the FX thread).
     */
    private static void heatMap() throws Exception {
        Path dir = Files.createTempDirectory("rackscope-heat-bench");
        new TopologyGenerator(40_000, 1, 50).write(dir);
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        Room room = cfg.topology().room("site01", "room01").orElseThrow();
        io.rackscope.desktop.metrics.MetricDefinition inlet =
                new io.rackscope.desktop.metrics.MetricDefinition(
                        "inlet",
                        "Inlet temperature",
                        "",
                        "inlet{rack_id=\"{rack_id}\"}",
                        java.util.Map.of(),
                        new io.rackscope.desktop.metrics.MetricDisplay(
                                "°C",
                                "line",
                                "#fff",
                                List.of("1h"),
                                "1h",
                                "max",
                                27.0,
                                32.0,
                                io.rackscope.desktop.metrics.MetricDisplay.Format.DEFAULT),
                        "",
                        List.of(),
                        null,
                        1);
        io.rackscope.desktop.ui.room.HeatMapBench bench =
                fx(
                        () ->
                                new io.rackscope.desktop.ui.room.HeatMapBench(
                                        room,
                                        inlet,
                                        io.rackscope.desktop.ui.Palette.of(Theme.DARK),
                                        1920,
                                        1080));
        double[] ms = new double[90];
        double[] cpu = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = fx(bench::frame);
            cpu[i] = bench.cpu();
        }
        int worst = slowest(ms, 30);
        double[] warm = Arrays.copyOfRange(ms, 30, ms.length);
        Arrays.sort(warm);
        System.out.printf(
                Locale.ROOT,
                "heat map, %d racks: field made and drawn per frame median %.1f ms, p90 %.1f ms,"
                        + " max %.1f ms of which the FX thread ran %.1f ms (first %.1f ms)%n",
                bench.racks(),
                warm[warm.length / 2],
                warm[(int) (warm.length * 0.9)],
                warm[warm.length - 1],
                cpu[worst],
                ms[0]);
    }

    /** The index of the slowest of {@code ms} from {@code warmUp} on. */
    private static int slowest(double[] ms, int warmUp) {
        int worst = warmUp;
        for (int i = warmUp; i < ms.length; i++) {
            worst = ms[i] > ms[worst] ? i : worst;
        }
        return worst;
    }

    /**
     * Edit mode on the 500-rack room: a rack dragged across the floor, 120 pointer moves, each
     * handled and the floor redrawn; the time of each, as the FX thread spends it.
     */
    private static void dragOnTheFloor(RackscopeConfig cfg, Room room, HealthSnapshot shown)
            throws Exception {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        AppContext ctx =
                new AppContext(
                        cfg,
                        feed,
                        null,
                        null,
                        Clock.systemUTC(),
                        new AppContext.Kept(
                                io.rackscope.desktop.live.AlertHandling.NONE,
                                io.rackscope.desktop.ui.SampleTimes.NONE,
                                io.rackscope.desktop.ui.JournalMarks.NONE,
                                io.rackscope.desktop.ui.JournalHistory.NONE,
                                new Editable(cfg)));
        ctx.options().editingProperty().set(true);
        io.rackscope.desktop.ui.room.RoomFloorView[] view =
                new io.rackscope.desktop.ui.room.RoomFloorView[1];
        fx(
                () -> {
                    feed.publish(shown);
                    view[0] =
                            (io.rackscope.desktop.ui.room.RoomFloorView)
                                    ViewFactory.create(ctx, Place.of(Place.Kind.ROOM, room.key()));
                    Scene s = new Scene(new StackPane(view[0].node()), 1920, 1080);
                    Theme.DARK.applyTo(s);
                    s.getRoot().applyCss();
                    s.getRoot().layout();
                    return s;
                });
        javafx.scene.canvas.Canvas canvas = view[0].canvas();
        String first = room.aisles().get(0).racks().get(0).key();
        javafx.geometry.Rectangle2D tile = fx(() -> view[0].tileOf(first));
        double x0 = tile.getMinX() + tile.getWidth() / 2;
        double y0 = tile.getMinY() + tile.getHeight() / 2;
        fx(
                () -> {
                    canvas.fireEvent(mouse(javafx.scene.input.MouseEvent.MOUSE_PRESSED, x0, y0));
                    return null;
                });
        double[] ms = new double[120];
        for (int i = 0; i < ms.length; i++) {
            double x = x0 + i * 6;
            double y = y0 + i * 3;
            ms[i] =
                    fx(
                            () -> {
                                long t0 = System.nanoTime();
                                canvas.fireEvent(
                                        mouse(javafx.scene.input.MouseEvent.MOUSE_DRAGGED, x, y));
                                return (System.nanoTime() - t0) / 1e6;
                            });
        }
        double[] warm = Arrays.copyOfRange(ms, 10, ms.length);
        Arrays.sort(warm);
        System.out.printf(
                "%-18s drag step (handle + redraw): median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                "room edit drag",
                warm[warm.length / 2],
                warm[(int) (warm.length * 0.9)],
                warm[warm.length - 1]);
    }

    private static javafx.scene.input.MouseEvent mouse(
            javafx.event.EventType<javafx.scene.input.MouseEvent> type, double x, double y) {
        return new javafx.scene.input.MouseEvent(
                type,
                x,
                y,
                x,
                y,
                javafx.scene.input.MouseButton.PRIMARY,
                1,
                false,
                false,
                false,
                false,
                true,
                false,
                false,
                false,
                false,
                false,
                null);
    }

    /** Edit mode available, every edit answered at once: the drag is what is measured. */
    private record Editable(RackscopeConfig estate)
            implements io.rackscope.desktop.ui.EstateEditing {
        @Override
        public java.util.Optional<String> unavailable() {
            return java.util.Optional.empty();
        }

        private java.util.concurrent.CompletableFuture<State> none() {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    new State(0, false, false, "", List.of(), List.of(), "", estate));
        }

        @Override
        public java.util.concurrent.CompletableFuture<State> edit(
                String what,
                java.util.function.Consumer<io.rackscope.desktop.edit.EstateEdits> change) {
            return none();
        }

        @Override
        public <T> java.util.concurrent.CompletableFuture<T> read(
                java.util.function.Function<io.rackscope.desktop.edit.EstateEdits, T> query) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new UnsupportedOperationException("nothing is read in this benchmark"));
        }

        @Override
        public java.util.concurrent.CompletableFuture<State> undo() {
            return none();
        }

        @Override
        public java.util.concurrent.CompletableFuture<State> redo() {
            return none();
        }

        @Override
        public java.util.concurrent.CompletableFuture<State> discard() {
            return none();
        }

        @Override
        public java.util.concurrent.CompletableFuture<State> save() {
            return none();
        }

        @Override
        public State current() {
            return none().join();
        }

        @Override
        public Runnable listen(java.util.function.Consumer<State> listener) {
            return () -> {};
        }
    }

    private static void measure(
            String what,
            RackscopeConfig cfg,
            Place place,
            HealthSnapshot healthy,
            HealthSnapshot failing)
            throws Exception {
        measure(what, cfg, ctx -> ViewFactory.create(ctx, place).node(), healthy, failing);
    }

    /** The main window showing {@code place}: the view and the alert panel beside it. */
    private static void measureWindow(
            String what,
            RackscopeConfig cfg,
            Place place,
            HealthSnapshot healthy,
            HealthSnapshot failing)
            throws Exception {
        measure(
                what,
                cfg,
                ctx -> {
                    ctx.navigation().go(place);
                    return ViewFactory.main(ctx, "", null).node();
                },
                healthy,
                failing);
    }

    private static void measure(
            String what,
            RackscopeConfig cfg,
            java.util.function.Function<AppContext, javafx.scene.Node> build,
            HealthSnapshot healthy,
            HealthSnapshot failing)
            throws Exception {
        // as in the app: the feed's tracking (alerts, flaps, incidents) runs off the FX thread,
        // which gets the hand-off; only that is timed
        java.util.concurrent.atomic.AtomicReference<Runnable> handOff =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean direct =
                new java.util.concurrent.atomic.AtomicBoolean(true);
        HealthFeed feed =
                new HealthFeed(
                        null,
                        r -> {
                            if (direct.get()) {
                                r.run();
                            } else {
                                handOff.set(r);
                            }
                        });
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        Scene scene =
                fx(
                        () -> {
                            feed.publish(healthy);
                            Scene s = new Scene(new StackPane(build.apply(ctx)), 1920, 1080);
                            Theme.DARK.applyTo(s);
                            s.getRoot().applyCss();
                            s.getRoot().layout();
                            return s;
                        });
        double[] ms = new double[Integer.getInteger("bench.frames", 40)];
        double[] cpu = new double[ms.length];
        long[] paused = new long[ms.length];
        double[] waited = new double[ms.length];
        double[][] others = new double[ms.length][];
        java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        long version = 3;
        for (int i = 0; i < ms.length; i++) {
            int frame = i;
            HealthSnapshot base = i % 2 == 0 ? failing : healthy;
            HealthSnapshot next = Snapshots.withVersion(base, version++);
            direct.set(false);
            feed.publish(next);
            Runnable deliver = handOff.getAndSet(null);
            ms[i] =
                    fx(
                            () -> {
                                var k0 = ThreadCpu.millisByKind();
                                double[] s0 = ThreadCpu.self();
                                long g0 = collectorMillis();
                                long c0 = threads.getCurrentThreadCpuTime();
                                long t0 = System.nanoTime();
                                if (deliver != null) {
                                    deliver.run();
                                }
                                long t1 = System.nanoTime();
                                scene.getRoot().applyCss();
                                long t2 = System.nanoTime();
                                scene.getRoot().layout();
                                long t3 = System.nanoTime();
                                if (System.getProperty("bench.verbose") != null) {
                                    System.out.printf(
                                            "  publish %.1f css %.1f layout %.1f%n",
                                            (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
                                }
                                cpu[frame] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                                paused[frame] = collectorMillis() - g0;
                                waited[frame] = ThreadCpu.self()[1] - s0[1];
                                others[frame] =
                                        ThreadCpu.collectorAndCompiler(
                                                ThreadCpu.minus(ThreadCpu.millisByKind(), k0));
                                return (t3 - t0) / 1e6;
                            });
        }
        int worst = slowest(ms, 10);
        double[] warm = Arrays.copyOfRange(ms, 10, ms.length);
        Arrays.sort(warm);
        System.out.printf(
                "%-18s apply+css+layout: median %.1f ms, p90 %.1f ms, max %.1f ms, of which the FX"
                        + " thread ran %.1f ms, waited for a core %.1f ms, was stopped by the"
                        + " collector %d ms; meanwhile the collector's threads ran %.0f ms, the"
                        + " compiler's %.0f ms (first %.1f ms)%n",
                what,
                warm[warm.length / 2],
                warm[(int) (warm.length * 0.9)],
                warm[warm.length - 1],
                cpu[worst],
                waited[worst],
                paused[worst],
                others[worst][0],
                others[worst][1],
                ms[0]);
    }

    /** The collectors' pauses so far (every collector's accumulated collection time). */
    private static long collectorMillis() {
        long sum = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /**
     * {@code firing} alerts of the site's own rules on a generated estate of {@code nodes} (half in
     * whole racks, half scattered): the time to assemble a snapshot with them (roll-up, alerts,
     * incident grouping), then each view's frame when they come and go.
     */
    private static void ruleAlerts(int nodes, int firing) throws Exception {
        Path dir = Files.createTempDirectory("rackscope-rules-bench");
        new TopologyGenerator(nodes, 3).write(dir);
        Files.writeString(
                dir.resolve("app.yaml"),
                Files.readString(dir.resolve("app.yaml"))
                        + "\nalerts:\n  sources:\n    prometheus_rules: {enabled: true}\n");
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        Snapshots snapshots = new Snapshots(cfg);
        List<InstancePath> all = new ArrayList<>(cfg.topology().instances());
        List<io.rackscope.desktop.health.SiteAlert> alerts = new ArrayList<>();
        java.util.Random random = new java.util.Random(1);
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int i = 0; alerts.size() < firing; i++) {
            int at = i < firing / 2 ? i : random.nextInt(all.size());
            if (!taken.add(at)) {
                continue;
            }
            String node = all.get(at).instanceId();
            String name = List.of("NodeHot", "DiskFull", "EccErrors", "PsuDegraded").get(at % 4);
            alerts.add(
                    new io.rackscope.desktop.health.SiteAlert(
                            io.rackscope.desktop.health.Alert.Source.RULE,
                            name,
                            at % 3 == 0 ? Severity.CRIT : Severity.WARN,
                            io.rackscope.desktop.health.SiteAlert.State.FIRING,
                            java.util.Map.of("alertname", name, "instance", node + ":9100"),
                            io.rackscope.desktop.checks.CheckScope.NODE,
                            node,
                            null));
        }
        HealthSnapshot withRules = null;
        double[] assemble = new double[25];
        for (int i = 0; i < assemble.length; i++) {
            long t0 = System.nanoTime();
            withRules = snapshots.withSiteAlerts(2, alerts);
            assemble[i] = (System.nanoTime() - t0) / 1e6;
        }
        HealthSnapshot calm = snapshots.at(1);
        double[] calmAssemble = new double[25];
        for (int i = 0; i < calmAssemble.length; i++) {
            long t0 = System.nanoTime();
            calm = snapshots.at(1);
            calmAssemble[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] a = Arrays.copyOfRange(assemble, 5, assemble.length);
        double[] c = Arrays.copyOfRange(calmAssemble, 5, calmAssemble.length);
        Arrays.sort(a);
        Arrays.sort(c);
        System.out.printf(
                Locale.ROOT,
                "%,d nodes, %,d firing rule alerts: %,d alerts, %,d incidents; snapshot assembled"
                        + " (roll-up, alerts, grouping) median %.1f ms, max %.1f ms; without them"
                        + " %.1f ms%n",
                all.size(),
                firing,
                withRules.alerts().size(),
                withRules.incidents().size(),
                a[a.length / 2],
                a[a.length - 1],
                c[c.length / 2]);
        Room room = cfg.topology().rooms().iterator().next();
        measure("room", cfg, Place.of(Place.Kind.ROOM, room.key()), calm, withRules);
        measure("wallboard", cfg, Place.of(Place.Kind.WALLBOARD, ""), calm, withRules);
        measure("alerts page", cfg, Place.of(Place.Kind.ALERTS, ""), calm, withRules);
        // the yardstick: as many alerts of the app's own checks on the same nodes
        HealthSnapshot withChecks =
                snapshots.at(
                        2,
                        alerts.stream()
                                .map(r -> Snapshots.problem("node_up", r.entity(), r.severity(), 0))
                                .toArray(Snapshots.Problem[]::new));
        measure("alerts page, checks", cfg, Place.of(Place.Kind.ALERTS, ""), calm, withChecks);
    }

    /** Full redraw and a 1,000-node snapshot on a wallboard of the whole estate at 1920x1080. */
    private static void wallboard(int nodes) throws Exception {
        Path dir = Files.createTempDirectory("rackscope-wb-bench");
        new TopologyGenerator(nodes, 3).write(dir);
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        Snapshots snapshots = new Snapshots(cfg);
        List<InstancePath> all = new ArrayList<>(cfg.topology().instances());
        Snapshots.Problem[] changed = new Snapshots.Problem[1000];
        for (int i = 0; i < changed.length; i++) {
            changed[i] =
                    Snapshots.problem(
                            "node_up",
                            all.get(i * all.size() / 1000).instanceId(),
                            Severity.CRIT,
                            0);
        }
        HealthSnapshot healthy = snapshots.at(1);
        HealthSnapshot failing = snapshots.at(2, changed);
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        WallboardView view =
                fx(
                        () -> {
                            feed.publish(healthy);
                            WallboardView v =
                                    (WallboardView)
                                            ViewFactory.create(
                                                    ctx, Place.of(Place.Kind.WALLBOARD, ""));
                            Scene s = new Scene(new StackPane(v.node()), 1920, 1080);
                            Theme.DARK.applyTo(s);
                            s.getRoot().applyCss();
                            s.getRoot().layout();
                            return v;
                        });
        double[] redraw = new double[15];
        double[] apply = new double[30];
        for (int i = 0; i < redraw.length; i++) {
            redraw[i] =
                    fx(
                            () -> {
                                long t0 = System.nanoTime();
                                view.redrawAll();
                                return (System.nanoTime() - t0) / 1e6;
                            });
        }
        long version = 3;
        for (int i = 0; i < apply.length; i++) {
            HealthSnapshot base = i % 2 == 0 ? failing : healthy;
            HealthSnapshot next = Snapshots.withVersion(base, version++);
            apply[i] =
                    fx(
                            () -> {
                                long t0 = System.nanoTime();
                                feed.publish(next);
                                view.node().applyCss();
                                return (System.nanoTime() - t0) / 1e6;
                            });
        }
        double[] r = Arrays.copyOfRange(redraw, 5, redraw.length);
        double[] a = Arrays.copyOfRange(apply, 10, apply.length);
        Arrays.sort(r);
        Arrays.sort(a);
        System.out.printf(
                "wallboard %,d cells: full redraw median %.1f ms (max %.1f); 1,000-node snapshot applied median %.1f ms (max %.1f); cell %d px%n",
                view.model().size(),
                r[r.length / 2],
                r[r.length - 1],
                a[a.length / 2],
                a[a.length - 1],
                (int) view.cellPosition(0)[2]);
    }

    private static void firstFrameAndMemory() throws Exception {
        Path dir = Files.createTempDirectory("rackscope-ui-bench-14k");
        new TopologyGenerator(14_000, 3).write(dir);
        System.gc();
        long t0 = System.nanoTime();
        RackscopeConfig cfg = new ConfigLoader().load(dir);
        HealthSnapshot first =
                new Snapshots(cfg).at(1, Snapshots.problem("node_up", "n000007", Severity.CRIT, 0));
        long loaded = System.nanoTime();
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        AppContext ctx = new AppContext(cfg, feed, null, null, Clock.systemUTC());
        Object image =
                fx(
                        () -> {
                            ctx.navigation().go(Place.of(Place.Kind.ROOM, "site01/room01"));
                            MainView main = ViewFactory.main(ctx, "", null);
                            Scene s = new Scene(main.node(), 1920, 1080);
                            Theme.DARK.applyTo(s);
                            feed.publish(first);
                            return s.snapshot(null);
                        });
        long t1 = System.nanoTime();
        System.out.printf(
                "first coloured frame, 14,000 nodes: %.0f ms (load+snapshot %.0f ms, views+first frame %.0f ms) [%s]%n",
                (t1 - t0) / 1e6,
                (loaded - t0) / 1e6,
                (t1 - loaded) / 1e6,
                image.getClass().getSimpleName());
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        String rss =
                Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("VmRSS"))
                        .findFirst()
                        .orElse("?");
        System.out.printf(
                "with 14,000 nodes open: heap used %.0f MB, %s%n",
                heap / 1048576.0, rss.replaceAll("\\s+", " "));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return FxThread.call(work);
    }
}
