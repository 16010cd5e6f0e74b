package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.prometheus.Series;
import io.rackscope.desktop.promql.PromQL;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * When Slurm's last answer still stands without asking again. Slurm's series say everything in
 * their labels (a node's status, a job's nodes): while the scrape figures vouch that no scraped
 * series vanished or appeared since the last cycle ({@link ScrapeChanges}), and every status series
 * of the last answer was 1 (an exporter that shows a new status as a new series, not by setting an
 * old one to 0), the answer is the same and its two queries, which read every node's series, are
 * not sent. The figures of the targets Slurm's series came from ({@link #targets}: their {@code
 * job} and {@code instance} labels, the Slurm exporter's in a real deployment) vouch for it as well
 * as the whole server's: series that come and go on other exporters leave Slurm's answer standing.
 * When the scrapes did change but an account of them read every Slurm series that moved ({@link
 * SlurmPatch}), the last answer is patched with those instead. It is read in full again at least
 * every {@link #FULL_READ_MILLIS}, and whenever anything is in doubt: a change not accounted for, a
 * failure, a first cycle, a status series of 0.
 */
final class SlurmReuse {
    static final long FULL_READ_MILLIS = 5 * 60_000L;
    private static final long NEVER = Long.MIN_VALUE;

    private long readAt = NEVER;
    private boolean onesOnly;
    private SlurmSnapshot kept;
    private List<Series> nodes = List.of();
    private List<Series> jobs = List.of();

    /**
     * The answer read last, if it stands at {@code now} (a live cycle whose scrapes were vouched
     * unchanged or not); else null, and Slurm is asked.
     */
    synchronized SlurmSnapshot standing(boolean scrapesUnchanged, long now) {
        boolean stands =
                scrapesUnchanged
                        && onesOnly
                        && readAt != NEVER
                        && now >= readAt
                        && now - readAt < FULL_READ_MILLIS;
        return stands ? kept : null;
    }

    /**
     * A full answer read at {@code at}: its node status and job series and what was made of them.
     */
    synchronized void read(List<Series> nodes, List<Series> jobs, long at, SlurmSnapshot made) {
        readAt = at;
        onesOnly = nodes.stream().allMatch(s -> s.value() == 1);
        kept = made;
        this.nodes = List.copyOf(nodes);
        this.jobs = List.copyOf(jobs);
    }

    /**
     * The last answer with {@code patch}'s series in place of those it read, made by {@code make}
     * from the status and job series, when the last answer stood but for the changes the patch
     * read, at {@code now}: null when it is too old, or a status series of the patch is 0.
     */
    synchronized SlurmSnapshot patched(
            SlurmPatch patch,
            long now,
            BiFunction<List<Series>, List<Series>, SlurmSnapshot> make) {
        if (standing(true, now) == null
                || !patch.nodesPresent().stream().allMatch(s -> s.value() == 1)) {
            return null;
        }
        nodes =
                replaced(
                        nodes,
                        s -> patch.nodes().contains(s.label(patch.nodeLabel())),
                        patch.nodesPresent());
        Set<Map<String, String>> read = new HashSet<>();
        patch.jobsRead().forEach(s -> read.add(s.labels()));
        jobs = replaced(jobs, s -> read.contains(s.labels()), patch.jobsPresent());
        kept = make.apply(nodes, jobs);
        return kept;
    }

    private static List<Series> replaced(
            List<Series> series, Predicate<Series> old, List<Series> now) {
        List<Series> out = new ArrayList<>(series.size() + now.size());
        for (Series s : series) {
            if (!old.test(s)) {
                out.add(s);
            }
        }
        out.addAll(now);
        return out;
    }

    /**
     * The matchers of the scrape figures of the targets {@code series} (one server's Slurm answer)
     * came from, {@code job=~"…", instance=~"…"}; empty when a series names no target (relabelled
     * away, or served by a target of another name), so that only the server's figures vouch.
     */
    static String targets(List<Series> series) {
        Set<String> jobs = new TreeSet<>();
        Set<String> instances = new TreeSet<>();
        for (Series s : series) {
            String job = s.label("job");
            String instance = s.label("instance");
            if (job == null || job.isEmpty() || instance == null || instance.isEmpty()) {
                return "";
            }
            jobs.add(job);
            instances.add(instance);
        }
        return jobs.isEmpty()
                ? ""
                : "job=~\""
                        + PromQL.alternation(jobs)
                        + "\", instance=~\""
                        + PromQL.alternation(instances)
                        + "\"";
    }

    /** Not read in full this cycle (an error, a past moment): the next one reads in full. */
    synchronized void unknown() {
        readAt = NEVER;
        kept = null;
        nodes = List.of();
        jobs = List.of();
    }
}
