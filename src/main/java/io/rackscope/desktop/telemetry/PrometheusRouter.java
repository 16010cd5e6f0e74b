package io.rackscope.desktop.telemetry;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.prometheus.PrometheusApi;
import io.rackscope.desktop.prometheus.PrometheusClient;
import io.rackscope.desktop.prometheus.QueryStats;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Which Prometheus holds which site: the default one ({@code telemetry.prometheus_url}, or the
 * command line's), and each site that names its own. Sites that share a URL share a client. All
 * clients count into one set of statistics.
 */
public final class PrometheusRouter implements AutoCloseable {
    private final PrometheusApi fallback;
    private final Map<String, PrometheusApi> bySite = new LinkedHashMap<>();
    private final List<PrometheusClient> owned = new ArrayList<>();

    /** One Prometheus for everything (tests, hand-built answers). */
    public PrometheusRouter(PrometheusApi only) {
        this.fallback = only;
    }

    /**
     * {@code fallback} for everything but the sites of {@code bySite} (tests of several servers).
     */
    public PrometheusRouter(PrometheusApi fallback, Map<String, PrometheusApi> bySite) {
        this.fallback = fallback;
        this.bySite.putAll(bySite);
    }

    /** The configured Prometheus servers; {@code url} (not null) overrides the default one's. */
    public PrometheusRouter(RackscopeConfig cfg, String url, QueryStats stats) {
        PrometheusClient main = client(cfg, cfg.app().telemetry().endpoint(url), stats);
        this.fallback = main;
        Map<String, PrometheusClient> byUrl = new LinkedHashMap<>();
        byUrl.put(main.displayUrl(), main);
        cfg.siteTelemetry()
                .forEach(
                        (site, telemetry) -> {
                            PrometheusClient c =
                                    byUrl.computeIfAbsent(
                                            telemetry.endpoint().displayUrl(),
                                            u -> client(cfg, telemetry.endpoint(), stats));
                            bySite.put(site, c);
                        });
    }

    /**
     * A client bounded by {@code planner.max_series_per_query} and {@code max_answer_megabytes}.
     */
    private PrometheusClient client(RackscopeConfig cfg, Endpoint endpoint, QueryStats stats) {
        AppConfig.Planner p = cfg.app().planner();
        PrometheusClient c =
                new PrometheusClient(
                        endpoint,
                        stats,
                        p.maxSeriesPerQuery(),
                        (long) p.maxAnswerMegabytes() << 20);
        owned.add(c);
        return c;
    }

    public PrometheusApi fallback() {
        return fallback;
    }

    /** The Prometheus that holds {@code siteId}'s series. */
    public PrometheusApi forSite(String siteId) {
        return siteId == null ? fallback : bySite.getOrDefault(siteId, fallback);
    }

    /** The Prometheus of the site {@code id} (an instance, a device or a rack) is in. */
    public PrometheusApi forEntity(Topology topology, String id) {
        String site =
                topology.instance(id)
                        .map(p -> p.site().id())
                        .or(
                                () ->
                                        topology.device(id)
                                                .flatMap(d -> topology.rack(d.rackKey()))
                                                .map(Rack::siteId))
                        .or(() -> topology.rack(id).map(Rack::siteId))
                        .orElse(null);
        return forSite(site);
    }

    /** The servers asked, as they are named (in outages and the status bar). */
    public java.util.Set<String> displayUrls() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        out.add(fallback.displayUrl());
        bySite.values().forEach(a -> out.add(a.displayUrl()));
        return out;
    }

    /** How many distinct servers there are. */
    public int servers() {
        return 1 + (int) bySite.values().stream().distinct().filter(a -> a != fallback).count();
    }

    /** Every distinct server, the default first. */
    public List<PrometheusApi> all() {
        List<PrometheusApi> out = new ArrayList<>();
        out.add(fallback);
        bySite.values().stream().distinct().filter(a -> a != fallback).forEach(out::add);
        return out;
    }

    /**
     * The engine seconds of every server this router owns, summed; empty when one of them does not
     * keep the counter.
     */
    public OptionalDouble engineSeconds() {
        double sum = 0;
        for (PrometheusClient c : owned) {
            OptionalDouble e = c.engineSeconds();
            if (e.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += e.getAsDouble();
        }
        return owned.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(sum);
    }

    public QueryStats stats() {
        return fallback.stats();
    }

    @Override
    public void close() {
        owned.forEach(PrometheusClient::close);
    }
}
