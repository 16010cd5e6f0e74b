package io.rackscope.desktop.telemetry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.CheckOutcome;
import io.rackscope.desktop.health.CheckResult;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.promql.QueryTemplate;
import io.rackscope.desktop.slurm.SlurmService;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Evaluates every check in batched queries and rolls the results up into one immutable {@link
 * HealthSnapshot} per cycle. Callers arriving while a cycle runs share it; a snapshot younger than
 * {@code planner.cache_ttl_seconds} is served without any query; raw answers are cached for {@code
 * cache.health_checks_ttl_seconds}. A failed batch keeps the last known results of its own targets,
 * marked stale, and touches nothing else.
 */
public final class TelemetryPlanner implements AutoCloseable {
    private final RackscopeConfig config;
    private final PrometheusClient client;
    private final QueryStats stats;
    private final Clock clock;
    private final CheckTargets targets;
    private final CheckQueries queries;
    private final List<CheckQueries.Batch> batches = new ArrayList<>();
    private final Cache<String, QueryResult> healthCache;
    private final Duration snapshotTtl;
    private final Severity unknownState;
    private final SnapshotAssembler assembler;
    private final SlurmService slurm;
    private volatile QueryTemplate.Value slurmJobs = QueryTemplate.Value.anyOf(List.of());
    private final Object lock = new Object();
    private volatile HealthSnapshot latest = HealthSnapshot.empty();
    private CompletableFuture<HealthSnapshot> running;
    private long version;
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "telemetry-planner");
                        t.setDaemon(true);
                        return t;
                    });

    public TelemetryPlanner(
            RackscopeConfig config, PrometheusClient client, EvaluationMode mode, Clock clock) {
        this.config = config;
        this.client = client;
        this.stats = client.stats();
        this.clock = clock;
        this.targets = new CheckTargets(config);
        this.queries =
                new CheckQueries(
                        config.app(),
                        mode,
                        targets,
                        config.slurm().enabled() && config.slurm().jobsPlaceholder());
        this.slurm =
                config.slurm().enabled()
                        ? new SlurmService(config.slurm(), config.topology())
                        : null;
        for (Check check : config.checks().values()) {
            batches.addAll(queries.batches(check));
        }
        this.healthCache =
                Caffeine.newBuilder()
                        .maximumSize(50_000)
                        .expireAfterWrite(
                                Duration.ofSeconds(
                                        Math.max(0, config.app().cache().healthChecksTtlSeconds())))
                        .build();
        this.snapshotTtl =
                Duration.ofSeconds(Math.max(0, config.app().planner().cacheTtlSeconds()));
        this.unknownState =
                Severity.parse(config.app().planner().unknownState()).orElse(Severity.UNKNOWN);
        this.assembler = new SnapshotAssembler(config, targets, unknownState);
    }

    /** The newest snapshot; never waits. */
    public HealthSnapshot latest() {
        return latest;
    }

    /** The queries one cycle sends when nothing is cached (presence lists aside). */
    public List<String> plannedQueries() {
        return batches.stream().map(CheckQueries.Batch::query).toList();
    }

    /**
     * A snapshot no older than the planner TTL: the cached one, the cycle in progress, or a new
     * cycle. Blocks.
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
        return refreshAsync().join();
    }

    /** Starts a cycle, or joins the one already running. */
    public CompletableFuture<HealthSnapshot> refreshAsync() {
        synchronized (lock) {
            if (running != null) {
                return running;
            }
            CompletableFuture<HealthSnapshot> cycle =
                    CompletableFuture.supplyAsync(this::cycle, worker);
            running = cycle;
            cycle.whenComplete(
                    (s, e) -> {
                        synchronized (lock) {
                            running = null;
                        }
                    });
            return cycle;
        }
    }

    public HealthSnapshot refresh() {
        return refreshAsync().join();
    }

    private HealthSnapshot cycle() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        HealthSnapshot before = latest;
        List<CycleError> errors = new ArrayList<>();
        SlurmSnapshot slurmState =
                slurm == null ? SlurmSnapshot.DISABLED : slurm(before.slurm(), errors);
        List<CompletableFuture<BatchOutcome>> pending = new ArrayList<>(batches.size());
        for (CheckQueries.Batch b : batches) {
            pending.add(evaluate(b, now));
        }
        HealthSnapshot previous = latest;
        Map<String, Map<String, CheckResult>> problems = new LinkedHashMap<>();
        Map<String, Set<String>> absent = new LinkedHashMap<>();
        Map<String, Instant> staleSince = new HashMap<>();
        for (int i = 0; i < batches.size(); i++) {
            CheckQueries.Batch batch = batches.get(i);
            Map<String, CheckResult> p =
                    problems.computeIfAbsent(batch.check().id(), k -> new HashMap<>());
            Set<String> a = absent.computeIfAbsent(batch.check().id(), k -> new HashSet<>());
            try {
                BatchOutcome o = pending.get(i).join();
                p.putAll(o.problems);
                for (String id : batch.ids()) {
                    if (!o.present.contains(id)) {
                        a.add(id);
                    }
                }
            } catch (CompletionException e) {
                errors.add(CycleErrors.of(e, batch.check().id(), i));
                keepLastKnown(previous, batch, p, a, staleSince, now);
            }
        }
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        problems.forEach(
                (check, p) -> outcomes.put(check, new CheckOutcome(check, p, absent.get(check))));
        long millis = (System.nanoTime() - started) / 1_000_000;
        stats.cycleFinished(millis);
        HealthSnapshot snapshot;
        synchronized (lock) {
            snapshot =
                    assembler.assemble(
                            ++version,
                            now,
                            Duration.ofMillis(millis),
                            outcomes,
                            staleSince,
                            List.copyOf(errors),
                            statsNow(errors.size()),
                            slurmState);
            latest = snapshot;
        }
        return snapshot;
    }

    private void keepLastKnown(
            HealthSnapshot previous,
            CheckQueries.Batch batch,
            Map<String, CheckResult> problems,
            Set<String> absent,
            Map<String, Instant> staleSince,
            Instant now) {
        CheckOutcome before = previous.checks().get(batch.check().id());
        for (String id : batch.ids()) {
            Instant since =
                    previous.staleSince()
                            .getOrDefault(id, previous.version() == 0 ? now : previous.takenAt());
            staleSince.merge(id, since, (x, y) -> x.isBefore(y) ? x : y);
            if (before == null || before.absent().contains(id)) {
                absent.add(id);
            } else if (before.problems().containsKey(id)) {
                problems.put(id, before.problems().get(id).asStale());
            }
        }
    }

    private CompletableFuture<BatchOutcome> evaluate(CheckQueries.Batch batch, Instant now) {
        return cachedQuery(batch.query())
                .thenCompose(
                        result -> {
                            BatchOutcome o = new BatchOutcome(batch, now);
                            o.read(result);
                            CompletableFuture<BatchOutcome> presence;
                            if (o.presentCount < 0 || o.allPresent()) {
                                if (o.allPresent()) {
                                    o.present.addAll(batch.ids());
                                }
                                presence = CompletableFuture.completedFuture(o);
                            } else {
                                presence =
                                        cachedQuery(queries.presenceList(batch))
                                                .thenApply(
                                                        list -> {
                                                            o.readPresence(list);
                                                            return o;
                                                        });
                            }
                            return presence.thenCompose(x -> discovery(batch, o))
                                    .thenApply(
                                            x -> {
                                                o.finish();
                                                return o;
                                            });
                        });
    }

    /**
     * For a check with {@code expand_discovery_expr}: sub-nodes that should exist but sent nothing.
     */
    private CompletableFuture<BatchOutcome> discovery(CheckQueries.Batch batch, BatchOutcome o) {
        if (batch.check().expandByLabel() == null || batch.check().expandDiscoveryExpr() == null) {
            return CompletableFuture.completedFuture(o);
        }
        CompletableFuture<QueryResult> discovered = cachedQuery(queries.discovery(batch));
        return cachedQuery(queries.childPresence(batch))
                .thenCombine(
                        discovered,
                        (present, expected) -> {
                            o.readDiscovery(expected, present);
                            return o;
                        });
    }

    /**
     * One query for every node's Slurm status and one for the running jobs, through the same cache
     * as the checks.
     */
    private SlurmSnapshot slurm(SlurmSnapshot previous, List<CycleError> errors) {
        try {
            CompletableFuture<QueryResult> jobs = cachedQuery(slurm.jobQuery());
            SlurmSnapshot s =
                    slurm.read(
                            cachedQuery(slurm.nodeQuery()).join(),
                            jobs.exceptionally(e -> null).join());
            slurmJobs = QueryTemplate.Value.anyOf(List.copyOf(s.jobs().keySet()));
            return s;
        } catch (CompletionException e) {
            CycleError error = CycleErrors.of(e, CycleError.SLURM, 0);
            errors.add(error);
            return SlurmService.failed(
                    previous.enabled() ? previous : SlurmSnapshot.DISABLED, error.message());
        }
    }

    private CompletableFuture<QueryResult> cachedQuery(String template) {
        String promql = CheckQueries.withJobs(template, slurmJobs);
        QueryResult hit = healthCache.getIfPresent(promql);
        if (hit != null) {
            stats.queryCacheHit();
            return CompletableFuture.completedFuture(hit);
        }
        stats.queryCacheMiss();
        return client.query(promql)
                .thenApply(
                        r -> {
                            healthCache.put(promql, r);
                            return r;
                        });
    }

    /**
     * The current values of {@code check} for {@code ids}, whatever their state: the filtered cycle
     * leaves healthy values at Prometheus, and the views that show them ask here. Keyed by entity
     * id.
     */
    public CompletableFuture<Map<String, Double>> currentValues(Check check, List<String> ids) {
        String label = queries.entityLabel(check);
        return cachedQuery(queries.expand(check, ids))
                .thenApply(
                        r -> {
                            Map<String, Double> out = new LinkedHashMap<>();
                            r.series()
                                    .forEach(
                                            s -> {
                                                String id = s.label(label);
                                                if (id != null) {
                                                    out.merge(id, s.value(), Math::max);
                                                }
                                            });
                            return out;
                        });
    }

    private CycleStats statsNow(int failedBatches) {
        return new CycleStats(
                stats.queryCount(),
                stats.cacheHits(),
                stats.cacheMisses(),
                stats.inFlight(),
                Math.round(stats.avgLatencyMillis() * 10) / 10.0,
                stats.bytes(),
                stats.lastCycleMillis(),
                stats.failedQueries(),
                stats.queryCacheHits(),
                stats.queryCacheMisses(),
                batches.size(),
                failedBatches);
    }

    /** The counters as they are now (the self-monitoring endpoint reads them between cycles). */
    public CycleStats stats() {
        return statsNow(latest.stats().failedBatches());
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
