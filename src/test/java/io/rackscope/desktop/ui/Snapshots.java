package io.rackscope.desktop.ui;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.CheckOutcome;
import io.rackscope.desktop.health.CheckResult;
import io.rackscope.desktop.health.CycleStats;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.telemetry.SnapshotAssembler;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Snapshots for UI tests: every check answered, everything OK except the problems given. */
public final class Snapshots {
    private final RackscopeConfig cfg;
    private final SnapshotAssembler assembler;

    public Snapshots(RackscopeConfig cfg) {
        this.cfg = cfg;
        this.assembler = new SnapshotAssembler(cfg);
    }

    /** {@code children}: the states of an {@code expand_by_label} check's sub-nodes. */
    public record Problem(
            String check,
            String entity,
            Severity severity,
            double value,
            Map<String, Severity> children) {}

    public static Problem problem(String check, String entity, Severity severity, double value) {
        return new Problem(check, entity, severity, value, Map.of());
    }

    public static Problem problem(
            String check,
            String entity,
            Severity severity,
            double value,
            Map<String, Severity> children) {
        return new Problem(check, entity, severity, value, children);
    }

    public HealthSnapshot at(long version, Problem... problems) {
        return at(version, Map.of(), problems);
    }

    /** As above, with {@code absent}: per check, the entities that returned no sample. */
    public HealthSnapshot at(long version, Map<String, Set<String>> absent, Problem... problems) {
        return at(version, absent, List.of(), problems);
    }

    /** A cycle whose queries failed with {@code errors} (every batch, when about the server). */
    public HealthSnapshot failing(long version, io.rackscope.desktop.health.CycleError... errors) {
        return at(version, Map.of(), List.of(errors));
    }

    /** A cycle that read {@code siteAlerts} of the site's own alerting, beside {@code problems}. */
    public HealthSnapshot withSiteAlerts(
            long version,
            List<io.rackscope.desktop.health.SiteAlert> siteAlerts,
            Problem... problems) {
        return at(version, Map.of(), List.of(), siteAlerts, List.of(), problems);
    }

    /** A snapshot with forecasts about raw ids (placed as the planner's are). */
    public HealthSnapshot withForecasts(
            long version,
            List<io.rackscope.desktop.health.Forecast> forecasts,
            Problem... problems) {
        return at(version, Map.of(), List.of(), List.of(), forecasts, problems);
    }

    private HealthSnapshot at(
            long version,
            Map<String, Set<String>> absent,
            List<io.rackscope.desktop.health.CycleError> errors,
            Problem... problems) {
        return at(version, absent, errors, List.of(), List.of(), problems);
    }

    private HealthSnapshot at(
            long version,
            Map<String, Set<String>> absent,
            List<io.rackscope.desktop.health.CycleError> errors,
            List<io.rackscope.desktop.health.SiteAlert> siteAlerts,
            List<io.rackscope.desktop.health.Forecast> forecasts,
            Problem... problems) {
        Instant now = Instant.now();
        Map<String, Map<String, CheckResult>> byCheck = new HashMap<>();
        cfg.checks().keySet().forEach(c -> byCheck.put(c, new HashMap<>()));
        for (Problem p : problems) {
            byCheck.get(p.check())
                    .put(
                            p.entity(),
                            new CheckResult(
                                    p.check(),
                                    p.entity(),
                                    p.severity(),
                                    p.value(),
                                    p.children(),
                                    now,
                                    false));
        }
        Map<String, CheckOutcome> outcomes = new HashMap<>();
        byCheck.forEach(
                (c, m) ->
                        outcomes.put(c, new CheckOutcome(c, m, absent.getOrDefault(c, Set.of()))));
        return assembler.assemble(
                version,
                now,
                Duration.ofMillis(42),
                outcomes,
                Map.of(),
                errors,
                new CycleStats(
                        10L * version,
                        0,
                        version,
                        0,
                        0,
                        0,
                        0,
                        42,
                        0,
                        0,
                        0,
                        cfg.checks().size(),
                        // every batch failed when the errors are about the server
                        !errors.isEmpty()
                                        && errors.stream().allMatch(e -> e.kind().aboutTheServer())
                                ? cfg.checks().size()
                                : 0,
                        1),
                io.rackscope.desktop.slurm.SlurmSnapshot.DISABLED,
                siteAlerts,
                forecasts);
    }

    /** The same states under another version number (benchmarks alternate two snapshots). */
    public static HealthSnapshot withVersion(HealthSnapshot b, long version) {
        return b.withVersion(version);
    }

    /** The same snapshot with a Slurm view of the cluster. */
    public static HealthSnapshot withSlurm(HealthSnapshot b, SlurmSnapshot slurm) {
        return b.withSlurm(slurm);
    }
}
