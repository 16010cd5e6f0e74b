package io.rackscope.desktop.config;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.slurm.SlurmSettings;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.TemplateCatalog;
import io.rackscope.desktop.topology.Topology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A loaded configuration: settings, estate, templates, checks and metrics, plus what was wrong with
 * it.
 */
public record RackscopeConfig(
        ConfigPaths paths,
        AppConfig app,
        Map<String, AppConfig.Telemetry> siteTelemetry,
        Topology topology,
        TemplateCatalog templates,
        Map<String, Check> checks,
        Map<String, MetricDefinition> metrics,
        SlurmSettings slurm,
        Diagnostics diagnostics) {
    public RackscopeConfig {
        siteTelemetry = Map.copyOf(siteTelemetry);
        checks = Map.copyOf(checks);
        metrics = Map.copyOf(metrics);
    }

    /**
     * The same configuration with {@code other} as its only checks and nothing else asked (a check
     * tried before saving: the site's own alerting is not read, so the trial's cost is the
     * check's).
     */
    public RackscopeConfig withChecks(Map<String, Check> other) {
        return new RackscopeConfig(
                paths,
                app.withAlerts(app.alerts().withoutSources()),
                siteTelemetry,
                topology,
                templates,
                other,
                metrics,
                slurm,
                diagnostics);
    }

    public Optional<Check> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** A check's name for people ("No data" for the alert of an entity without any sample). */
    public String checkName(String id) {
        if (Check.NO_DATA.equals(id)) {
            return Check.NO_DATA_NAME;
        }
        return check(id).map(Check::name).orElse(id);
    }

    public Optional<MetricDefinition> metric(String id) {
        return Optional.ofNullable(metrics.get(id));
    }

    /**
     * The checks that apply to a device through its template (ids that do not resolve are left
     * out).
     */
    public List<Check> checksFor(Device device) {
        return resolve(
                templates.device(device.templateId()).map(t -> t.checks()).orElse(List.of()),
                checks);
    }

    public List<MetricDefinition> metricsFor(Device device) {
        return resolve(
                templates.device(device.templateId()).map(t -> t.metrics()).orElse(List.of()),
                metrics);
    }

    /** Rack-level checks: those of the rack template and of the components its template mounts. */
    public List<Check> checksFor(Rack rack) {
        return resolve(rackCheckIds(rack), checks);
    }

    public List<MetricDefinition> metricsFor(Rack rack) {
        Set<String> ids = new LinkedHashSet<>();
        templates
                .rack(rack.templateId())
                .ifPresent(
                        t ->
                                t.components()
                                        .forEach(
                                                c ->
                                                        templates
                                                                .component(c.templateId())
                                                                .ifPresent(
                                                                        ct ->
                                                                                ids.addAll(
                                                                                        ct
                                                                                                .metrics()))));
        return resolve(new ArrayList<>(ids), metrics);
    }

    private Set<String> rackCheckIds(Rack rack) {
        Set<String> ids = new LinkedHashSet<>();
        templates
                .rack(rack.templateId())
                .ifPresent(
                        t -> {
                            ids.addAll(t.checks());
                            t.components()
                                    .forEach(
                                            c ->
                                                    templates
                                                            .component(c.templateId())
                                                            .ifPresent(
                                                                    ct -> ids.addAll(ct.checks())));
                        });
        return ids;
    }

    private static <T> List<T> resolve(Collection<String> ids, Map<String, T> byId) {
        List<T> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            T t = byId.get(id);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    public boolean hasErrors() {
        return !diagnostics.errors().isEmpty();
    }
}
