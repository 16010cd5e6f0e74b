package io.rackscope.desktop.telemetry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.CheckOutcome;
import io.rackscope.desktop.health.CheckResult;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Liveness;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.PrometheusException;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.promql.PromQL;
import io.rackscope.desktop.promql.QueryTemplate;
import io.rackscope.desktop.slurm.SlurmService;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Evaluates every check in batched queries and rolls the results up into one immutable {@link
 * HealthSnapshot} per cycle; how each check is asked is {@link CheckUnit}'s business. A cycle is
 * evaluated at a point of the resolution grid ({@code telemetry.scrape_interval_seconds}), so that
 * every query of a cycle sees the same instant and a repeated cycle the same answers. Callers
 * arriving while a cycle runs share it; a snapshot younger than {@code planner.cache_ttl_seconds}
 * is served without any query ({@link #snapshot()}); raw answers are cached for {@code
 * cache.health_checks_ttl_seconds}. A cycle never waits beyond its deadline ({@code
 * planner.cycle_timeout_seconds}): what is unanswered by then goes stale with the reason. A failed
 * batch keeps the last known results of its own targets, marked stale, and touches nothing else;
 * what was never known stays UNKNOWN rather than "last known".
 */
public final class TelemetryPlanner implements PlannerState, AutoCloseable {
    private final RackscopeConfig config;
    private final PrometheusRouter router;
    private final QueryStats stats;
    private final Clock clock;
    private final CheckTargets targets;
    private final CheckQueries queries;
    private final EvaluationMode mode;
    private final Duration step;
    private final Duration deadline;
    private final List<CheckUnit> units = new ArrayList<>();
    private final Cache<String, QueryResult> healthCache;
    private final StateCache stateCache;
    private final Duration snapshotTtl;
    private final SnapshotAssembler assembler;
    private final SlurmService slurm;
    private final SlurmReuse slurmReuse = new SlurmReuse();
    private final RuleAlerts rules;
    private final Map<Route, TargetScrapes> scrapeChanges =
            new java.util.concurrent.ConcurrentHashMap<>();
    // per server, the figures of the targets Slurm's series came from at its last full read
    private final Map<Route, SummedScrapes> slurmScrapeChanges =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile AlertFeed feed;
    private final Route route;
    private final Map<PrometheusApi, Route> routes = new LinkedHashMap<>();
    private final ServerTimes times;
    private final HistoryQuestions history;
    private volatile QueryTemplate.Value slurmJobs = QueryTemplate.Value.anyOf(List.of());
    private final Object lock = new Object();
    private volatile HealthSnapshot latest = HealthSnapshot.empty();
    private volatile Instant lastGood;
    private final Instant createdAt;
    private volatile Instant runningSince;
    private volatile Instant lastFinished;
    private CompletableFuture<HealthSnapshot> running;
    // a first cycle begun before anyone asked, for the first to ask (guarded by lock)
    private CompletableFuture<HealthSnapshot> ahead;
    private Instant runningAt;
    private long version;
    private long interval;
    private final Map<String, Set<String>> neverKnown = new HashMap<>();

    // the nodes seen moving (server time): accounted for first when a target changes
    private final UnsteadyNodes unsteady = new UnsteadyNodes();
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "telemetry-planner");
                        t.setDaemon(true);
                        return t;
                    });

    /** A planner asking one Prometheus for every site. */
    public TelemetryPlanner(
            RackscopeConfig config, PrometheusApi client, EvaluationMode mode, Clock clock) {
        this(config, new PrometheusRouter(client), mode, clock);
    }

    /** A planner asking each site's Prometheus for its own entities. */
    public TelemetryPlanner(
            RackscopeConfig config, PrometheusRouter router, EvaluationMode mode, Clock clock) {
        this(config, router, mode, clock, new CheckTargets(config));
    }

    /** A planner whose checks are about {@code targets} (see {@link CheckTargets}). */
    public TelemetryPlanner(
            RackscopeConfig config,
            PrometheusRouter router,
            EvaluationMode mode,
            Clock clock,
            CheckTargets targets) {
        this.config = config;
        this.router = router;
        this.stats = router.stats();
        this.clock = clock;
        this.createdAt = clock.instant();
        this.mode = mode;
        router.all().forEach(api -> routes.put(api, Route.of(api)));
        this.route = routes.get(router.fallback());
        this.targets = targets;
        this.step =
                Duration.ofSeconds(Math.max(1, config.app().telemetry().scrapeIntervalSeconds()));
        this.times = new ServerTimes(config.app().alerts().sinceLookback());
        this.queries =
                new CheckQueries(
                        config.app(),
                        mode == EvaluationMode.FILTERED,
                        targets,
                        config.slurm().enabled() && config.slurm().jobsPlaceholder());
        this.rules = new RuleAlerts(config);
        this.slurm =
                config.slurm().enabled()
                        ? new SlurmService(config.slurm(), config.topology())
                        : null;
        int phase = 0;
        for (Check check : config.checks().values()) {
            List<String> ids = targets.of(check);
            if (ids.isEmpty()) {
                continue;
            }
            for (Map.Entry<Route, List<String>> e :
                    HistoryQuestions.byRoute(check.scope(), ids, this::routeOf).entrySet()) {
                units.add(
                        new CheckUnit(
                                check,
                                e.getKey(),
                                mode,
                                queries,
                                e.getValue(),
                                step,
                                config.app().planner().presenceRefreshSeconds(),
                                phase++,
                                config.app().planner().forecast()));
            }
            neverKnown.put(check.id(), new HashSet<>(ids));
        }
        chooseSentinels();
        this.healthCache =
                Caffeine.newBuilder()
                        .maximumSize(50_000)
                        .expireAfterWrite(
                                Duration.ofSeconds(
                                        Math.max(0, config.app().cache().healthChecksTtlSeconds())))
                        .ticker(() -> clock.millis() * 1_000_000)
                        .build();
        this.snapshotTtl =
                Duration.ofSeconds(Math.max(0, config.app().planner().cacheTtlSeconds()));
        this.stateCache =
                new StateCache(
                        Duration.ofSeconds(Math.max(0, config.app().cache().serviceTtlSeconds())),
                        stats,
                        clock);
        Severity unknownState =
                Severity.parse(config.app().planner().unknownState()).orElse(Severity.UNKNOWN);
        this.assembler = new SnapshotAssembler(config, targets, unknownState);
        this.interval =
                Math.max(
                        5,
                        Math.min(
                                config.app().refresh().roomStateSeconds(),
                                config.app().refresh().rackStateSeconds()));
        int timeout = config.app().planner().cycleTimeoutSeconds();
        this.deadline =
                Duration.ofSeconds(
                        timeout > 0
                                ? timeout
                                : (long)
                                                Math.ceil(
                                                        2
                                                                * Math.max(
                                                                        1,
                                                                        config.app()
                                                                                .telemetry()
                                                                                .timeoutSeconds()))
                                        + 5);
        this.history =
                new HistoryQuestions(
                        config, queries, step, times, units, mode, this::routeOf, this::ask);
    }

    /** The Prometheus of the site an entity of {@code scope} is in. */
    private Route routeOf(CheckScope scope, String id) {
        String site =
                switch (scope) {
                    case NODE ->
                            config.topology().instance(id).map(p -> p.site().id()).orElse(null);
                    case CHASSIS ->
                            config.topology()
                                    .device(id)
                                    .flatMap(d -> config.topology().rack(d.rackKey()))
                                    .map(r -> r.siteId())
                                    .orElse(null);
                    case RACK -> config.topology().rack(id).map(r -> r.siteId()).orElse(null);
                };
        return routes.get(router.forSite(site));
    }

    /**
     * For every entity whose presence can decide a state, one check read in full every cycle, so
     * that an entity appearing or vanishing is seen at once: per scope, checks without {@code for:}
     * first (they are asked every cycle anyway), then the shorter expressions, each taken when it
     * covers someone not yet covered. A device with nodes that a node check watches, and a rack
     * with such a device, need none of their own: their nodes' presence decides whether they have
     * data, and a node that appears or vanishes puts its device and rack in doubt (see {@link
     * #withRelated}).
     */
    private void chooseSentinels() {
        if (mode != EvaluationMode.FILTERED) {
            return;
        }
        Set<String> nodesWatched = new HashSet<>();
        units.stream()
                .filter(u -> u.check().scope() == CheckScope.NODE)
                .forEach(u -> nodesWatched.addAll(u.ids()));
        Set<String> coveredBelow = new HashSet<>();
        config.topology()
                .racks()
                .forEach(
                        rack ->
                                rack.devices()
                                        .forEach(
                                                d -> {
                                                    if (d.instances().stream()
                                                            .anyMatch(
                                                                    i ->
                                                                            nodesWatched.contains(
                                                                                    i
                                                                                            .instanceId()))) {
                                                        coveredBelow.add(d.id());
                                                        coveredBelow.add(rack.id());
                                                    }
                                                }));
        for (CheckScope scope : CheckScope.values()) {
            Set<String> covered = new HashSet<>(scope == CheckScope.NODE ? Set.of() : coveredBelow);
            units.stream()
                    .filter(u -> u.check().scope() == scope)
                    .sorted(
                            Comparator.comparing((CheckUnit u) -> u.debounced())
                                    .thenComparingInt(u -> u.check().expr().length())
                                    .thenComparing(u -> u.check().id())
                                    .thenComparing(u -> u.route().name()))
                    .forEach(
                            u -> {
                                if (!covered.containsAll(u.ids())) {
                                    u.makeSentinel();
                                    covered.addAll(u.ids());
                                }
                            });
        }
    }

    /** {@code nodes} with the devices and racks they are in: all in doubt when a node changes. */
    private Set<String> withRelated(Set<String> nodes) {
        Set<String> out = new HashSet<>(nodes);
        for (String id : nodes) {
            config.topology()
                    .instance(id)
                    .ifPresent(
                            p -> {
                                out.add(p.device().id());
                                out.add(p.rack().id());
                            });
        }
        return out;
    }

    /**
     * {@code nodes} with the other nodes of their devices: a chassis whose power, controller or
     * management board fails takes its other nodes' series too, so they are where a vanished series
     * is next most likely (only the order of the reads depends on it, never a state).
     */
    private Set<String> withDeviceMates(Set<String> nodes) {
        Set<String> out = new HashSet<>(nodes);
        for (String id : nodes) {
            config.topology()
                    .instance(id)
                    .ifPresent(p -> p.device().instances().forEach(i -> out.add(i.instanceId())));
        }
        return out;
    }

    /**
     * Makes this planner one that looks back (before its first cycle): each {@code for:} check's
     * first cycle reads a {@link PastWindow} — what failed at the first point of the moment's
     * window, and those series' points from the start of that point's own window to the moment —
     * which serves every moment from that point to the moment, so that a planner at any of them (a
     * step back, see {@link #adopt}) asks nothing more of the check.
     */
    public void lookBack() {
        units.forEach(CheckUnit::lookBack);
    }

    /**
     * Before this planner's first cycle, at the earlier moment {@code at}: takes over what {@code
     * later} (a planner of the same configuration that has run at a later moment) knows, where it
     * can stand for {@code at}: which entities have samples, and the past windows of its {@code
     * for:} checks that serve {@code at} (see {@link CheckUnit#adopt}). A step back then asks about
     * what a live cycle asks, and often less.
     */
    public void adopt(TelemetryPlanner later, Instant at) {
        if (later.config != config || later.units.size() != units.size()) {
            return;
        }
        long t = Math.floorDiv(at.getEpochSecond(), step.toSeconds()) * step.toSeconds();
        for (int i = 0; i < units.size(); i++) {
            CheckUnit mine = units.get(i);
            CheckUnit theirs = later.units.get(i);
            if (mine.check() == theirs.check() && mine.route().equals(theirs.route())) {
                mine.adopt(theirs, t);
            }
        }
    }

    /**
     * How often Prometheus is probed between cycles ({@link #heartbeat}): {@code
     * telemetry.prometheus_heartbeat_seconds}, at most the query timeout, so that an outage shows
     * within about one timeout whatever the cycle interval; zero when the heartbeat is off.
     */
    public Duration heartbeatInterval() {
        AppConfig.Telemetry t = config.app().telemetry();
        if (t.heartbeatSeconds() <= 0) {
            return Duration.ZERO;
        }
        Duration timeout =
                t.timeout().compareTo(Duration.ofSeconds(1)) < 0
                        ? Duration.ofSeconds(1)
                        : t.timeout();
        Duration beat = Duration.ofSeconds(t.heartbeatSeconds());
        return beat.compareTo(timeout) < 0 ? beat : timeout;
    }

    /**
     * Whether every Prometheus answers a trivial query now: an answer of any kind counts, a refused
     * connection, a timeout, refused credentials or a page that is not Prometheus' do not.
     */
    public CompletableFuture<Boolean> heartbeat() {
        Instant now = clock.instant();
        List<CompletableFuture<Boolean>> beats = new ArrayList<>();
        for (PrometheusApi api : router.all()) {
            beats.add(
                    api.query("vector(1)", now)
                            .handle(
                                    (r, e) ->
                                            e == null
                                                    || !CycleErrors.of(e, "heartbeat", -1, "")
                                                            .kind()
                                                            .aboutTheServer()));
        }
        return CompletableFuture.allOf(beats.toArray(CompletableFuture[]::new))
                .thenApply(v -> beats.stream().allMatch(CompletableFuture::join));
    }

    /** Whether the last cycle reached every Prometheus (none of its errors is about a server). */
    public boolean lastCycleConnected() {
        return latest.errors().stream().noneMatch(e -> e.kind().aboutTheServer());
    }

    /** Whether a cycle is running now. */
    public boolean cycling() {
        return runningSince != null;
    }

    /** How often cycles run (the feed's interval); {@code for:} checks are scheduled on it. */
    public void setCycleInterval(Duration every) {
        this.interval = Math.max(1, every.toSeconds());
    }

    public Duration cycleInterval() {
        return Duration.ofSeconds(interval);
    }

    /**
     * How long a cycle forward in time asks one query at a time before going as wide as the client:
     * a third of the cycle interval or of its deadline, whichever is shorter, so that it still ends
     * well before either (a query that hangs holds the others no longer than that).
     */
    private Duration oneAtATimeBudget() {
        Duration every = Duration.ofSeconds(interval);
        return (every.compareTo(deadline) < 0 ? every : deadline).dividedBy(3);
    }

    @Override
    public Instant lastGoodAt() {
        return lastGood;
    }

    @Override
    public Liveness liveness() {
        synchronized (lock) {
            return Liveness.of(
                    clock.instant(),
                    createdAt,
                    lastFinished,
                    runningSince,
                    cycleInterval(),
                    deadline);
        }
    }

    @Override
    public HealthSnapshot latest() {
        return latest;
    }

    /** The queries a first cycle sends for new failures and presence (one per batch). */
    public List<String> plannedQueries() {
        List<String> out = new ArrayList<>();
        for (CheckUnit u : units) {
            u.plannedExprs().forEach(e -> out.add(CheckQueries.withJobs(e, slurmJobs)));
        }
        return out;
    }

    /**
     * A snapshot no older than the planner TTL: the cached one, the cycle in progress, or a new
     * cycle. Blocks, at most a cycle's deadline.
     */
    public HealthSnapshot snapshot() {
        HealthSnapshot current = latest;
        if (current.version() > 0
                && Duration.between(current.takenAt(), clock.instant()).compareTo(snapshotTtl)
                        < 0) {
            stats.cacheHit();
            return current;
        }
        stats.cacheMiss();
        return refresh();
    }

    /** The assembled-state layer in front of the snapshot ({@code cache.service_ttl_seconds}). */
    public StateCache stateCache() {
        return stateCache;
    }

    /**
     * The snapshot layer read by the views, without waiting: the newest snapshot, counted a hit
     * while it is younger than {@code planner.cache_ttl_seconds}; older, a miss that starts a cycle
     * in the background (the caller still gets the newest one there is).
     */
    public HealthSnapshot cachedSnapshot() {
        HealthSnapshot current = latest;
        if (current.version() > 0
                && Duration.between(current.takenAt(), clock.instant()).compareTo(snapshotTtl)
                        < 0) {
            stats.cacheHit();
        } else {
            stats.cacheMiss();
            refreshAsync();
        }
        return current;
    }

    /** Starts a cycle at the current grid point, or joins the one already running. */
    public CompletableFuture<HealthSnapshot> refreshAsync() {
        return refreshAsync(null);
    }

    /**
     * Begins the first cycle before anyone asks for it (a window starts it while JavaFX starts):
     * the next {@link #refreshAsync()} takes its snapshot, even when it finished meanwhile, instead
     * of asking Prometheus again.
     */
    public void refreshAhead() {
        synchronized (lock) {
            ahead = refreshAsync(null);
        }
    }

    private CompletableFuture<HealthSnapshot> refreshAsync(Instant at) {
        synchronized (lock) {
            if (at == null && ahead != null) {
                CompletableFuture<HealthSnapshot> begun = ahead;
                ahead = null;
                return begun;
            }
            if (running != null) {
                if (at == null || at.equals(runningAt)) {
                    return running;
                }
                // a chosen moment never takes the answer of another moment's cycle
                return running.handle((s, e) -> at).thenCompose(this::refreshAsync);
            }
            CompletableFuture<HealthSnapshot> cycle = new CompletableFuture<>();
            running = cycle;
            runningAt = at;
            runningSince = clock.instant();
            try {
                worker.execute(() -> runCycle(cycle, at));
            } catch (RejectedExecutionException e) {
                finished();
                cycle.completeExceptionally(e);
            }
            return cycle;
        }
    }

    /**
     * Runs one cycle and marks the planner idle before completing its future: whoever waited for it
     * and starts the next one must not find this one still running.
     */
    private void runCycle(CompletableFuture<HealthSnapshot> future, Instant at) {
        HealthSnapshot snapshot = null;
        Throwable failure = null;
        try {
            snapshot = cycle(at);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        finished();
        if (failure == null) {
            future.complete(snapshot);
        } else {
            future.completeExceptionally(failure);
        }
    }

    private void finished() {
        synchronized (lock) {
            running = null;
            runningAt = null;
            runningSince = null;
            lastFinished = clock.instant();
        }
    }

    /** A cycle now; waits for it at most its deadline plus a margin. */
    public HealthSnapshot refresh() {
        return await(refreshAsync());
    }

    /**
     * A cycle evaluated at {@code at} (rounded down to the grid) instead of now: cycles must come
     * in time order, since the planner carries what it learnt from one to the next.
     */
    public HealthSnapshot refreshAt(Instant at) {
        return await(refreshAsync(at));
    }

    private HealthSnapshot await(CompletableFuture<HealthSnapshot> cycle) {
        try {
            return cycle.get(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a cycle", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the cycle failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the planner did not finish a cycle within " + deadline.toSeconds() + " s", e);
        }
    }

    private HealthSnapshot cycle(Instant at) {
        long started = System.nanoTime();
        long queriesBefore = stats.queryCount();
        long failuresBefore = stats.failedQueries();
        Instant now = clock.instant();
        long t = (at == null ? now : at).toEpochMilli();
        // the snapshot is of the moment evaluated; lastGood stays the real time data arrived
        Instant moment = Instant.ofEpochMilli(t);
        long deadlineAt = started + deadline.toNanos();
        HealthSnapshot previous = latest;
        List<CycleError> errors = new ArrayList<>();
        if (at == null) {
            for (Route r : routes.values()) {
                // a server that failed last cycle may come back restarted with an empty database
                times.askHistoryStart(r, now, failedLastCycle(previous, r));
            }
        }
        // a cycle after the last one in time (a live one, the first, a step forward) asks one query
        // at a time per server, wider past a third of the interval; a look back goes wide at once
        boolean forward = at == null || at.isAfter(previous.takenAt());
        Map<Route, Pacer> pacers = new HashMap<>();
        for (Route r : routes.values()) {
            pacers.put(
                    r,
                    forward
                            ? Pacer.oneAtATime(
                                    Integer.MAX_VALUE,
                                    oneAtATimeBudget().toNanos(),
                                    System::nanoTime,
                                    TelemetryPlanner::serverCannotBeAsked)
                            : Pacer.unlimited());
        }
        // each server's units go through both phases on their own: a slow server delays only
        // its own sites, never another's second phase
        Map<Route, List<CheckUnit>> byRoute = new LinkedHashMap<>();
        units.forEach(u -> byRoute.computeIfAbsent(u.route(), k -> new ArrayList<>()).add(u));
        List<CompletableFuture<Void>> pipelines = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger requests =
                new java.util.concurrent.atomic.AtomicInteger();
        // the scrape figures asked and failed this cycle
        java.util.concurrent.atomic.AtomicInteger[] aside = {
            new java.util.concurrent.atomic.AtomicInteger(),
            new java.util.concurrent.atomic.AtomicInteger()
        };
        Map<Route, CompletableFuture<Vouch>> vouched = new LinkedHashMap<>();
        Map<Route, FirstPhase> firstPhases = new HashMap<>();
        for (Route r : routes.values()) {
            List<CheckUnit> mine = byRoute.getOrDefault(r, List.of());
            long asked = at == null ? ServerTimes.nowOn(r, t) : t;
            FirstPhase first =
                    new FirstPhase(
                            mine,
                            asked,
                            interval,
                            forward,
                            q -> ask(r, q, deadlineAt, requests, pacers.get(r)));
            firstPhases.put(r, first);
            vouched.put(
                    r,
                    scrapesUnchanged(r, mine, asked, previous, deadlineAt, aside, pacers.get(r))
                            .thenCompose(
                                    v -> v.wider() == null ? done(v) : sentinelsFirst(v, first)));
        }
        // Slurm's two queries go beside the checks, unless a check's $jobs needs their answer first
        List<CycleError> slurmErrors = new ArrayList<>();
        CompletableFuture<SlurmSnapshot> slurmAsked =
                slurm == null
                        ? CompletableFuture.completedFuture(SlurmSnapshot.DISABLED)
                        : CompletableFuture.allOf(
                                        vouched.values().toArray(CompletableFuture[]::new))
                                .thenApplyAsync(
                                        x ->
                                                slurm(
                                                        previous.slurm(),
                                                        forward,
                                                        t,
                                                        vouched.values().stream()
                                                                .map(CompletableFuture::join)
                                                                .toList(),
                                                        deadlineAt,
                                                        slurmErrors,
                                                        pacers));
        if (config.slurm().jobsPlaceholder()) {
            slurmAsked.join();
        }
        byRoute.forEach(
                (route, mine) -> {
                    long asked = at == null ? ServerTimes.nowOn(route, t) : t;
                    FirstPhase first = firstPhases.get(route);
                    pipelines.add(
                            vouched.get(route)
                                    .thenCompose(vouch -> all(first.start(vouch, u -> true)))
                                    .thenCompose(
                                            x -> {
                                                Set<String> changed = new HashSet<>();
                                                mine.forEach(
                                                        u -> changed.addAll(u.presenceChanges()));
                                                Set<String> inDoubt = withRelated(changed);
                                                Set<String> moved = new HashSet<>(changed);
                                                mine.forEach(u -> moved.addAll(u.valueChanges()));
                                                unsteady.moved(moved, asked);
                                                Set<String> likely =
                                                        withRelated(withDeviceMates(moved));
                                                List<CompletableFuture<Void>> second =
                                                        new ArrayList<>();
                                                for (CheckUnit u : mine) {
                                                    second.addAll(
                                                            u.phase2(
                                                                    inDoubt,
                                                                    likely,
                                                                    first.toRoute));
                                                }
                                                return all(second);
                                            }));
                });
        Map<Route, CompletableFuture<List<Series>>> ruleAnswers = new LinkedHashMap<>();
        if (rules.enabled()) {
            for (Route r : routes.values()) {
                long asked = at == null ? ServerTimes.nowOn(r, t) : t;
                ruleAnswers.put(r, ruleAlerts(r, asked, deadlineAt, requests, pacers.get(r)));
            }
        }
        CompletableFuture<List<AlertFeed.Fed>> fed = fed(at, deadlineAt);
        join(pipelines);
        SlurmSnapshot slurmState = slurmAsked.join();
        errors.addAll(slurmErrors);
        List<SiteAlert> siteAlerts = siteAlerts(ruleAnswers, fed, previous, errors);
        Map<String, Map<String, CheckResult>> problems = new LinkedHashMap<>();
        Map<String, Set<String>> absent = new LinkedHashMap<>();
        Map<String, Set<String>> unevaluated = new HashMap<>();
        Map<String, Instant> staleSince = new HashMap<>();
        int failedRequests = 0;
        List<Forecast> forecasts = new ArrayList<>();
        for (CheckUnit u : units) {
            CheckUnit.Outcome o = u.finish();
            forecasts.addAll(o.forecasts());
            String id = u.check().id();
            Map<String, CheckResult> p = problems.computeIfAbsent(id, k -> new HashMap<>());
            Set<String> a = absent.computeIfAbsent(id, k -> new HashSet<>());
            p.putAll(o.problems());
            a.addAll(o.absent());
            Set<String> unrefreshed = new HashSet<>(o.unrefreshed());
            if (at == null) {
                unrefreshed.addAll(unconfirmedRecoveries(u, previous, o, moment));
            }
            unevaluated.computeIfAbsent(id, k -> new HashSet<>()).addAll(unrefreshed);
            errors.addAll(o.errors());
            failedRequests += o.errors().size();
            Set<String> unknown = neverKnown.get(id);
            for (String e : u.ids()) {
                if (!unrefreshed.contains(e)) {
                    unknown.remove(e);
                }
            }
            keepLastKnown(previous, id, unrefreshed, unknown, p, a, staleSince, moment);
        }
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        problems.forEach(
                (check, p) ->
                        outcomes.put(
                                check,
                                new CheckOutcome(
                                        check, p, absent.get(check), unevaluated.get(check))));
        long millis = (System.nanoTime() - started) / 1_000_000;
        stats.cycleFinished(millis);
        // the scrape figures are not a batch of the estate: left out of the batches counted
        long sent = Math.max(requests.get(), stats.queryCount() - queriesBefore - aside[0].get());
        // a unit reports one error for all its failed requests: the client's count says how many
        failedRequests =
                (int)
                        Math.max(
                                failedRequests,
                                Math.min(
                                        sent,
                                        stats.failedQueries() - failuresBefore - aside[1].get()));
        if (failedRequests < Math.max(1, sent) || units.isEmpty()) {
            lastGood = now;
        }
        HealthSnapshot snapshot;
        synchronized (lock) {
            snapshot =
                    assembler.assemble(
                            ++version,
                            moment,
                            Duration.ofMillis(millis),
                            outcomes,
                            staleSince,
                            List.copyOf(errors),
                            statsNow((int) Math.max(sent, failedRequests), failedRequests),
                            slurmState,
                            siteAlerts,
                            forecasts);
            latest = snapshot;
        }
        return snapshot;
    }

    /**
     * Targets whose batch could not be refreshed keep their last known result, marked stale with
     * the time of their last good data; targets never known stay without data (UNKNOWN).
     */
    /**
     * The entities of a {@code for:} check that failed before and seem fine now only because the
     * server's history begins inside the check's window (a Prometheus restarted with an empty
     * database): the window cannot be read whole, so they keep their last state, stale, until it
     * can.
     */
    private Set<String> unconfirmedRecoveries(
            CheckUnit u, HealthSnapshot previous, CheckUnit.Outcome o, Instant moment) {
        Instant begins = times.historyStart(u.route()).orElse(null);
        CheckOutcome before = previous.checks().get(u.check().id());
        if (begins == null
                || before == null
                || u.check().forDuration().isZero()
                || !begins.isAfter(moment.minus(u.check().forDuration()))) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (String e : before.problems().keySet()) {
            if (u.ids().contains(e) && !o.problems().containsKey(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static void keepLastKnown(
            HealthSnapshot previous,
            String checkId,
            Set<String> unrefreshed,
            Set<String> neverKnown,
            Map<String, CheckResult> problems,
            Set<String> absent,
            Map<String, Instant> staleSince,
            Instant now) {
        CheckOutcome before = previous.checks().get(checkId);
        for (String id : unrefreshed) {
            problems.remove(id);
            if (neverKnown.contains(id) || before == null) {
                absent.add(id);
                continue;
            }
            Instant since = previous.staleSince().getOrDefault(id, previous.takenAt());
            staleSince.merge(id, since, (x, y) -> x.isBefore(y) ? x : y);
            if (before.absent().contains(id)) {
                absent.add(id);
            } else if (before.problems().containsKey(id)) {
                problems.put(id, before.problems().get(id).asStale());
            }
        }
    }

    /** Waits for a phase; every request already carries the cycle's deadline. */
    private static void join(List<CompletableFuture<Void>> all) {
        all(all).join();
    }

    private static CompletableFuture<Void> all(List<CompletableFuture<Void>> all) {
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
    }

    private CompletableFuture<QueryResult> ask(Route r, CheckUnit.Request req) {
        return ask(r, req, System.nanoTime() + deadline.toNanos());
    }

    private CompletableFuture<QueryResult> ask(Route r, CheckUnit.Request req, long deadlineNanos) {
        return ask(r, req, deadlineNanos, Pacer.unlimited());
    }

    /** Not counted among the cycle's batches. */
    private CompletableFuture<QueryResult> ask(
            Route r, CheckUnit.Request req, long deadlineNanos, Pacer pacer) {
        return ask(r, req, deadlineNanos, new java.util.concurrent.atomic.AtomicInteger(), pacer);
    }

    /**
     * {@code sent} counts the requests that were not answered from the cache; {@code pacer} says
     * when the request may go.
     */
    private CompletableFuture<QueryResult> ask(
            Route r,
            CheckUnit.Request req,
            long deadlineNanos,
            java.util.concurrent.atomic.AtomicInteger sent,
            Pacer pacer) {
        long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        return pacer.send(() -> cached(r, req, sent)).orTimeout(left, TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<QueryResult> cached(
            Route r, CheckUnit.Request req, java.util.concurrent.atomic.AtomicInteger sent) {
        String promql = CheckQueries.withJobs(req.promql(), slurmJobs);
        // by the second: cycles within one second share the first one's answers
        String key =
                r.name()
                        + '\u0000'
                        + promql
                        + '\u0000'
                        + req.timeMillis() / 1000
                        + '\u0000'
                        + req.from();
        QueryResult hit = healthCache.getIfPresent(key);
        if (hit != null) {
            stats.queryCacheHit();
            return CompletableFuture.completedFuture(hit);
        }
        stats.queryCacheMiss();
        sent.incrementAndGet();
        CompletableFuture<QueryResult> answer =
                req.range()
                        ? r.api()
                                .queryRange(
                                        promql,
                                        Instant.ofEpochSecond(req.from()),
                                        Instant.ofEpochSecond(req.to()),
                                        Duration.ofSeconds(req.step()))
                        : r.api().query(promql, Instant.ofEpochMilli(req.timeMillis()));
        return answer.thenApply(
                res -> {
                    healthCache.put(key, res);
                    return res;
                });
    }

    /**
     * Whether {@code e} says the server itself cannot be asked (refusing connections, refusing the
     * credentials, not Prometheus), so that its other queries would fail the same way; a 503 or
     * other 5xx can be one query's (a proxy's timeout, a query too heavy) and is not.
     */
    static boolean serverCannotBeAsked(Throwable e) {
        return CycleErrors.cause(e) instanceof PrometheusException p
                && switch (p.kind()) {
                    case UNREACHABLE, CREDENTIALS, TLS, NOT_PROMETHEUS, INVALID_SETTINGS -> true;
                    default -> false;
                };
    }

    /** Whether {@code r} failed as a server (not a check's query) in the cycle {@code previous}. */
    private static boolean failedLastCycle(HealthSnapshot previous, Route r) {
        return previous.errors().stream()
                .anyMatch(e -> e.kind().aboutTheServer() && r.name().equals(e.server()));
    }

    /**
     * The first phase of one server's checks in a cycle ({@link CheckUnit#phase1}), each check's
     * started once: the sentinels' may go before the others'.
     */
    private final class FirstPhase {
        private final List<CheckUnit> mine;
        private final long asked;
        private final long interval;
        private final boolean forward;
        private final Function<CheckUnit.Request, CompletableFuture<QueryResult>> toRoute;
        private final Set<CheckUnit> started = new HashSet<>();
        private final List<CompletableFuture<Void>> sent = new ArrayList<>();
        private Set<String> keeping;

        FirstPhase(
                List<CheckUnit> mine,
                long asked,
                long interval,
                boolean forward,
                Function<CheckUnit.Request, CompletableFuture<QueryResult>> toRoute) {
            this.mine = mine;
            this.asked = asked;
            this.interval = interval;
            this.forward = forward;
            this.toRoute = toRoute;
        }

        /** Starts the checks {@code which} not started yet; every query sent so far. */
        synchronized List<CompletableFuture<Void>> start(Vouch vouch, Predicate<CheckUnit> which) {
            if (keeping == null) {
                // only a target of the server is ever kept (Seen.outcomeUnchanged): none, none to
                // gather
                keeping = new HashSet<>();
                if (!vouch.server().targets().isEmpty()) {
                    mine.forEach(u -> u.addKeepingSamples(keeping));
                }
                if (forward) {
                    spreadDiscoveries(mine, asked, interval);
                }
            }
            for (CheckUnit u : mine) {
                if (which.test(u) && started.add(u)) {
                    sent.addAll(u.phase1(asked, interval, toRoute, vouch.server(), keeping));
                }
            }
            return List.copyOf(sent);
        }

        /** The nodes the checks started saw appear, vanish or change value, with their mates. */
        Set<String> movedNodes(Set<String> targets) {
            Set<String> moved = new HashSet<>();
            for (CheckUnit u : mine) {
                moved.addAll(u.presenceChanges());
                moved.addAll(u.valueChanges());
            }
            Set<String> out = new java.util.TreeSet<>(withDeviceMates(moved));
            out.removeIf(id -> !servedByOthers(id, targets));
            return out;
        }
    }

    /**
     * The vouch of an account that did not balance, read again with the nodes {@code first}'s
     * sentinels see move in this cycle (started first, with {@code v}: a sentinel is read in full
     * every cycle whatever the figures say): a new failure names its node there, and the account
     * then often balances, sparing every probe and Slurm's full read. {@code v} when they saw none.
     */
    private CompletableFuture<Vouch> sentinelsFirst(Vouch v, FirstPhase first) {
        return all(first.start(v, CheckUnit::sentinel))
                .thenCompose(
                        x -> {
                            Set<String> more = first.movedNodes(v.server().targets());
                            return v.wider().apply(more);
                        });
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /**
     * What a server's scrape figures vouch for in a cycle: that none of its scraped series vanished
     * or appeared since its last cycle ({@code server}), that none of Slurm's targets' did ({@code
     * slurm}), or which of Slurm's did ({@code slurmPatch}, null when not read). {@code wider},
     * when not null: the vouch again with more nodes as the candidates of an account that did not
     * balance (the nodes a sentinel saw move in the cycle), read whole with the other nodes of its
     * devices and racks when that still does not balance.
     */
    record Vouch(
            ScrapeChanges.Seen server,
            boolean slurm,
            SlurmPatch slurmPatch,
            Function<Set<String>, CompletableFuture<Vouch>> wider) {
        static final Vouch NOTHING = new Vouch(ScrapeChanges.Seen.NOTHING, false, null, null);

        Vouch narrowedTo(Set<String> moved) {
            return new Vouch(server.narrowedTo(moved), slurm, null, null);
        }
    }

    /**
     * What {@code route}'s scrape figures vouch for ({@link ScrapeChanges}), asked first when a
     * {@code for:} check of its units could be probed or Slurm's last answer could stand; nothing
     * when not asked or not known.
     */
    private CompletableFuture<Vouch> scrapesUnchanged(
            Route route,
            List<CheckUnit> mine,
            long asked,
            HealthSnapshot previous,
            long deadlineAt,
            java.util.concurrent.atomic.AtomicInteger[] aside,
            Pacer pacer) {
        int scrape = config.app().telemetry().scrapeIntervalSeconds();
        // a first cycle has nothing to compare the figures with, and reads them for the second
        TargetScrapes changes =
                scrapeChanges.computeIfAbsent(route, k -> new TargetScrapes(scrape));
        SummedScrapes slurmChanges = slurmScrapeChanges.get(route);
        // a server that failed last cycle vouches for nothing: asked again once it answers
        if (mode != EvaluationMode.FILTERED
                || !config.app().planner().presenceFromScrapes()
                || mine.stream().noneMatch(CheckUnit::narrowedByScrapes) && slurmChanges == null
                || failedLastCycle(previous, route)) {
            changes.unknown();
            if (slurmChanges != null) {
                slurmChanges.unknown();
            }
            return CompletableFuture.completedFuture(Vouch.NOTHING);
        }
        List<CompletableFuture<List<Series>>> figures = new ArrayList<>();
        for (ScrapeChanges c :
                slurmChanges == null
                        ? List.<ScrapeChanges>of(changes)
                        : List.<ScrapeChanges>of(changes, slurmChanges)) {
            for (ScrapeChanges.Part p : c.queries(asked)) {
                aside[0].incrementAndGet();
                figures.add(
                        ask(route, CheckUnit.Request.instant(p.expr(), asked), deadlineAt, pacer)
                                .whenComplete(
                                        (r, e) -> {
                                            if (e != null) {
                                                aside[1].incrementAndGet();
                                            }
                                        })
                                .thenApply(r -> c.tagged(p, r.series())));
            }
        }
        return SeriesFutures.together(figures)
                .thenApply(series -> new QueryResult("vector", series, List.of(), List.of(), 0))
                .handle(
                        (r, e) -> {
                            if (e != null) {
                                changes.unknown();
                                if (slurmChanges != null) {
                                    slurmChanges.unknown();
                                }
                                return Vouch.NOTHING;
                            }
                            return new Vouch(
                                    changes.seen(r, asked),
                                    slurmChanges != null && slurmChanges.unchanged(r, asked),
                                    null,
                                    null);
                        })
                .thenCompose(
                        v -> accounted(route, mine, v, changes, asked, deadlineAt, aside, pacer));
    }

    /**
     * {@code v} narrowed to the entities whose series may have moved, when the targets that changed
     * are accounted for: targets of their own (a node's exporter) name their entity, and at most
     * one other target (one serving many entities) changed, whose series that vanished or appeared
     * are all of the nodes seen unsteady lately ({@link ScrapeAccount}); {@code v} as it is
     * otherwise, with a way to read the account wider ({@link Vouch#wider}) when it was read.
     */
    private CompletableFuture<Vouch> accounted(
            Route route,
            List<CheckUnit> mine,
            Vouch v,
            TargetScrapes changes,
            long asked,
            long deadlineAt,
            java.util.concurrent.atomic.AtomicInteger[] aside,
            Pacer pacer) {
        ScrapeChanges.Seen seen = v.server();
        if (seen.unchanged() || seen.changedTargets() == null) {
            return changes.sinceMillis() >= 0
                    ? CompletableFuture.completedFuture(v)
                    : firstScrapeSeen(
                                    changes,
                                    accountQueries(route, asked, deadlineAt, aside, pacer),
                                    aside)
                            .thenApply(x -> v);
        }
        Set<String> own = new HashSet<>();
        List<String> serving = new ArrayList<>();
        for (String target : seen.changedTargets()) {
            (config.topology().instance(target).isPresent() ? own : serving).add(target);
        }
        if (serving.isEmpty()) {
            return CompletableFuture.completedFuture(v.narrowedTo(withRelated(own)));
        }
        long since = changes.sinceMillis();
        if (serving.size() > 1 || since < 0) {
            return CompletableFuture.completedFuture(v);
        }
        String target = serving.get(0);
        long seenUpTo = changes.scrapeSeen(target);
        long reach = since + 2 * changes.marginMillis;
        if (seenUpTo != Long.MIN_VALUE && asked - seenUpTo < reach) {
            // from the last scrape seen (the one the first scrape counted is compared with), and
            // a second more: a range holds a sample at its very start in one version, not another
            reach = asked - seenUpTo + 1000;
        }
        long window = Math.floorDiv(reach + 999, 1000);
        Function<String, CompletableFuture<QueryResult>> send =
                accountQueries(route, asked, deadlineAt, aside, pacer);
        Set<String> unwell = new HashSet<>();
        mine.forEach(u -> unwell.addAll(u.unwell()));
        Set<String> candidates = unsteadyNodes(asked, seen.targets(), unwell);
        Function<Throwable, Vouch> failed =
                e -> {
                    aside[1].incrementAndGet();
                    return v;
                };
        return TargetAccount.read(config, mine, target, window, seenUpTo, candidates, own, send)
                .thenApply(
                        a -> {
                            changes.sawScrape(target, a.lastScrape());
                            return judged(a, v, own, failed);
                        })
                .exceptionally(failed);
    }

    /**
     * With nothing to compare the figures with (a first cycle, a server back), the last scrape of
     * the one target serving many that this cycle sees: the next cycle's account then counts only
     * the scrapes after it, whose moves this cycle did not show (a node that flapped just before
     * the first cycle would otherwise be in the second's account, where no sentinel saw it move).
     */
    private CompletableFuture<Void> firstScrapeSeen(
            TargetScrapes changes,
            Function<String, CompletableFuture<QueryResult>> send,
            java.util.concurrent.atomic.AtomicInteger[] aside) {
        List<String> serving =
                changes.targets().stream()
                        .filter(t -> config.topology().instance(t).isEmpty())
                        .toList();
        if (serving.size() != 1) {
            return CompletableFuture.completedFuture(null);
        }
        String target = serving.get(0);
        long window = Math.floorDiv(2 * changes.marginMillis + 999, 1000);
        return send.apply(ScrapeAccount.figuresQuery(target, window))
                .handle(
                        (r, e) -> {
                            if (e == null) {
                                changes.sawScrape(target, ScrapeAccount.lastScrape(r.series()));
                            } else {
                                aside[1].incrementAndGet();
                            }
                            return null;
                        });
    }

    /**
     * The account's queries, sent to {@code route} at {@code asked}, each counted among the cycle's
     * scrape-figure queries ({@code aside[0]}).
     */
    private Function<String, CompletableFuture<QueryResult>> accountQueries(
            Route route,
            long asked,
            long deadlineAt,
            java.util.concurrent.atomic.AtomicInteger[] aside,
            Pacer pacer) {
        return q -> {
            aside[0].incrementAndGet();
            return ask(route, CheckUnit.Request.instant(q, asked), deadlineAt, pacer);
        };
    }

    /**
     * {@code v} narrowed by the account {@code a} when it balances (the entities of {@code own}
     * targets moved too); else {@code v}, widened on demand.
     */
    private Vouch judged(
            TargetAccount a, Vouch v, Set<String> own, Function<Throwable, Vouch> failed) {
        Set<String> theirMoves = a.moved();
        if (theirMoves != null) {
            return narrowed(a, theirMoves, v, own);
        }
        return !a.widens()
                ? v
                : new Vouch(
                        v.server(),
                        v.slurm(),
                        null,
                        more ->
                                a.widened(more)
                                        .thenCompose(b -> rejudged(b, v, own, failed))
                                        .exceptionally(failed));
    }

    /**
     * A widened account judged: narrowed when it balances now, else read once more with its racks
     * and devices whole (a neighbour moving unseen) and judged again.
     */
    private CompletableFuture<Vouch> rejudged(
            TargetAccount a, Vouch v, Set<String> own, Function<Throwable, Vouch> failed) {
        Set<String> moves = a.moved();
        return moves != null
                ? done(narrowed(a, moves, v, own))
                : a.withNeighbours().thenApply(b -> judged(b, v, own, failed));
    }

    /**
     * {@code v} narrowed to what moved: {@code theirMoves}, {@code a}'s candidates, {@code own}.
     */
    private Vouch narrowed(TargetAccount a, Set<String> theirMoves, Vouch v, Set<String> own) {
        Set<String> moved = new HashSet<>(own);
        moved.addAll(a.nodes());
        moved.addAll(theirMoves);
        return new Vouch(
                v.server().narrowedTo(withRelated(moved), a.metricsInLastScrape()),
                v.slurm(),
                a.slurmPatch(),
                null);
    }

    /**
     * Spreads the {@code for:} checks' discoveries (each a full read of the check) over cycles:
     * when none falls due in the cycle at {@code atMillis}, the largest of the first coming cycle
     * where several fall due together is read now instead, early. Checks of one {@code for:}
     * discovered together at start stay apart from then on; a check is only ever read sooner than
     * its {@code for:} needs.
     */
    private static void spreadDiscoveries(List<CheckUnit> mine, long atMillis, long interval) {
        int horizon = 20;
        Map<Integer, List<CheckUnit>> byCycle = new java.util.TreeMap<>();
        for (CheckUnit u : mine) {
            int k = u.cyclesToDiscovery(atMillis, interval, horizon);
            if (k == 0) {
                return;
            }
            if (k > 0) {
                byCycle.computeIfAbsent(k, x -> new ArrayList<>()).add(u);
            }
        }
        byCycle.values().stream()
                .filter(due -> due.size() > 1)
                .findFirst()
                .flatMap(due -> due.stream().max(Comparator.comparingInt(u -> u.batches().size())))
                .ifPresent(CheckUnit::discoverEarly);
    }

    /** Whether {@code id} is a node that is no target of its own ({@code targets}). */
    private boolean servedByOthers(String id, Set<String> targets) {
        return !targets.contains(id) && config.topology().instance(id).isPresent();
    }

    /**
     * The nodes seen moving lately (a sentinel value or presence that changed, as long as {@link
     * UnsteadyNodes} remembers them at {@code atMillis}) and the other nodes of their devices, then
     * the nodes of {@code unwell} (a sentinel had no sample of them or a failing one: down or
     * silent, their series may be going or coming back), those that are no target of their own
     * ({@code targets}): where a change of a target serving many is most likely. The latest first,
     * as many as one query can name.
     */
    private Set<String> unsteadyNodes(long atMillis, Set<String> targets, Set<String> unwell) {
        List<String> latestFirst = unsteady.latestFirst(atMillis);
        List<Set<String>> likelyFirst = new ArrayList<>();
        latestFirst.forEach(node -> likelyFirst.add(withDeviceMates(Set.of(node))));
        new java.util.TreeSet<>(unwell).forEach(node -> likelyFirst.add(Set.of(node)));
        Set<String> out = new java.util.TreeSet<>();
        int bytes = 0;
        for (Set<String> ids : likelyFirst) {
            for (String id : ids) {
                if (!out.contains(id) && servedByOthers(id, targets)) {
                    bytes += PromQL.alternation(List.of(id)).length() + 1;
                    if (bytes > config.app().planner().maxQueryBytes() / 2) {
                        return out;
                    }
                    out.add(id);
                }
            }
        }
        return out;
    }

    /**
     * The rules' alerts on {@code r} at {@code asked}: {@code ALERTS}, then the starts not known
     * yet ({@code ALERTS_FOR_STATE} of their rules) when there are any; a start that cannot be read
     * stays unknown this cycle.
     */
    private CompletableFuture<List<Series>> ruleAlerts(
            Route r,
            long asked,
            long deadlineAt,
            java.util.concurrent.atomic.AtomicInteger requests,
            Pacer pacer) {
        return ask(r, CheckUnit.Request.instant(rules.query(), asked), deadlineAt, requests, pacer)
                .thenCompose(
                        alerts -> {
                            String starts = rules.startsQuery(alerts.series());
                            if (starts == null) {
                                return CompletableFuture.completedFuture(alerts.series());
                            }
                            return ask(
                                            r,
                                            CheckUnit.Request.instant(starts, asked),
                                            deadlineAt,
                                            requests,
                                            pacer)
                                    .handle(
                                            (fs, e) -> {
                                                List<Series> all = new ArrayList<>(alerts.series());
                                                if (e == null) {
                                                    all.addAll(fs.series());
                                                } else {
                                                    rules.startsUnanswered();
                                                }
                                                return all;
                                            });
                        });
    }

    /**
     * Alertmanager's alerts, asked beside the checks in a live cycle (it keeps no history: a past
     * moment has none); null when not asked.
     */
    private CompletableFuture<List<AlertFeed.Fed>> fed(Instant at, long deadlineAt) {
        AlertFeed feed = this.feed;
        if (at != null || feed == null || !rules.fromAlertmanager()) {
            return null;
        }
        long left = Math.max(1, (deadlineAt - System.nanoTime()) / 1_000_000);
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return feed.alerts();
                            } catch (Exception e) {
                                throw new CompletionException(e);
                            }
                        })
                .orTimeout(left, TimeUnit.MILLISECONDS);
    }

    /**
     * The site's own alerts: the rules' as the servers answered, and Alertmanager's that are not
     * the rules'. When a source does not answer, what it said last is kept (alerts are not dropped
     * for a failed query): the rules' error is said with the cycle's; Alertmanager's trouble is
     * said where acknowledgements are (the same server).
     */
    private List<SiteAlert> siteAlerts(
            Map<Route, CompletableFuture<List<Series>>> answers,
            CompletableFuture<List<AlertFeed.Fed>> fed,
            HealthSnapshot previous,
            List<CycleError> errors) {
        List<Series> series = new ArrayList<>();
        boolean failed = false;
        for (Map.Entry<Route, CompletableFuture<List<Series>>> e : answers.entrySet()) {
            try {
                series.addAll(e.getValue().join());
            } catch (CompletionException ex) {
                errors.add(CycleErrors.of(ex, CycleError.RULE_ALERTS, 0, e.getKey().name()));
                failed = true;
            }
        }
        List<SiteAlert> out = new ArrayList<>();
        List<SiteAlert> fromRules =
                failed
                        ? previous.siteAlerts().stream()
                                .filter(a -> a.source() == Alert.Source.RULE)
                                .toList()
                        : rules.read(series);
        out.addAll(fromRules);
        if (fed != null) {
            try {
                out.addAll(rules.fromAlertmanager(fed.join(), fromRules));
            } catch (CompletionException ex) {
                previous.siteAlerts().stream()
                        .filter(a -> a.source() == Alert.Source.ALERTMANAGER)
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** Where Alertmanager's alerts are read (with {@code alerts.sources.alertmanager}). */
    public void setAlertFeed(AlertFeed feed) {
        this.feed = feed;
    }

    /**
     * Slurm's last answer, in a cycle forward in time, when every server's scrape figures ({@code
     * vouches}) vouch that it stands, or one server's account read what moved in it (patched); null
     * otherwise, and it is read in full.
     */
    private SlurmSnapshot slurmKept(boolean forward, List<Vouch> vouches, long t) {
        if (!forward) {
            return null;
        }
        if (vouches.stream().allMatch(v -> v.server().unchanged() || v.slurm())) {
            return slurmReuse.standing(true, t);
        }
        SlurmPatch patch = vouches.size() == 1 ? vouches.get(0).slurmPatch() : null;
        return patch == null ? null : slurmReuse.patched(patch, t, this::slurmOf);
    }

    /**
     * One query for every node's Slurm status and one for the running jobs, through the same cache
     * as the checks; in a cycle after the last one whose scrapes all stood still since, the last
     * answer when it stands, or patched with what an account read ({@link SlurmReuse}).
     */
    private SlurmSnapshot slurm(
            SlurmSnapshot previous,
            boolean forward,
            long t,
            List<Vouch> vouches,
            long deadlineAt,
            List<CycleError> errors,
            Map<Route, Pacer> pacers) {
        SlurmSnapshot kept = slurmKept(forward, vouches, t);
        if (kept != null) {
            return kept;
        }
        List<Series> nodes = new ArrayList<>();
        List<Series> jobs = new ArrayList<>();
        int failed = 0;
        CycleError last = null;
        for (Route r : routes.values()) {
            CompletableFuture<QueryResult> j =
                    ask(
                            r,
                            CheckUnit.Request.instant(slurm.jobQuery(), t),
                            deadlineAt,
                            pacers.get(r));
            CompletableFuture<QueryResult> n =
                    ask(
                            r,
                            CheckUnit.Request.instant(slurm.nodeQuery(), t),
                            deadlineAt,
                            pacers.get(r));
            try {
                List<Series> answered = new ArrayList<>(n.join().series());
                nodes.addAll(answered);
                QueryResult jr = j.exceptionally(e -> null).join();
                if (jr != null) {
                    jobs.addAll(jr.series());
                    answered.addAll(jr.series());
                }
                followSlurmTargets(r, jr == null ? "" : SlurmReuse.targets(answered));
            } catch (CompletionException e) {
                slurmScrapeChanges.remove(r);
                last = CycleErrors.of(e, CycleError.SLURM, 0, r.name());
                errors.add(last);
                failed++;
            }
        }
        if (failed == routes.size()) {
            slurmReuse.unknown();
            return SlurmService.failed(
                    previous.enabled() ? previous : SlurmSnapshot.DISABLED, last.message());
        }
        SlurmSnapshot s = slurmOf(nodes, jobs);
        if (forward && failed == 0) {
            slurmReuse.read(nodes, jobs, t, s);
        } else {
            slurmReuse.unknown();
        }
        return s;
    }

    /** Slurm's view made of its status and job series (read or patched); its jobs fill $jobs. */
    private SlurmSnapshot slurmOf(List<Series> nodes, List<Series> jobs) {
        SlurmSnapshot s =
                slurm.read(
                        new QueryResult("vector", nodes, List.of(), List.of(), 0),
                        new QueryResult("vector", jobs, List.of(), List.of(), 0));
        slurmJobs = QueryTemplate.Value.anyOf(List.copyOf(s.jobs().keySet()));
        return s;
    }

    /**
     * The current values of {@code check} for {@code ids}, whatever their state: the cycle leaves
     * healthy values at Prometheus, and the views that show them ask here. Keyed by entity id.
     */
    public CompletableFuture<Map<String, Double>> currentValues(Check check, List<String> ids) {
        return history.valuesAt(check, ids, clock.instant());
    }

    /** As {@link #currentValues}, at {@code at} (rounded down to the grid). */
    public CompletableFuture<Map<String, Double>> valuesAt(
            Check check, List<String> ids, Instant at) {
        return history.valuesAt(check, ids, at);
    }

    /** See {@link HistoryQuestions#lastSampleAt}. */
    public CompletableFuture<Map<String, Instant>> lastSampleAt(
            Check check, List<String> ids, Instant at, Duration within) {
        return history.lastSampleAt(check, ids, at, within);
    }

    /**
     * From the next cycle, {@code r}'s scrape figures of the targets {@code targets} selects vouch
     * for Slurm's answer (kept while those targets stay the same); none when empty.
     */
    private void followSlurmTargets(Route r, String targets) {
        if (targets.isEmpty()) {
            slurmScrapeChanges.remove(r);
            return;
        }
        slurmScrapeChanges.compute(
                r,
                (k, was) ->
                        was != null && was.matchers().equals(targets)
                                ? was
                                : new SummedScrapes(
                                        config.app().telemetry().scrapeIntervalSeconds(),
                                        "slurm_",
                                        targets));
    }

    /** Where each server's history begins, by server, as each last said. */
    public Map<String, Instant> historyStarts() {
        return times.historyStarts();
    }

    /**
     * How far after where a server's history begins a start read from it may fall and still be that
     * bound rather than a start (history is read on a grid of the scrape interval): two steps.
     */
    public Duration startGrain() {
        return step.multipliedBy(2);
    }

    /** See {@link HistoryQuestions#failingSince(String, List, Instant, Duration)}. */
    public CompletableFuture<Map<String, Instant>> failingSince(
            String checkId, List<String> ids, Instant at, Duration lookback) {
        return history.failingSince(checkId, ids, at, lookback);
    }

    /** See {@link HistoryQuestions#failingSince(Check, List, Instant, Duration)}. */
    public CompletableFuture<Map<String, Instant>> failingSince(
            Check check, List<String> entities, Instant at, Duration lookback) {
        return history.failingSince(check, entities, at, lookback);
    }

    private CycleStats statsNow(int requests, int failed) {
        return new CycleStats(
                stats.queryCount(),
                stats.cacheHits(),
                stats.cacheMisses(),
                stats.inFlight(),
                Math.round(stats.avgLatencyMillis() * 10) / 10.0,
                stats.bytes(),
                stats.wireBytes(),
                stats.lastCycleMillis(),
                stats.failedQueries(),
                stats.queryCacheHits(),
                stats.queryCacheMisses(),
                requests,
                failed,
                routes.size(),
                ServerTimes.widest(routes.keySet(), PrometheusApi::clockSkew),
                ServerTimes.widest(routes.keySet(), PrometheusApi::answerShift),
                times.latestHistoryStartSeconds(),
                routes.keySet().stream()
                        .map(PrometheusApi::standIn)
                        .filter(x -> !x.isEmpty())
                        .collect(java.util.stream.Collectors.joining("; ")));
    }

    @Override
    public CycleStats stats() {
        return statsNow(latest.stats().batches(), latest.stats().failedBatches());
    }

    /** Stops the planner's thread; a cycle in progress is abandoned. */
    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** Drops the cached raw answers, so the next cycle asks Prometheus again. */
    public void invalidateCaches() {
        healthCache.invalidateAll();
    }
}
