package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.health.CheckResult;
import io.rackscope.desktop.health.CycleError;
import io.rackscope.desktop.health.Forecast;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.promql.IdPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One check on one Prometheus: its batches and what the planner remembers of it between cycles
 * (which entities have samples, the {@code for:} runs, when it last looked for new failures).
 *
 * <p>A cycle at grid time T, in the app's scheme ({@link EvaluationMode#FILTERED}):
 *
 * <ul>
 *   <li>a check without {@code for:} is asked every cycle for every entity's worst sample ({@code
 *       max by (instance) (e)}): its states and which entities have samples, in one evaluation;
 *   <li>a {@code for:} check is asked for new failures only as often as needed to see each of them
 *       before it could have held for its duration (each {@code for:} apart, at most); the series
 *       already failing are followed every cycle with a range query over just them and just the
 *       points since last time; a newly failing one has its window read once; in the cycles
 *       between, a presence probe (one count, see {@link PresenceProbe}) sees a vanished series at
 *       once;
 *   <li>the sentinel checks that cover each entity are read in full every cycle, and an entity
 *       whose sentinel saw it appear or vanish is asked of every check at once.
 * </ul>
 *
 * Each batch is evaluated once a cycle (and a failing one's window read once): what a check says of
 * an entity, no sample included, is never older than the cycle.
 *
 * <p>The original's scheme ({@link EvaluationMode#PLAIN}) asks every sample of every batch every
 * cycle and keeps {@code for:} in process at cycle granularity; {@link EvaluationMode#REFERENCE}
 * asks the full rule every cycle.
 */
final class CheckUnit {
    /**
     * A query to send: instant at {@code timeMillis}, or a range over the grid from {@code from} to
     * {@code to} (epoch seconds) when {@code from} is not NONE.
     */
    record Request(String promql, long timeMillis, long from, long to, long step) {
        static Request instant(String promql, long timeMillis) {
            return new Request(promql, timeMillis, Debouncer.NONE, Debouncer.NONE, 1);
        }

        boolean range() {
            return from != Debouncer.NONE;
        }
    }

    /** What this unit says after a cycle. */
    record Outcome(
            Map<String, CheckResult> problems,
            Set<String> absent,
            Set<String> unrefreshed,
            List<CycleError> errors,
            List<Forecast> forecasts) {}

    private final Check check;
    private final Route route;
    private final EvaluationMode mode;
    private final CheckQueries queries;
    private final List<CheckQueries.Batch> batches;
    private final Set<String> ids;
    private final String entityLabel;
    private final Debouncer debouncer;
    private final long step;
    private final long presenceRefresh;
    private boolean sentinel;
    // whether the check reads only scraped series (no recording rule's), and whether this cycle
    // Prometheus' scrape figures vouch that none of them vanished or appeared (see ScrapeChanges)
    private final boolean fromScrapes;
    private ScrapeChanges.Seen scrapes = ScrapeChanges.Seen.NOTHING;
    // the label Prometheus gives every series of a target: the target's own
    private static final String TARGET_LABEL = "instance";
    private final Set<String> present = new HashSet<>();
    private boolean presenceKnown;
    private long lastDiscovery = Debouncer.NONE;
    // read in full in the next cycle, before it falls due (see discoverEarly)
    private boolean discoverEarly;
    private long presenceDue = Debouncer.NONE;
    private long presenceReadAt = Debouncer.NONE;
    private final long phaseOffset;
    private boolean discovered;

    // one cycle's findings: asked at nowMillis; windows end at the grid point cycleTime
    private long nowMillis;
    private long cycleTime;
    private OutcomeBuilder samples;
    private final Set<String> unrefreshed = new HashSet<>();
    private final Set<String> suspects = new LinkedHashSet<>();
    // looking back: the first cycle reads a PastWindow (or takes a later planner's) instead of
    // discovering at its own moment; while it reads one, what failed at its discovery moment
    private boolean lookingBack;
    private PastWindow window;
    private long windowDiscovery = Debouncer.NONE;
    private final Set<String> windowSuspects = new LinkedHashSet<>();
    private final List<Series> windowPoints = new ArrayList<>();
    private final Set<String> valuesRead = new HashSet<>();
    private final Set<String> probeDoubt = new HashSet<>();
    private final List<PresenceProbe> probes = new ArrayList<>();
    private final Map<String, Set<String>> discoveredChildren = new HashMap<>();
    private final Map<String, Set<String>> presentChildren = new HashMap<>();
    private final List<Series> referenceCounts = new ArrayList<>();
    private final List<CycleError> errors = new ArrayList<>();
    private Set<String> presenceBefore = Set.of();
    // whether the check reads only its targets' scrape outcomes (up) by instance: see unmoved
    private final boolean scrapeOutcome;
    // the last worst value per entity of a sentinel or of a check of scrape outcomes, and the
    // entities whose value moved this cycle (a sentinel's)
    private final Map<String, Double> lastValues = new HashMap<>();
    private final Set<String> valueChanges = new HashSet<>();
    private final TrendFollower trends;
    // the expression read of the whole server in one query instead of batch by batch (see
    // askWhole); null when it is not, or no longer, read so
    private volatile String whole;
    // the one metric the check reads, by instance and nothing else; null when it reads otherwise
    private final String scrapedMetric;

    CheckUnit(
            Check check,
            Route route,
            EvaluationMode mode,
            CheckQueries queries,
            List<String> ids,
            Duration step,
            int presenceRefreshSeconds,
            int phase,
            AppConfig.Forecast forecast) {
        this.check = check;
        this.route = route;
        this.mode = mode;
        this.queries = queries;
        this.ids = new LinkedHashSet<>(ids);
        this.batches = queries.batches(check, ids);
        this.entityLabel = queries.entityLabel(check);
        this.step = Math.max(1, step.toSeconds());
        boolean debounced = !check.forDuration().isZero();
        this.debouncer =
                debounced && mode != EvaluationMode.REFERENCE
                        ? new Debouncer(check, entityLabel, this.step)
                        : null;
        this.presenceRefresh = Math.max(this.step, presenceRefreshSeconds);
        this.fromScrapes = !ScrapeChanges.readsRecordedSeries(check.expr());
        // spreads the full presence reads of the checks over the refresh period
        this.phaseOffset = (phase % Math.max(1, presenceRefresh / this.step)) * this.step;
        this.trends =
                mode == EvaluationMode.FILTERED
                        ? TrendFollower.of(check, entityLabel, forecast, this.step)
                        : null;
        String wholeExpr = queries.whole(check).orElse(null);
        // within the bound on one answer's series, with room for other entities' series
        this.whole =
                mode == EvaluationMode.FILTERED
                                && batches.size() > 1
                                && ids.size() + wholeSlack(ids.size())
                                        <= queries.maxSeriesPerQuery()
                        ? wholeExpr
                        : null;
        this.scrapedMetric =
                TARGET_LABEL.equals(entityLabel)
                                && wholeExpr != null
                                && wholeExpr.matches("[a-zA-Z_:][\\w:]*\\{}")
                        ? wholeExpr.substring(0, wholeExpr.length() - 2)
                        : null;
        this.scrapeOutcome =
                mode == EvaluationMode.FILTERED
                        && !debounced
                        && fromScrapes
                        && TARGET_LABEL.equals(entityLabel)
                        && check.expandByLabel() == null
                        && check.expandDiscoveryExpr() == null
                        && trends == null
                        && ScrapeChanges.readsOnlyScrapeOutcome(check.expr());
    }

    Check check() {
        return check;
    }

    Route route() {
        return route;
    }

    /** The label that names the check's entities in its series. */
    String entityLabel() {
        return entityLabel;
    }

    Set<String> ids() {
        return ids;
    }

    List<CheckQueries.Batch> batches() {
        return batches;
    }

    boolean debounced() {
        return !check.forDuration().isZero();
    }

    /** Whether the scrape figures can spare some of its reads (a probe or a scrape outcome). */
    boolean narrowedByScrapes() {
        return debounced() || scrapeOutcome;
    }

    /**
     * Adds to {@code into} the entities this check found samples of at its last cycle, when those
     * come from the entities' own targets and are samples the targets keep (not Prometheus' own
     * series of every target): targets that keep samples.
     */
    synchronized void addKeepingSamples(Set<String> into) {
        if (fromScrapes
                && presenceKnown
                && TARGET_LABEL.equals(entityLabel)
                && !ScrapeChanges.readsTargetSeries(check.expr())) {
            into.addAll(present);
        }
    }

    void makeSentinel() {
        sentinel = true;
    }

    boolean sentinel() {
        return sentinel;
    }

    /**
     * A sentinel's entities that had no sample at its last cycle, or a failing one (a node down:
     * its series gone, or coming back); none when not known.
     */
    synchronized Set<String> unwell() {
        if (!sentinel || !presenceKnown) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            Double last = lastValues.get(id);
            if (!present.contains(id) || last != null && check.evaluate(last) != Severity.OK) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * The queries of the cycle's first phase (new failures, presence, the followed series); {@code
     * scrapes}: what the server's figures say, {@code keepingSamples}: the entities whose targets
     * keep samples (see {@link #addKeepingSamples}).
     */
    List<CompletableFuture<Void>> phase1(
            long atMillis,
            long interval,
            Function<Request, CompletableFuture<QueryResult>> ask,
            ScrapeChanges.Seen scrapes,
            Set<String> keepingSamples) {
        this.scrapes = fromScrapes ? scrapes : ScrapeChanges.Seen.NOTHING;
        nowMillis = atMillis;
        long t = Math.floorDiv(Math.floorDiv(atMillis, 1000), step) * step;
        cycleTime = t;
        samples = new OutcomeBuilder(check, Instant.ofEpochMilli(atMillis));
        unrefreshed.clear();
        suspects.clear();
        valuesRead.clear();
        probeDoubt.clear();
        probes.clear();
        discoveredChildren.clear();
        presentChildren.clear();
        referenceCounts.clear();
        errors.clear();
        presenceBefore = presenceKnown ? Set.copyOf(present) : Set.of();
        valueChanges.clear();
        discovered = false;
        if (trends != null) {
            trends.startCycle(Math.floorDiv(atMillis, 1000));
        }
        List<CompletableFuture<Void>> out = new ArrayList<>();
        windowDiscovery = Debouncer.NONE;
        windowSuspects.clear();
        windowPoints.clear();
        if (byWindow() && (window == null || !window.serves(t))) {
            windowDiscovery = debouncer.windowStart(t);
            out.addAll(discoverAt(windowDiscovery, ask));
        }
        Form form = form(t, interval);
        discoverEarly = false;
        discovered = form == Form.VALUES;
        List<CheckQueries.Batch> askedBatches = new ArrayList<>(batches.size());
        for (CheckQueries.Batch b : batches) {
            askedBatches.add(
                    form == Form.VALUES
                            ? unmoved(b, keepingSamples)
                            : form == Form.NONE ? null : b);
        }
        boolean wholly = whole != null && form != Form.NONE && askedBatches.equals(batches);
        if (wholly) {
            out.add(askWhole(form, atMillis, ask));
        }
        for (int i = 0; i < batches.size(); i++) {
            CheckQueries.Batch b = batches.get(i);
            CheckQueries.Batch asked = wholly ? null : askedBatches.get(i);
            if (asked != null) {
                out.add(askBatch(asked, form, atMillis, ask));
            } else if (form == Form.NONE) {
                out.addAll(askProbe(b, atMillis, ask));
            }
            if (form == Form.VALUES
                    && check.expandByLabel() != null
                    && check.expandDiscoveryExpr() != null) {
                out.add(
                        ask.apply(Request.instant(queries.discovery(check, b.ids()), atMillis))
                                .handle((r, e) -> readExpected(b, r, e)));
            }
            if (mode == EvaluationMode.REFERENCE && debounced()) {
                String reference =
                        CheckQueries.reference(b.expr(), check, Duration.ofSeconds(step));
                // at the cycle's grid point, where the planner judges for: (see Debouncer.held)
                out.add(
                        ask.apply(Request.instant(reference, t * 1000))
                                .handle((r, e) -> readReference(b, r, e)));
            }
        }
        if (debouncer != null && mode == EvaluationMode.FILTERED) {
            List<String> followed = new ArrayList<>();
            long oldest = debouncer.unverifiedSince(t, followed);
            if (!followed.isEmpty()) {
                long from =
                        Math.max(oldest == Debouncer.NONE ? t : oldest, debouncer.windowStart(t));
                out.addAll(range(followed, from, t, ask));
            }
        }
        return out;
    }

    /**
     * {@code b} as it is to be asked this cycle: whole, but for a check of scrape outcomes, whose
     * entities keep last cycle's value when they are targets of the server whose figures did not
     * move (then neither did their outcome), and only the others are asked; null when none is. An
     * entity is kept only when its target keeps samples ({@code keepingSamples}): one that keeps
     * none counts no sample whether its scrape fails or not, and its figures cannot tell.
     */
    private CheckQueries.Batch unmoved(CheckQueries.Batch b, Set<String> keepingSamples) {
        if (!scrapeOutcome || !presenceKnown) {
            return b;
        }
        List<String> asked = new ArrayList<>();
        synchronized (this) {
            for (String id : b.ids()) {
                Double last = lastValues.get(id);
                if (last != null
                        && present.contains(id)
                        && keepingSamples.contains(id)
                        && scrapes.outcomeUnchanged(id)) {
                    valuesRead.add(id);
                    samples.add(id, null, check.evaluate(last), last);
                } else {
                    asked.add(id);
                }
            }
        }
        if (asked.isEmpty()) {
            return null;
        }
        return asked.size() == b.ids().size()
                ? b
                : new CheckQueries.Batch(check, b.index(), asked, queries.expr(check, asked));
    }

    /**
     * Asks the whole server in one query what the batches ask ({@link WholeRead}), each batch
     * reading its entities' series from the answer. When the answer holds many series of entities
     * not the check's (a server shared with other estates), the check goes back to its batches from
     * the next cycle; when it is refused as too large, they are asked at once instead.
     */
    private CompletableFuture<Void> askWhole(
            Form form, long atMillis, Function<Request, CompletableFuture<QueryResult>> ask) {
        int slack = wholeSlack(ids.size());
        return ask.apply(Request.instant(asked(whole, form), atMillis))
                .handle(
                        (r, e) -> {
                            if (e != null && CycleErrors.tooLarge(e)) {
                                whole = null;
                                List<CompletableFuture<Void>> again = new ArrayList<>();
                                for (CheckQueries.Batch b : batches) {
                                    again.add(askBatch(b, form, atMillis, ask));
                                }
                                return CompletableFuture.allOf(
                                        again.toArray(new CompletableFuture<?>[0]));
                            }
                            readWhole(r, e, form, slack);
                            return CompletableFuture.<Void>completedFuture(null);
                        })
                .thenCompose(f -> f);
    }

    /** How many series of entities not the check's a whole answer may hold: a quarter more. */
    private static int wholeSlack(int entities) {
        return Math.max(256, entities / 4);
    }

    /** What the first cycle asks of this check's entities: whole, or batch by batch. */
    List<String> plannedExprs() {
        String w = whole;
        return w != null ? List.of(w) : batches.stream().map(CheckQueries.Batch::expr).toList();
    }

    /** Shares a whole answer out to the batches, one pass over its series. */
    private void readWhole(QueryResult r, Throwable e, Form form, int slack) {
        if (e != null) {
            for (CheckQueries.Batch b : batches) {
                readDiscovery(b, null, e, form);
            }
            return;
        }
        Map<String, Integer> batchOf = new HashMap<>(ids.size() * 2);
        for (CheckQueries.Batch b : batches) {
            for (String id : b.ids()) {
                batchOf.put(id, b.index());
            }
        }
        List<List<Series>> shares = new ArrayList<>(batches.size());
        batches.forEach(b -> shares.add(new ArrayList<>()));
        int foreign = 0;
        for (Series s : r.series()) {
            String entity = s.label(entityLabel);
            Integer at = entity == null ? null : batchOf.get(entity);
            if (at == null) {
                foreign++;
            } else {
                shares.get(at).add(s);
            }
        }
        if (foreign > slack) {
            whole = null;
        }
        for (CheckQueries.Batch b : batches) {
            List<Series> share = shares.get(b.index());
            readDiscovery(
                    b,
                    new QueryResult(r.resultType(), share, r.warnings(), r.infos(), 0),
                    null,
                    form);
        }
    }

    private CompletableFuture<Void> askBatch(
            CheckQueries.Batch b,
            Form form,
            long atMillis,
            Function<Request, CompletableFuture<QueryResult>> ask) {
        return ask.apply(Request.instant(asked(b.expr(), form), atMillis))
                .handle((r, e) -> readDiscovery(b, r, e, form));
    }

    /** What a full read in {@code form} asks of the entities of expression {@code e}. */
    private String asked(String e, Form form) {
        return switch (form) {
            case PRESENCE -> CheckQueries.presence(e, entityLabel);
            default ->
                    mode == EvaluationMode.FILTERED
                            ? CheckQueries.values(e, check, entityLabel)
                            : e;
        };
    }

    /** Asks {@code b}'s presence probe, when presence is known: its parts in as few requests. */
    private List<CompletableFuture<Void>> askProbe(
            CheckQueries.Batch b,
            long atMillis,
            Function<Request, CompletableFuture<QueryResult>> ask) {
        if (mode != EvaluationMode.FILTERED || !presenceKnown || sentinel) {
            return List.of();
        }
        // only an entity named by its series' instance label can be told by its own target,
        // unless every change is accounted for
        List<String> doubted =
                scrapes.unchanged()
                        ? List.of()
                        : !scrapes.narrowsEveryScope()
                                        && (scrapes.changedTargets() == null
                                                || !TARGET_LABEL.equals(entityLabel))
                                ? b.ids()
                                : b.ids().stream().filter(scrapes::mayHaveChanged).toList();
        doubted = withoutKnownPresence(doubted);
        if (doubted.isEmpty()) {
            return List.of();
        }
        CheckQueries.Batch probed =
                doubted.size() == b.ids().size()
                        ? b
                        : new CheckQueries.Batch(
                                check, b.index(), doubted, queries.expr(check, doubted));
        PresenceProbe probe = PresenceProbe.of(probed, present, queries, check, entityLabel);
        probes.add(probe);
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (String q : probe.requests(queries.maxQueryBytes())) {
            out.add(
                    ask.apply(Request.instant(q, atMillis))
                            .handle(
                                    (r, e) -> {
                                        if (e != null) {
                                            fail(e, probe.batch.ids(), b.index());
                                        } else {
                                            readProbe(probe, r);
                                        }
                                        return null;
                                    }));
        }
        return out;
    }

    /**
     * {@code doubted} less the nodes whose presence the scrape account read already: for a check of
     * one metric by instance ({@code metric{instance=~"$instances"}}), a node it read has samples
     * exactly when that metric was in its target's last scrape. Their presence is taken from it as
     * from a presence read; the others are left to the probe.
     */
    private List<String> withoutKnownPresence(List<String> doubted) {
        Map<String, Set<String>> known = scrapes.metricsAtLastScrape();
        if (scrapedMetric == null || known == null || doubted.isEmpty()) {
            return doubted;
        }
        List<String> read = new ArrayList<>();
        Set<String> found = new HashSet<>();
        List<String> rest = new ArrayList<>();
        for (String id : doubted) {
            Set<String> metrics = known.get(id);
            if (metrics == null) {
                rest.add(id);
            } else {
                read.add(id);
                if (metrics.contains(scrapedMetric)) {
                    found.add(id);
                }
            }
        }
        if (!read.isEmpty()) {
            readPresence(read, found);
        }
        return rest;
    }

    /**
     * Reads a probe's answer: the count (compared in the second phase, once every part has
     * answered) and the entities back.
     */
    private synchronized void readProbe(PresenceProbe probe, QueryResult r) {
        probe.read(r, entityLabel);
        if (probe.expected < 0) {
            present.removeAll(probe.missing);
            valuesRead.addAll(probe.missing);
        }
        present.addAll(probe.back);
    }

    /**
     * The batches whose probe counted otherwise than their known presence says: in doubt, or, when
     * some of their entities are {@code likely} ones, returned with those, to be asked first.
     */
    private synchronized Map<PresenceProbe, List<String>> compareProbes(Set<String> likely) {
        Set<Integer> failed = new HashSet<>();
        errors.forEach(e -> failed.add(e.batch()));
        Map<PresenceProbe, List<String>> narrowed = new LinkedHashMap<>();
        for (PresenceProbe p : probes) {
            if (!failed.contains(p.batch.index()) && p.doubts()) {
                List<String> first = p.batch.ids().stream().filter(likely::contains).toList();
                if (first.isEmpty()) {
                    probeDoubt.addAll(p.batch.ids());
                } else {
                    narrowed.put(p, first);
                }
            }
        }
        return narrowed;
    }

    /** What a cycle asks of this check's batches (see the class comment). */
    enum Form {
        /** Nothing this cycle. */
        NONE,
        /** Every entity's worst sample: presence and states. */
        VALUES,
        /** Only which entities have samples. */
        PRESENCE
    }

    private Form form(long t, long interval) {
        if (mode != EvaluationMode.FILTERED) {
            return Form.VALUES;
        }
        boolean full =
                sentinel
                        || !presenceKnown
                        || presenceDue == Debouncer.NONE
                        || t >= presenceDue
                        || check.expandDiscoveryExpr() != null;
        if (byWindow()) {
            return full ? Form.PRESENCE : Form.NONE;
        }
        boolean due = !debounced() || discoverEarly || discoveryDue(t, interval);
        if (due) {
            return Form.VALUES;
        }
        return sentinel ? Form.PRESENCE : Form.NONE;
    }

    /**
     * Whether a {@code for:} check reads its values in full in the cycle at grid time {@code t}
     * (cycles {@code interval} seconds apart): when waiting for the next would let a failure hold
     * its {@code for:} unseen.
     */
    private boolean discoveryDue(long t, long interval) {
        return lastDiscovery == Debouncer.NONE
                || t + interval - lastDiscovery > check.forDuration().toSeconds();
    }

    /**
     * How many cycles from the one at {@code atMillis} (0: that one) until this {@code for:}
     * check's next discovery falls due, cycles {@code interval} seconds apart, within {@code
     * horizon} cycles; -1 when none does, or it is no such check.
     */
    synchronized int cyclesToDiscovery(long atMillis, long interval, int horizon) {
        if (mode != EvaluationMode.FILTERED
                || !debounced()
                || lastDiscovery == Debouncer.NONE
                || byWindow()) {
            return -1;
        }
        for (int k = 0; k <= horizon; k++) {
            long t = Math.floorDiv(Math.floorDiv(atMillis, 1000) + k * interval, step) * step;
            if (discoveryDue(t, interval)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Reads the values in full in the next cycle, before they fall due: a check read more often
     * than its {@code for:} needs misses nothing.
     */
    synchronized void discoverEarly() {
        discoverEarly = true;
    }

    /** Looking back, a {@code for:} check's first cycle: its states come from a PastWindow. */
    private boolean byWindow() {
        return lookingBack
                && debouncer != null
                && mode == EvaluationMode.FILTERED
                && check.expandDiscoveryExpr() == null
                && lastDiscovery == Debouncer.NONE;
    }

    /** Makes the first cycle read a PastWindow (and take one of a later planner's, see adopt). */
    void lookBack() {
        lookingBack = true;
    }

    /** What failed at the grid moment {@code d}: the series a new PastWindow follows. */
    private List<CompletableFuture<Void>> discoverAt(
            long d, Function<Request, CompletableFuture<QueryResult>> ask) {
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (CheckQueries.Batch b : batches) {
            // with forecasts, the near ones come too: the window's first cycle knows them
            String q =
                    CheckQueries.failing(b.expr(), check, trends == null ? 0 : trends.margin())
                            .orElse(CheckQueries.values(b.expr(), check, entityLabel));
            out.add(
                    ask.apply(Request.instant(q, d * 1000))
                            .handle(
                                    (r, e) -> {
                                        if (e != null) {
                                            fail(e, b.ids(), b.index());
                                            return null;
                                        }
                                        Set<String> batch = new HashSet<>(b.ids());
                                        synchronized (this) {
                                            for (Series x : r.series()) {
                                                String id = x.label(entityLabel);
                                                if (batch.contains(id)
                                                        && debouncer.failing(x.value())) {
                                                    windowSuspects.add(id);
                                                }
                                            }
                                            readTrends(batch, r.series());
                                        }
                                        return null;
                                    }));
        }
        return out;
    }

    /**
     * The second phase: the windows of new suspects, and presence of entities in doubt. {@code
     * likely}: the entities where a vanished series most likely is (see {@link #valueChanges}); a
     * probe that counted fewer asks of those first, and of the rest of its batch only when they do
     * not account for the count.
     */
    List<CompletableFuture<Void>> phase2(
            Set<String> inDoubt,
            Set<String> likely,
            Function<Request, CompletableFuture<QueryResult>> ask) {
        List<CompletableFuture<Void>> out = new ArrayList<>();
        if (windowDiscovery != Debouncer.NONE && errors.isEmpty() && !windowSuspects.isEmpty()) {
            out.addAll(
                    range(
                            new ArrayList<>(windowSuspects),
                            debouncer.windowStart(windowDiscovery),
                            cycleTime,
                            ask,
                            (series, group) -> windowPoints.addAll(series)));
        }
        if (debouncer != null) {
            suspects.removeIf(id -> debouncer.verifiedAt(id, cycleTime));
        }
        if (debouncer != null && mode == EvaluationMode.FILTERED && !suspects.isEmpty()) {
            out.addAll(
                    range(
                            new ArrayList<>(suspects),
                            debouncer.windowStart(cycleTime),
                            cycleTime,
                            ask));
        }
        if (trends != null) {
            for (List<String> group : groups(trends.candidates())) {
                String e = queries.expr(check, group);
                CompletableFuture<QueryResult> values =
                        ask.apply(Request.instant(trends.valueQuery(e), nowMillis));
                CompletableFuture<QueryResult> points =
                        ask.apply(Request.instant(trends.pointsQuery(e), nowMillis));
                // a forecast not answered is only missing: the check's states do not depend on it
                out.add(
                        values.thenCombine(
                                        points,
                                        (v, p) -> {
                                            trends.answer(
                                                    v.series(), p.series(), group, nowMillis / 1e3);
                                            return (Void) null;
                                        })
                                .exceptionally(x -> null));
            }
        }
        Map<PresenceProbe, List<String>> narrowed = compareProbes(likely);
        Set<String> askedFirst = new HashSet<>();
        narrowed.values().forEach(askedFirst::addAll);
        List<String> doubt = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>(probeDoubt);
        asked.addAll(inDoubt);
        for (String id : asked) {
            if (ids.contains(id) && !valuesRead.contains(id) && !askedFirst.contains(id)) {
                doubt.add(id);
            }
        }
        out.addAll(askPresence(doubt, ask));
        narrowed.forEach((p, first) -> out.add(askLikelyFirst(p, first, ask)));
        return out;
    }

    /** Which of {@code entities} have samples now, read in groups. */
    private List<CompletableFuture<Void>> askPresence(
            List<String> entities, Function<Request, CompletableFuture<QueryResult>> ask) {
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (List<String> group : groups(entities)) {
            String q = CheckQueries.presence(queries.expr(check, group), entityLabel);
            out.add(
                    ask.apply(Request.instant(q, nowMillis))
                            .handle(
                                    (r, e) -> {
                                        if (e != null) {
                                            fail(e, group, -1);
                                        } else {
                                            readPresence(group, entities(r.series(), group));
                                        }
                                        return null;
                                    }));
        }
        return out;
    }

    private synchronized void readPresence(List<String> group, Set<String> found) {
        present.removeAll(group);
        present.addAll(found);
        valuesRead.addAll(group);
    }

    /**
     * A probe that counted fewer: the presence of its likely entities ({@code first}), then, unless
     * they account for the count (every other entity known present then still is), of the rest of
     * its batch.
     */
    private CompletableFuture<Void> askLikelyFirst(
            PresenceProbe p,
            List<String> first,
            Function<Request, CompletableFuture<QueryResult>> ask) {
        String q = CheckQueries.presence(queries.expr(check, first), entityLabel);
        return ask.apply(Request.instant(q, nowMillis))
                .handle(
                        (r, e) -> {
                            if (e != null) {
                                // the vanished series may be any of the batch's, as before
                                fail(e, p.batch.ids(), -1);
                                return CompletableFuture.<Void>completedFuture(null);
                            }
                            Set<String> found = entities(r.series(), first);
                            readPresence(first, found);
                            if (p.accountedFor(first, found)) {
                                return CompletableFuture.<Void>completedFuture(null);
                            }
                            Set<String> asked = Set.copyOf(first);
                            List<String> rest =
                                    p.batch.ids().stream()
                                            .filter(id -> !asked.contains(id))
                                            .toList();
                            return CompletableFuture.allOf(
                                    askPresence(rest, ask).toArray(CompletableFuture[]::new));
                        })
                .thenCompose(x -> x);
    }

    /** Range queries over {@code entities} from {@code from} to {@code to}, one per group. */
    private List<CompletableFuture<Void>> range(
            List<String> entities,
            long from,
            long to,
            Function<Request, CompletableFuture<QueryResult>> ask) {
        return range(
                entities,
                from,
                to,
                ask,
                (series, group) -> {
                    debouncer.observe(series, group, from, to);
                    presentAt(series, group, to);
                });
    }

    /** As above, each group's answer handed to {@code read} (under this unit's lock). */
    private List<CompletableFuture<Void>> range(
            List<String> entities,
            long from,
            long to,
            Function<Request, CompletableFuture<QueryResult>> ask,
            BiConsumer<List<Series>, List<String>> read) {
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (List<String> group : groups(entities)) {
            out.add(
                    ask.apply(new Request(queries.expr(check, group), to * 1000, from, to, step))
                            .handle(
                                    (r, e) -> {
                                        if (e != null) {
                                            fail(e, group, -1);
                                        } else {
                                            synchronized (this) {
                                                read.accept(r.series(), group);
                                            }
                                        }
                                        return null;
                                    }));
        }
        return out;
    }

    /** Ids in groups small enough for one query each. */
    private List<List<String>> groups(List<String> entities) {
        List<List<String>> out = new ArrayList<>();
        int size = Math.max(1, queries.maxEntitiesPerQuery());
        for (int i = 0; i < entities.size(); i += size) {
            out.add(entities.subList(i, Math.min(entities.size(), i + size)));
        }
        return out;
    }

    private synchronized Void readDiscovery(
            CheckQueries.Batch b, QueryResult r, Throwable e, Form form) {
        if (e != null) {
            fail(e, b.ids(), b.index());
            return null;
        }
        Set<String> batch = new HashSet<>(b.ids());
        List<Series> mine = new ArrayList<>();
        for (Series s : r.series()) {
            String entity = s.label(entityLabel);
            if (entity != null && batch.contains(entity)) {
                mine.add(s);
            }
        }
        present.removeAll(batch);
        valuesRead.addAll(batch);
        for (Series s : mine) {
            String entity = s.label(entityLabel);
            present.add(entity);
            if (form == Form.PRESENCE) {
                continue;
            }
            String child = check.expandByLabel() == null ? null : s.label(check.expandByLabel());
            if (child != null) {
                presentChildren.computeIfAbsent(entity, k -> new HashSet<>()).add(child);
            }
            if ((sentinel || scrapeOutcome) && child == null) {
                Double before = lastValues.put(entity, s.value());
                if (sentinel && before != null && Double.compare(before, s.value()) != 0) {
                    valueChanges.add(entity);
                }
            }
            if (!debounced()) {
                samples.add(entity, child, check.evaluate(s.value()), s.value());
            } else if (debouncer != null && debouncer.failing(s.value())) {
                suspects.add(entity);
            }
        }
        if (debouncer != null && mode == EvaluationMode.PLAIN) {
            debouncer.observeInstant(mine, batch, nowMillis / 1000);
        }
        if (form == Form.VALUES) {
            readTrends(batch, mine);
        }
        return null;
    }

    /** Tells the trend follower each entity's worst value in {@code series} (of {@code batch}). */
    private void readTrends(Set<String> batch, List<Series> series) {
        if (trends != null) {
            trends.readSeries(batch, series);
        }
    }

    private synchronized Void readExpected(CheckQueries.Batch b, QueryResult r, Throwable e) {
        if (e != null) {
            fail(e, b.ids(), b.index());
            return null;
        }
        Set<String> batch = new HashSet<>(b.ids());
        for (Series s : r.series()) {
            String entity = s.label(entityLabel);
            String child = s.label(check.expandByLabel());
            if (entity != null && child != null && batch.contains(entity)) {
                discoveredChildren.computeIfAbsent(entity, k -> new HashSet<>()).add(child);
            }
        }
        return null;
    }

    private synchronized Void readReference(CheckQueries.Batch b, QueryResult r, Throwable e) {
        if (e != null) {
            fail(e, b.ids(), b.index());
        } else {
            referenceCounts.addAll(r.series());
        }
        return null;
    }

    private void presentAt(List<Series> matrix, Collection<String> group, long t) {
        present.removeAll(group);
        for (Series s : matrix) {
            double[] ts = s.timestamps();
            String entity = s.label(entityLabel);
            if (entity != null && ts.length > 0 && Math.round(ts[ts.length - 1]) == t) {
                present.add(entity);
            }
        }
    }

    private Set<String> entities(List<Series> series, Collection<String> group) {
        Set<String> wanted = new HashSet<>(group);
        Set<String> out = new HashSet<>();
        for (Series s : series) {
            String entity = s.label(entityLabel);
            if (entity != null && wanted.contains(entity)) {
                out.add(entity);
            }
        }
        return out;
    }

    private synchronized void fail(Throwable e, Collection<String> which, int batch) {
        unrefreshed.addAll(which);
        errors.add(CycleErrors.of(e, check.id(), batch, route.name()));
    }

    /** Entities of a sentinel whose presence changed in this cycle (appeared or vanished). */
    synchronized Set<String> presenceChanges() {
        if (!sentinel || presenceBefore.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (String id : valuesRead) {
            if (present.contains(id) != presenceBefore.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * A sentinel's entities whose worst value moved since the last cycle (a node whose {@code up}
     * fell to 0, say): where a series that vanished this cycle most likely was.
     */
    synchronized Set<String> valueChanges() {
        return sentinel ? Set.copyOf(valueChanges) : Set.of();
    }

    /** Closes the cycle: the check's states, and what it could not refresh. */
    synchronized Outcome finish() {
        if (windowDiscovery != Debouncer.NONE && errors.isEmpty()) {
            window =
                    new PastWindow(
                            windowDiscovery,
                            debouncer.windowStart(windowDiscovery),
                            cycleTime,
                            windowSuspects,
                            windowPoints);
        }
        if (byWindow() && window != null && window.serves(cycleTime)) {
            List<Series> points = window.until(cycleTime);
            debouncer.observe(points, window.entities(), window.from(), cycleTime);
            // the window's series say whether they had a sample at the moment
            presentAt(points, window.entities(), cycleTime);
            lastDiscovery = window.discoveredAt();
        } else if (byWindow()) {
            // the window could not be read: nothing is known of the for: states at this moment
            unrefreshed.addAll(ids);
        }
        boolean allValues = valuesRead.containsAll(ids) && unrefreshed.isEmpty();
        if (!valuesRead.isEmpty() || errors.isEmpty()) {
            presenceKnown |= allValues;
        }
        if (allValues) {
            presenceReadAt = cycleTime;
            presenceDue =
                    presenceDue == Debouncer.NONE
                            ? cycleTime + presenceRefresh - phaseOffset
                            : cycleTime + presenceRefresh;
        }
        if (discovered && errors.stream().noneMatch(e -> e.batch() >= 0)) {
            lastDiscovery = cycleTime;
        }
        if (debounced()) {
            if (mode == EvaluationMode.REFERENCE) {
                long first =
                        Debouncer.windowStart(cycleTime, check.forDuration().toSeconds(), step);
                long steps = (cycleTime - first) / step + 1;
                for (Series s : referenceCounts) {
                    String entity = s.label(entityLabel);
                    Severity sev =
                            Severity.parse(s.label(CheckQueries.SEVERITY_LABEL))
                                    .orElse(Severity.UNKNOWN);
                    if (entity != null && ids.contains(entity) && s.value() >= steps) {
                        String child =
                                check.expandByLabel() == null
                                        ? null
                                        : s.label(check.expandByLabel());
                        samples.add(entity, child, sev, Double.NaN);
                    }
                }
            } else {
                boolean grid = mode == EvaluationMode.FILTERED;
                for (Debouncer.Held h :
                        debouncer.held(
                                grid ? cycleTime : nowMillis / 1000, nowMillis / 1000, grid)) {
                    samples.add(h.entity(), h.child(), h.severity(), h.value());
                }
            }
        }
        discoveredChildren.forEach(
                (entity, kids) -> {
                    Set<String> have = presentChildren.getOrDefault(entity, Set.of());
                    for (String child : kids) {
                        if (!have.contains(child)) {
                            present.add(entity);
                            samples.add(entity, child, check.expandAbsentState(), Double.NaN);
                        }
                    }
                });
        Set<String> absent = new HashSet<>();
        for (String id : ids) {
            if (!present.contains(id) && !unrefreshed.contains(id)) {
                absent.add(id);
            }
        }
        if (!presenceKnown) {
            unrefreshed.addAll(absent);
            absent.clear();
        }
        return new Outcome(
                samples.problems(),
                absent,
                Set.copyOf(unrefreshed),
                List.copyOf(errors),
                trends == null ? List.of() : trends.forecasts());
    }

    /**
     * Takes over what {@code later} (the same check on the same Prometheus, in a planner at a later
     * moment) knows, for a first cycle at the earlier grid time {@code t}: its {@link PastWindow}
     * when that serves {@code t}, and its presence when read within the presence refresh of {@code
     * t}. As in a live planner, the sentinels still read every entity at {@code t} and whatever
     * appeared or vanished is asked again, and presence older than the refresh is read afresh:
     * whether an earlier moment is reached forwards or backwards, presence is no staler than live.
     */
    void adopt(CheckUnit later, long t) {
        if (lookingBack && later.window != null && later.window.serves(t)) {
            window = later.window;
        }
        if (!later.presenceKnown
                || later.presenceReadAt == Debouncer.NONE
                || Math.abs(later.presenceReadAt - t) + phaseOffset >= presenceRefresh) {
            return;
        }
        present.clear();
        present.addAll(later.present);
        presenceKnown = true;
        presenceReadAt = later.presenceReadAt;
        presenceDue = later.presenceReadAt + presenceRefresh - phaseOffset;
    }

    /** A pattern of this unit's ids, for messages and tests. */
    String idPattern() {
        return IdPattern.of(ids);
    }
}
