package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.promql.PromQL;
import io.rackscope.desktop.topology.InstancePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The reads of one cycle's account of a target serving many entities ({@link ScrapeAccount}): its
 * figures, the series of the candidate nodes (with their Slurm states, devices and racks) and the
 * Slurm jobs that came or went. An account that does not balance can be read {@linkplain #widened
 * wider}: only what the first read did not cover is asked.
 */
final class TargetAccount {
    /** What a cycle's account asks with. */
    private record Reader(
            RackscopeConfig config,
            List<CheckUnit> mine,
            String target,
            long window,
            long seenUpTo,
            Function<String, CompletableFuture<QueryResult>> send) {}

    /** What it read so far: the series, and the candidates, Slurm names and ids they are of. */
    private record Read(
            List<Series> figures,
            List<Series> jobs,
            Set<String> nodes,
            Set<String> slurmNames,
            Map<String, Set<String>> idsByLabel,
            List<Series> ofNodes,
            List<Series> statuses,
            List<Series> others) {
        static final Read NOTHING =
                new Read(
                        List.of(), List.of(), Set.of(), Set.of(), Map.of(), List.of(), List.of(),
                        List.of());

        Read withOthers(List<Series> more) {
            return new Read(
                    figures,
                    jobs,
                    nodes,
                    slurmNames,
                    idsByLabel,
                    ofNodes,
                    statuses,
                    concat(others, more));
        }

        Read withFigures(List<Series> figuresRead, List<Series> jobsRead) {
            return new Read(
                    figuresRead,
                    jobsRead,
                    nodes,
                    slurmNames,
                    idsByLabel,
                    ofNodes,
                    statuses,
                    others);
        }
    }

    private final Reader reader;
    private final Read read;

    private TargetAccount(Reader reader, Read read) {
        this.reader = reader;
        this.read = read;
    }

    /**
     * Reads the account of {@code target}'s changes over {@code window} seconds, of the scrapes
     * after {@code seenUpTo} (epoch ms: the last the cycle before saw), with {@code nodes} as
     * candidates (none: only the jobs may account for them) and the Slurm states of {@code targets}
     * too (nodes with a target of their own that changed: a node going down changes its state's
     * series, which another target serves), each query sent by {@code send}.
     */
    static CompletableFuture<TargetAccount> read(
            RackscopeConfig config,
            List<CheckUnit> mine,
            String target,
            long window,
            long seenUpTo,
            Set<String> nodes,
            Set<String> targets,
            Function<String, CompletableFuture<QueryResult>> send) {
        TargetAccount empty =
                new TargetAccount(
                        new Reader(config, mine, target, window, seenUpTo, send), Read.NOTHING);
        CompletableFuture<QueryResult> figures =
                send.apply(ScrapeAccount.figuresQuery(target, window));
        CompletableFuture<List<Series>> jobs = empty.jobsMoved();
        CompletableFuture<TargetAccount> candidates = empty.withNodes(nodes, targets);
        return CompletableFuture.allOf(figures, jobs, candidates)
                .thenApply(
                        x ->
                                new TargetAccount(
                                        empty.reader,
                                        candidates
                                                .join()
                                                .read
                                                .withFigures(
                                                        figures.join().series(), jobs.join())));
    }

    /** The candidates read. */
    Set<String> nodes() {
        return read.nodes();
    }

    /**
     * The values of every label of the candidates' series that vanished or appeared (the entities
     * they are about), when the candidates and the jobs account for every series the target lost or
     * gained; else null.
     */
    Set<String> moved() {
        if (read.jobs() == null) {
            return null;
        }
        List<Series> theirs = new ArrayList<>(read.ofNodes());
        theirs.addAll(read.statuses());
        theirs.addAll(read.others());
        return ScrapeAccount.moved(read.figures(), theirs, read.jobs(), reader.seenUpTo());
    }

    /**
     * The metrics each candidate node had in the target's last scrape, by {@code instance}: every
     * candidate read, with no metric when it had none; null when that cannot be told (a series with
     * samples at other times: another target's). A series in the last scrape is there at the
     * cycle's moment; one missing from it was marked stale by that scrape.
     */
    Map<String, Set<String>> metricsInLastScrape() {
        List<Series> present = ScrapeAccount.inLastScrape(read.figures(), read.ofNodes());
        if (present == null) {
            return null;
        }
        Map<String, Set<String>> out = new HashMap<>();
        read.nodes().forEach(n -> out.put(n, new HashSet<>()));
        for (Series s : present) {
            Set<String> metrics = out.get(s.label("instance"));
            if (metrics != null) {
                metrics.add(s.label("__name__"));
            }
        }
        return out;
    }

    /** The time of the last scrape its figures describe (epoch ms); MIN_VALUE when none. */
    long lastScrape() {
        return ScrapeAccount.lastScrape(read.figures());
    }

    /** Whether a wider read could balance it (not when the jobs that moved were too many). */
    boolean widens() {
        return read.jobs() != null;
    }

    /** The account read again with {@code more} candidates: only what was not read is asked. */
    CompletableFuture<TargetAccount> widened(Set<String> more) {
        Set<String> added = new TreeSet<>(more);
        added.removeAll(read.nodes());
        return withNodes(added, Set.of());
    }

    /**
     * This account with every series of the devices and racks it read, their other nodes' too: the
     * last read it can make, for a node that moved beside a candidate with no sentinel seeing it
     * (one that went down and came back between two cycles).
     */
    CompletableFuture<TargetAccount> withNeighbours() {
        List<CompletableFuture<List<Series>>> asked = new ArrayList<>();
        read.idsByLabel()
                .forEach(
                        (label, ids) ->
                                asked.add(
                                        askAll(
                                                ids,
                                                some ->
                                                        ScrapeAccount.candidatesQuery(
                                                                label, some, reader.window()),
                                                id -> 0)));
        return SeriesFutures.together(asked)
                .thenApply(more -> new TargetAccount(reader, read.withOthers(more)));
    }

    /**
     * This account with {@code more} nodes read (and the Slurm states of {@code statesOnly}): their
     * series, their Slurm states and the series of their devices and racks by the labels the
     * chassis and rack checks of {@code mine} name them by (a chassis or a PDU losing its series
     * with its nodes), those not read already. Of a device or rack, only the series of none of its
     * nodes: a node's series are read as a candidate's, and a node that moves beside a candidate is
     * one the sentinels see move, or the account does not balance. Not those of devices or racks at
     * all when a check renames labels: the entities a moved series is about are told by its labels'
     * values.
     */
    private CompletableFuture<TargetAccount> withNodes(Set<String> more, Set<String> statesOnly) {
        RackscopeConfig config = reader.config();
        Set<String> allNodes = new TreeSet<>(read.nodes());
        allNodes.addAll(more);
        Set<String> names = new TreeSet<>();
        if (config.slurm().enabled()) {
            more.forEach(n -> names.add(config.slurm().mapping().slurmNameOf(n)));
            statesOnly.forEach(n -> names.add(config.slurm().mapping().slurmNameOf(n)));
        }
        names.removeAll(read.slurmNames());
        Set<String> allNames = new TreeSet<>(read.slurmNames());
        allNames.addAll(names);
        Map<String, Map<String, List<String>>> newIds = holdersOf(more);
        CompletableFuture<List<Series>> ofMore =
                askAll(
                        more,
                        ids -> ScrapeAccount.candidatesQuery("instance", ids, reader.window()),
                        id -> 0);
        CompletableFuture<List<Series>> statusesOfMore =
                askAll(
                        names,
                        ids ->
                                ScrapeAccount.candidatesQuery(
                                        config.slurm().metric(),
                                        config.slurm().labelNode(),
                                        ids,
                                        reader.window()),
                        id -> 0);
        Map<String, Set<String>> allIds = new TreeMap<>();
        read.idsByLabel().forEach((label, ids) -> allIds.put(label, new TreeSet<>(ids)));
        List<CompletableFuture<List<Series>>> holdersAsked = new ArrayList<>();
        newIds.forEach(
                (label, nodesOf) -> {
                    holdersAsked.add(
                            askAll(
                                    nodesOf.keySet(),
                                    some ->
                                            ScrapeAccount.holdersQuery(
                                                    label,
                                                    some,
                                                    some.stream()
                                                            .flatMap(id -> nodesOf.get(id).stream())
                                                            .toList(),
                                                    reader.window()),
                                    id -> PromQL.alternation(nodesOf.get(id)).length() + 1));
                    allIds.computeIfAbsent(label, k -> new TreeSet<>()).addAll(nodesOf.keySet());
                });
        CompletableFuture<List<Series>> othersOfMore = SeriesFutures.together(holdersAsked);
        return CompletableFuture.allOf(othersOfMore, ofMore, statusesOfMore)
                .thenApply(
                        x ->
                                new TargetAccount(
                                        reader,
                                        new Read(
                                                read.figures(),
                                                read.jobs(),
                                                allNodes,
                                                allNames,
                                                allIds,
                                                concat(read.ofNodes(), ofMore.join()),
                                                concat(read.statuses(), statusesOfMore.join()),
                                                concat(read.others(), othersOfMore.join()))));
    }

    /**
     * The devices and racks of {@code nodes} not read yet, by the label the chassis and rack checks
     * name them by, each with its nodes; none when a check renames labels.
     */
    private Map<String, Map<String, List<String>>> holdersOf(Set<String> nodes) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        List<CheckUnit> mine = reader.mine();
        if (mine.stream().anyMatch(u -> ScrapeChanges.renamesLabels(u.check().expr()))) {
            return out;
        }
        for (CheckUnit u : mine) {
            if (u.check().scope() == CheckScope.NODE || u.entityLabel().equals("instance")) {
                continue;
            }
            boolean device = u.check().scope() == CheckScope.CHASSIS;
            Set<String> done = read.idsByLabel().getOrDefault(u.entityLabel(), Set.of());
            for (String node : nodes) {
                InstancePath p = reader.config().topology().instance(node).orElse(null);
                if (p == null) {
                    continue;
                }
                String id = device ? p.device().id() : p.rack().id();
                if (!done.contains(id)) {
                    out.computeIfAbsent(u.entityLabel(), k -> new TreeMap<>())
                            .computeIfAbsent(
                                    id,
                                    k ->
                                            device
                                                    ? p.device().instanceIds()
                                                    : p.rack().instanceIds());
                }
            }
        }
        return out;
    }

    /**
     * What the account read of Slurm's series, as a patch to Slurm's last answer; null when Slurm
     * is off, the series are not all the target's or a node's series is another node's status.
     */
    SlurmPatch slurmPatch() {
        RackscopeConfig config = reader.config();
        if (!config.slurm().enabled() || read.jobs() == null) {
            return null;
        }
        Map<Map<String, String>, Series> jobsRead = new LinkedHashMap<>();
        read.jobs().forEach(j -> jobsRead.put(j.labels(), j));
        for (Series s : read.ofNodes()) {
            String metric = s.label("__name__");
            if (config.slurm().jobMetric().equals(metric)) {
                jobsRead.put(s.labels(), s);
            } else if (config.slurm().metric().equals(metric)
                    && !read.slurmNames().contains(s.label(config.slurm().labelNode()))) {
                return null;
            }
        }
        List<Series> jobSeries = List.copyOf(jobsRead.values());
        List<Series> nodesPresent = ScrapeAccount.inLastScrape(read.figures(), read.statuses());
        List<Series> jobsPresent = ScrapeAccount.inLastScrape(read.figures(), jobSeries);
        return nodesPresent == null || jobsPresent == null
                ? null
                : new SlurmPatch(
                        config.slurm().labelNode(),
                        read.slurmNames(),
                        nodesPresent,
                        jobSeries,
                        jobsPresent);
    }

    /**
     * The Slurm jobs' series of the target that came or went over the window, read in full: they
     * move whenever a job starts or ends, and no check of {@code mine} reads them. Empty when Slurm
     * is off, a check reads them or their ids stand for {@code $jobs}, or none moved; null when
     * those that moved are too many to name in one query.
     */
    private CompletableFuture<List<Series>> jobsMoved() {
        RackscopeConfig config = reader.config();
        String metric = config.slurm().jobMetric();
        if (!config.slurm().enabled()
                || config.slurm().jobsPlaceholder()
                || reader.mine().stream().anyMatch(u -> u.check().expr().contains(metric))) {
            return CompletableFuture.completedFuture(List.of());
        }
        return reader.send()
                .apply(ScrapeAccount.changedQuery(metric, reader.target(), reader.window()))
                .thenCompose(
                        changed -> {
                            if (changed.series().isEmpty()) {
                                return CompletableFuture.completedFuture(List.of());
                            }
                            String q =
                                    ScrapeAccount.samplesQuery(
                                            metric,
                                            changed.series(),
                                            reader.window(),
                                            config.app().planner().maxQueryBytes());
                            return q == null
                                    ? CompletableFuture.completedFuture(null)
                                    : reader.send().apply(q).thenApply(QueryResult::series);
                        });
    }

    /**
     * The series of {@code ids}, in as many queries as keep each within the byte budget ({@code
     * extra}: the bytes an id adds beside its own name).
     */
    private CompletableFuture<List<Series>> askAll(
            Set<String> ids, Function<Set<String>, String> query, ToIntFunction<String> extra) {
        List<CompletableFuture<List<Series>>> asked = new ArrayList<>();
        int budget = reader.config().app().planner().maxQueryBytes() * 3 / 4;
        Set<String> some = new TreeSet<>();
        int bytes = 0;
        for (String id : ids) {
            int size = PromQL.alternation(List.of(id)).length() + 1 + extra.applyAsInt(id);
            if (!some.isEmpty() && bytes + size > budget) {
                asked.add(reader.send().apply(query.apply(some)).thenApply(QueryResult::series));
                some = new TreeSet<>();
                bytes = 0;
            }
            some.add(id);
            bytes += size;
        }
        if (!some.isEmpty()) {
            asked.add(reader.send().apply(query.apply(some)).thenApply(QueryResult::series));
        }
        return SeriesFutures.together(asked);
    }

    private static List<Series> concat(List<Series> a, List<Series> b) {
        List<Series> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
