package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.checks.CheckScope;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryResult;
import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.promql.PromQL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The reads of one cycle's account of a target serving many entities ({@link ScrapeAccount}): its
 * figures, the series of the candidate nodes (with their Slurm states, devices and racks) and the
 * Slurm jobs that came or went. An account that does not balance can be read {@linkplain #widened
 * wider}: only what the first read did not cover is asked.
 */
final class TargetAccount {
    private final RackscopeConfig config;
    private final List<CheckUnit> mine;
    private final String target;
    private final long window;
    private final Function<String, CompletableFuture<QueryResult>> send;
    private final List<Series> figures;
    private final List<Series> jobs;
    private final Set<String> nodes;
    private final Set<String> slurmNames;
    private final Map<String, Set<String>> idsByLabel;
    private final List<Series> ofNodes;
    private final List<Series> statuses;
    private final List<Series> others;

    private TargetAccount(
            TargetAccount before,
            List<Series> figures,
            List<Series> jobs,
            Set<String> nodes,
            Set<String> slurmNames,
            Map<String, Set<String>> idsByLabel,
            List<Series> ofNodes,
            List<Series> statuses,
            List<Series> others) {
        this.config = before.config;
        this.mine = before.mine;
        this.target = before.target;
        this.window = before.window;
        this.send = before.send;
        this.figures = figures;
        this.jobs = jobs;
        this.nodes = nodes;
        this.slurmNames = slurmNames;
        this.idsByLabel = idsByLabel;
        this.ofNodes = ofNodes;
        this.statuses = statuses;
        this.others = others;
    }

    private TargetAccount(
            RackscopeConfig config,
            List<CheckUnit> mine,
            String target,
            long window,
            Function<String, CompletableFuture<QueryResult>> send) {
        this.config = config;
        this.mine = mine;
        this.target = target;
        this.window = window;
        this.send = send;
        this.figures = List.of();
        this.jobs = List.of();
        this.nodes = Set.of();
        this.slurmNames = Set.of();
        this.idsByLabel = Map.of();
        this.ofNodes = List.of();
        this.statuses = List.of();
        this.others = List.of();
    }

    /**
     * Reads the account of {@code target}'s changes over {@code window} seconds with {@code nodes}
     * as candidates (none: only the jobs may account for them) and the Slurm states of {@code
     * targets} too (nodes with a target of their own that changed: a node going down changes its
     * state's series, which another target serves), each query sent by {@code send}.
     */
    static CompletableFuture<TargetAccount> read(
            RackscopeConfig config,
            List<CheckUnit> mine,
            String target,
            long window,
            Set<String> nodes,
            Set<String> targets,
            Function<String, CompletableFuture<QueryResult>> send) {
        TargetAccount empty = new TargetAccount(config, mine, target, window, send);
        CompletableFuture<QueryResult> figures =
                send.apply(ScrapeAccount.figuresQuery(target, window));
        CompletableFuture<List<Series>> jobs = empty.jobsMoved();
        CompletableFuture<TargetAccount> candidates = empty.withNodes(nodes, targets);
        return CompletableFuture.allOf(figures, jobs, candidates)
                .thenApply(
                        x -> {
                            TargetAccount a = candidates.join();
                            return new TargetAccount(
                                    a,
                                    figures.join().series(),
                                    jobs.join(),
                                    a.nodes,
                                    a.slurmNames,
                                    a.idsByLabel,
                                    a.ofNodes,
                                    a.statuses,
                                    a.others);
                        });
    }

    /** The candidates read. */
    Set<String> nodes() {
        return nodes;
    }

    /**
     * The values of every label of the candidates' series that vanished or appeared (the entities
     * they are about), when the candidates and the jobs account for every series the target lost or
     * gained; else null.
     */
    Set<String> moved() {
        if (jobs == null) {
            return null;
        }
        List<Series> theirs = new ArrayList<>(ofNodes);
        theirs.addAll(statuses);
        theirs.addAll(others);
        return ScrapeAccount.moved(figures, theirs, jobs);
    }

    /** Whether a wider read could balance it (not when the jobs that moved were too many). */
    boolean widens() {
        return jobs != null;
    }

    /** The account read again with {@code more} candidates: only what was not read is asked. */
    CompletableFuture<TargetAccount> widened(Set<String> more) {
        Set<String> added = new TreeSet<>(more);
        added.removeAll(nodes);
        return withNodes(added, Set.of());
    }

    /**
     * This account with {@code more} nodes read (and the Slurm states of {@code statesOnly}): their
     * series, their Slurm states and the series of their devices and racks by the labels the
     * chassis and rack checks of {@code mine} name them by (a chassis or a PDU losing its series
     * with its nodes), those not read already. Not those of devices or racks when a check renames
     * labels: the entities a moved series is about are told by its labels' values.
     */
    private CompletableFuture<TargetAccount> withNodes(Set<String> more, Set<String> statesOnly) {
        Set<String> allNodes = new TreeSet<>(nodes);
        allNodes.addAll(more);
        Set<String> names = new TreeSet<>();
        if (config.slurm().enabled()) {
            more.forEach(n -> names.add(config.slurm().mapping().slurmNameOf(n)));
            statesOnly.forEach(n -> names.add(config.slurm().mapping().slurmNameOf(n)));
        }
        names.removeAll(slurmNames);
        Set<String> allNames = new TreeSet<>(slurmNames);
        allNames.addAll(names);
        Map<String, Set<String>> newIds = new LinkedHashMap<>();
        if (mine.stream().noneMatch(u -> ScrapeChanges.renamesLabels(u.check().expr()))) {
            for (CheckUnit u : mine) {
                if (u.check().scope() != CheckScope.NODE && !u.entityLabel().equals("instance")) {
                    for (String node : more) {
                        config.topology()
                                .instance(node)
                                .map(
                                        p ->
                                                u.check().scope() == CheckScope.CHASSIS
                                                        ? p.device().id()
                                                        : p.rack().id())
                                .filter(
                                        id ->
                                                !idsByLabel
                                                        .getOrDefault(u.entityLabel(), Set.of())
                                                        .contains(id))
                                .ifPresent(
                                        id ->
                                                newIds.computeIfAbsent(
                                                                u.entityLabel(),
                                                                k -> new TreeSet<>())
                                                        .add(id));
                    }
                }
            }
        }
        CompletableFuture<List<Series>> ofMore =
                askAll(more, ids -> ScrapeAccount.candidatesQuery("instance", ids, window));
        CompletableFuture<List<Series>> statusesOfMore =
                askAll(
                        names,
                        ids ->
                                ScrapeAccount.candidatesQuery(
                                        config.slurm().metric(),
                                        config.slurm().labelNode(),
                                        ids,
                                        window));
        Map<String, Set<String>> allIds = new TreeMap<>();
        idsByLabel.forEach((label, ids) -> allIds.put(label, new TreeSet<>(ids)));
        List<CompletableFuture<List<Series>>> othersOfMore = new ArrayList<>();
        newIds.forEach(
                (label, ids) -> {
                    othersOfMore.add(
                            askAll(
                                    ids,
                                    some -> ScrapeAccount.candidatesQuery(label, some, window)));
                    allIds.computeIfAbsent(label, k -> new TreeSet<>()).addAll(ids);
                });
        List<CompletableFuture<?>> all = new ArrayList<>(othersOfMore);
        all.add(ofMore);
        all.add(statusesOfMore);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(
                        x -> {
                            List<Series> otherSeries = new ArrayList<>(others);
                            othersOfMore.forEach(f -> otherSeries.addAll(f.join()));
                            return new TargetAccount(
                                    this,
                                    figures,
                                    jobs,
                                    allNodes,
                                    allNames,
                                    allIds,
                                    concat(ofNodes, ofMore.join()),
                                    concat(statuses, statusesOfMore.join()),
                                    otherSeries);
                        });
    }

    /**
     * What the account read of Slurm's series, as a patch to Slurm's last answer; null when Slurm
     * is off, the series are not all the target's or a node's series is another node's status.
     */
    SlurmPatch slurmPatch() {
        if (!config.slurm().enabled() || jobs == null) {
            return null;
        }
        Map<Map<String, String>, Series> jobsRead = new LinkedHashMap<>();
        jobs.forEach(j -> jobsRead.put(j.labels(), j));
        for (Series s : ofNodes) {
            String metric = s.label("__name__");
            if (config.slurm().jobMetric().equals(metric)) {
                jobsRead.put(s.labels(), s);
            } else if (config.slurm().metric().equals(metric)
                    && !slurmNames.contains(s.label(config.slurm().labelNode()))) {
                return null;
            }
        }
        List<Series> read = List.copyOf(jobsRead.values());
        List<Series> nodesPresent = ScrapeAccount.inLastScrape(figures, statuses);
        List<Series> jobsPresent = ScrapeAccount.inLastScrape(figures, read);
        return nodesPresent == null || jobsPresent == null
                ? null
                : new SlurmPatch(
                        config.slurm().labelNode(), slurmNames, nodesPresent, read, jobsPresent);
    }

    /**
     * The Slurm jobs' series of the target that came or went over the window, read in full: they
     * move whenever a job starts or ends, and no check of {@code mine} reads them. Empty when Slurm
     * is off, a check reads them or their ids stand for {@code $jobs}, or none moved; null when
     * those that moved are too many to name in one query.
     */
    private CompletableFuture<List<Series>> jobsMoved() {
        String metric = config.slurm().jobMetric();
        if (!config.slurm().enabled()
                || config.slurm().jobsPlaceholder()
                || mine.stream().anyMatch(u -> u.check().expr().contains(metric))) {
            return CompletableFuture.completedFuture(List.of());
        }
        return send.apply(ScrapeAccount.changedQuery(metric, target, window))
                .thenCompose(
                        changed -> {
                            if (changed.series().isEmpty()) {
                                return CompletableFuture.completedFuture(List.of());
                            }
                            String q =
                                    ScrapeAccount.samplesQuery(
                                            metric,
                                            changed.series(),
                                            window,
                                            config.app().planner().maxQueryBytes());
                            return q == null
                                    ? CompletableFuture.completedFuture(null)
                                    : send.apply(q).thenApply(QueryResult::series);
                        });
    }

    /** The series of {@code ids}, in as many queries as keep each within the byte budget. */
    private CompletableFuture<List<Series>> askAll(
            Set<String> ids, Function<Set<String>, String> query) {
        List<CompletableFuture<QueryResult>> asked = new ArrayList<>();
        int budget = config.app().planner().maxQueryBytes() * 3 / 4;
        Set<String> some = new TreeSet<>();
        int bytes = 0;
        for (String id : ids) {
            int size = PromQL.alternation(List.of(id)).length() + 1;
            if (!some.isEmpty() && bytes + size > budget) {
                asked.add(send.apply(query.apply(some)));
                some = new TreeSet<>();
                bytes = 0;
            }
            some.add(id);
            bytes += size;
        }
        if (!some.isEmpty()) {
            asked.add(send.apply(query.apply(some)));
        }
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new))
                .thenApply(
                        x -> {
                            List<Series> out = new ArrayList<>();
                            asked.forEach(a -> out.addAll(a.join().series()));
                            return out;
                        });
    }

    private static List<Series> concat(List<Series> a, List<Series> b) {
        List<Series> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
