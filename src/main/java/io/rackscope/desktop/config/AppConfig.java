package io.rackscope.desktop.config;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.http.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The settings of {@code app.yaml}, with every default filled in. */
public record AppConfig(
        String name,
        String description,
        Refresh refresh,
        Cache cache,
        Telemetry telemetry,
        Planner planner,
        Playlist playlist,
        Kiosk kiosk,
        SelfMonitoring selfMonitoring,
        History history,
        Alerts alerts,
        Features features,
        WorldMap map,
        Map<String, Object> plugins,
        Endpoint alertmanager,
        List<Link> links) {

    /**
     * An operator's link from an entity's right-click menu ({@code links:}): {@code url} may hold
     * {@code {instance}}, {@code {device}}, {@code {rack}}, {@code {room}}, {@code {site}} and
     * {@code {id}}; it is offered where all its placeholders are known.
     */
    public record Link(String name, String url) {}

    /**
     * The original's {@code features:} that mean something on a desktop: {@code notifications}
     * (toasts; on unless set false), {@code worldmap} (the world map; on unless set false); the
     * rest ({@code playlist}, {@code maintenances}, {@code show_logs}, ...) are accepted as given.
     */
    public record Features(boolean notifications, boolean worldmap, Map<String, String> all) {
        public Features {
            all = Map.copyOf(all);
        }
    }

    /**
     * The world map ({@code map:}): where it is centred and how far it zooms, in the original's
     * zoom levels (1 shows the whole world twice over, each level halves the width shown); {@code
     * defaultZoom} null fits the sites; {@code centerLat}/{@code centerLon} null: the sites'
     * middle.
     */
    public record WorldMap(
            Double centerLat,
            Double centerLon,
            Integer defaultZoom,
            int minZoom,
            int maxZoom,
            boolean zoomControls) {
        public static final WorldMap DEFAULT = new WorldMap(null, null, null, 2, 7, true);

        /** How many degrees of longitude the view is wide at {@code zoom}. */
        public static double degreesWide(double zoom) {
            return Math.min(360, 1440 / Math.pow(2, zoom));
        }

        /** The zoom level at which the view is {@code degrees} wide. */
        public static double zoomOf(double degrees) {
            return Math.log(1440 / degrees) / Math.log(2);
        }
    }

    public record Refresh(int roomStateSeconds, int rackStateSeconds) {
        /** How often the window's health cycle runs: the faster of the two, at least 5 s. */
        public Duration cycle() {
            return Duration.ofSeconds(Math.max(5, Math.min(roomStateSeconds, rackStateSeconds)));
        }
    }

    /**
     * How alerts become incidents: a place whose failing nodes number at least {@code
     * groupMinNodes} and make up at least {@code groupFraction} of it is one incident; more than
     * {@code flapTransitions} changes within {@code flapWindow} is flapping; an alert's start is
     * looked for in Prometheus' history up to {@code sinceLookback} back; the journal keeps {@code
     * journalDays} days.
     */
    /**
     * Incidents and the journal. {@code unknownAsIncident}: a node (or a device without nodes) none
     * of whose checks has a sample is a "no data" alert at {@code unknownSeverity} (WARN or CRIT).
     * {@code handlingRefreshSeconds}: how often acknowledgements and maintenances are read from
     * their store (Alertmanager or the files), so that a colleague's shows within seconds. {@code
     * rules}: the site's own alerting rules; {@code karmaAcks} ({@code alertmanager.ack_style:
     * karma}): acknowledgements are written as Karma writes them ({@code ACK!} comments).
     */
    public record Alerts(
            int groupMinNodes,
            double groupFraction,
            int flapTransitions,
            Duration flapWindow,
            Duration sinceLookback,
            int journalDays,
            boolean unknownAsIncident,
            Severity unknownSeverity,
            int handlingRefreshSeconds,
            Duration escalateAfter,
            List<Notify> notifications,
            RuleAlerts rules,
            boolean karmaAcks) {
        public static final Alerts DEFAULTS =
                new Alerts(
                        3,
                        0.5,
                        4,
                        Duration.ofMinutes(15),
                        Duration.ofHours(24),
                        30,
                        true,
                        Severity.WARN,
                        2,
                        null,
                        List.of(),
                        RuleAlerts.OFF,
                        false);

        public Alerts {
            notifications = List.copyOf(notifications);
        }

        /** The same settings without the site's own alerting read (a check tried alone). */
        public Alerts withoutSources() {
            return new Alerts(
                    groupMinNodes,
                    groupFraction,
                    flapTransitions,
                    flapWindow,
                    sinceLookback,
                    journalDays,
                    unknownAsIncident,
                    unknownSeverity,
                    handlingRefreshSeconds,
                    escalateAfter,
                    notifications,
                    RuleAlerts.OFF,
                    karmaAcks);
        }
    }

    /**
     * {@code alerts.sources.prometheus_rules} (this app's extension): the site's own Prometheus
     * alerting rules, read each cycle from their {@code ALERTS} series and placed on the estate by
     * the labels of {@code labelMap} ({@code node}, {@code chassis}, {@code rack}: label names
     * tried in order; empty for the telemetry labels and the usual host labels), their severity
     * from the {@code severity} label through {@code severities} (lower case), {@code unmapped} for
     * any other; {@code pending} alerts listed as pending.
     */
    public record RuleAlerts(
            boolean enabled,
            boolean pending,
            Map<String, List<String>> labelMap,
            Map<String, Severity> severities,
            Severity unmapped,
            boolean alertmanager) {
        public static final Map<String, Severity> SEVERITIES =
                Map.of(
                        "critical", Severity.CRIT,
                        "page", Severity.CRIT,
                        "error", Severity.CRIT,
                        "warning", Severity.WARN,
                        "warn", Severity.WARN,
                        "info", Severity.OK,
                        "none", Severity.OK);
        public static final RuleAlerts OFF =
                new RuleAlerts(false, true, Map.of(), SEVERITIES, Severity.WARN, false);

        public RuleAlerts {
            labelMap = Map.copyOf(labelMap);
            severities = Map.copyOf(severities);
        }

        /** These settings with the alerts of Alertmanager read too. */
        public RuleAlerts withAlertmanager() {
            return new RuleAlerts(enabled, pending, labelMap, severities, unmapped, true);
        }

        /** The label names tried for {@code scope} (node, chassis or rack), in order. */
        public List<String> labels(String scope) {
            return labelMap.getOrDefault(scope, List.of());
        }
    }

    /**
     * Where incidents are sent as they happen ({@code alerts.notify}): a webhook {@code url} (a
     * secret: it often carries a token) and the moments it wants, among {@code new}, {@code
     * escalated} and {@code unanswered}.
     */
    public record Notify(Secret url, java.util.Set<String> when) {
        public static final java.util.Set<String> MOMENTS =
                java.util.Set.of("new", "escalated", "unanswered");

        public Notify {
            when = java.util.Set.copyOf(when);
        }
    }

    /** How far back the time control reaches ({@code history.max_hours}). */
    public record History(int maxHours) {}

    public record Cache(
            int ttlSeconds,
            int serviceTtlSeconds,
            int healthChecksTtlSeconds,
            int metricsTtlSeconds) {}

    /**
     * Where Prometheus is and how to talk to it. Secrets are {@link Secret}s: they print as
     * asterisks. {@code caFile} is null unless a custom CA is configured.
     */
    public record Telemetry(
            String prometheusUrl,
            String identityLabel,
            String rackLabel,
            String chassisLabel,
            String jobRegex,
            String basicAuthUser,
            Secret basicAuthPassword,
            Secret bearerToken,
            boolean tlsVerify,
            Path caFile,
            Path certFile,
            Path keyFile,
            int heartbeatSeconds,
            int latencyWindow,
            boolean debugStats,
            double timeoutSeconds,
            int maxParallelQueries,
            int scrapeIntervalSeconds,
            List<String> replicaUrls,
            Map<String, Secret> headers,
            Map<String, String> queryParams) {

        public Telemetry {
            replicaUrls = List.copyOf(replicaUrls);
            headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
            queryParams =
                    java.util.Collections.unmodifiableMap(
                            new java.util.LinkedHashMap<>(queryParams));
        }

        /** How to reach the configured Prometheus (and its replicas, when it is an HA set). */
        public Endpoint endpoint() {
            return endpoint(prometheusUrl);
        }

        /**
         * How to reach Prometheus at {@code url} (a command-border override) with these settings.
         */
        public Endpoint endpoint(String url) {
            return new Endpoint(
                    url == null ? prometheusUrl : url,
                    basicAuthUser,
                    basicAuthPassword,
                    bearerToken,
                    tlsVerify,
                    caFile,
                    certFile,
                    keyFile,
                    timeout(),
                    maxParallelQueries,
                    "telemetry",
                    url == null || url.equals(prometheusUrl) ? replicaUrls : List.of(),
                    headers,
                    queryParams);
        }

        /**
         * How long a query may take: {@code prometheus_timeout_seconds} as written, a float as in
         * the original (5.0, 2.5), at least a tenth of a second.
         */
        public Duration timeout() {
            return Duration.ofMillis(Math.round(Math.max(0.1, timeoutSeconds) * 1000));
        }
    }

    /**
     * How the planner asks: batch limits ({@code maxIdsPerQuery} alternatives, {@code
     * maxEntitiesPerQuery} ids, {@code maxQueryBytes}), how often a check's presence is read in
     * full, the bounds on one answer ({@code maxSeriesPerQuery}, {@code maxAnswerMegabytes}) and on
     * one cycle ({@code cycleTimeoutSeconds}), how a batch's ids are written ({@code rangeIds}: as
     * range patterns instead of literal alternatives), and whether Prometheus' own count of what
     * its scrapes hold may vouch that no series vanished ({@code presenceFromScrapes}, see {@code
     * ScrapeChanges}), and when it forecasts a threshold's crossing ({@code forecast}).
     */
    public record Planner(
            String unknownState,
            int cacheTtlSeconds,
            int maxIdsPerQuery,
            int maxQueryBytes,
            int maxEntitiesPerQuery,
            int presenceRefreshSeconds,
            int maxSeriesPerQuery,
            int maxAnswerMegabytes,
            int cycleTimeoutSeconds,
            boolean rangeIds,
            boolean presenceFromScrapes,
            Forecast forecast) {}

    /**
     * {@code planner.forecast} (this app's extension): for the entities of a threshold check that
     * are at WARN or within {@code margin} (a fraction of the threshold) of their next threshold,
     * the trend over {@code window} is asked; a crossing within {@code horizon} is forecast when
     * the trend has at least {@code minPoints} points and fits a straight line at least {@code
     * minFit} (R²). {@code announce}: a forecast within {@code announceWithin} is announced like an
     * alert.
     */
    public record Forecast(
            boolean enabled,
            Duration window,
            Duration horizon,
            double margin,
            int minPoints,
            double minFit,
            boolean announce,
            Duration announceWithin) {
        public static final Forecast DEFAULTS =
                new Forecast(
                        true,
                        Duration.ofMinutes(15),
                        Duration.ofHours(2),
                        0.10,
                        6,
                        0.8,
                        false,
                        Duration.ofMinutes(10));

        public static final Forecast OFF =
                new Forecast(
                        false,
                        DEFAULTS.window,
                        DEFAULTS.horizon,
                        DEFAULTS.margin,
                        DEFAULTS.minPoints,
                        DEFAULTS.minFit,
                        false,
                        DEFAULTS.announceWithin);
    }

    /**
     * The wall display's rotation: {@code views} in this app's place syntax ({@code
     * room:SITE/ROOM}, ...; the original's {@code /views/...} paths are translated on loading),
     * each shown for its own {@code seconds} or else {@code intervalSeconds}.
     */
    public record Playlist(int intervalSeconds, List<Entry> views) {
        public Playlist {
            views = List.copyOf(views);
        }

        /** One view of the rotation; {@code seconds} 0: the playlist's interval. */
        public record Entry(String view, int seconds, Path file, int line) {
            public static Entry of(String view) {
                return new Entry(view, 0, null, 0);
            }
        }

        /** The views' texts, in order. */
        public List<String> texts() {
            return views.stream().map(Entry::view).toList();
        }
    }

    /** The same settings with another playlist. */
    /** The same settings with {@code a} as the alerts'. */
    public AppConfig withAlerts(Alerts a) {
        return with(playlist, a);
    }

    public AppConfig withPlaylist(Playlist p) {
        return with(p, alerts);
    }

    private AppConfig with(Playlist p, Alerts a) {
        return new AppConfig(
                name,
                description,
                refresh,
                cache,
                telemetry,
                planner,
                p,
                kiosk,
                selfMonitoring,
                history,
                a,
                features,
                map,
                plugins,
                alertmanager,
                links);
    }

    /**
     * The wall display: which monitor, the key chord that exits (pressed twice), when the idle
     * cursor hides, how long a new CRIT holds the screen (0: no jumping), the text scale, how long
     * a changed cell stays marked, and after how many seconds without fresh data the stale banner
     * shows.
     */
    public record Kiosk(
            int screen,
            String exitKey,
            int hideCursorSeconds,
            int jumpToCritSeconds,
            double scale,
            int recentChangeMinutes,
            int staleAfterSeconds,
            String palette,
            int minCellPx,
            int pageSeconds,
            List<WallScreen> screens,
            int jumpScreen) {
        public Kiosk {
            screens = List.copyOf(screens);
        }

        /**
         * These settings for one screen of a wall: its monitor, its text scale, and the jump to a
         * new CRIT only when it is the wall's {@code jump_screen}.
         */
        public Kiosk on(WallScreen w) {
            return new Kiosk(
                    w.screen(),
                    exitKey,
                    hideCursorSeconds,
                    w.screen() == jumpScreen ? jumpToCritSeconds : 0,
                    w.scale() > 0 ? w.scale() : scale,
                    recentChangeMinutes,
                    staleAfterSeconds,
                    palette,
                    minCellPx,
                    pageSeconds,
                    List.of(),
                    jumpScreen);
        }
    }

    /**
     * One monitor of a wall driven by one process ({@code kiosk.screens}): its number, its views in
     * turn (one view: it stays), its text scale (0: the kiosk's).
     */
    public record WallScreen(int screen, List<Playlist.Entry> views, double scale) {
        public WallScreen {
            views = List.copyOf(views);
        }
    }

    /**
     * The optional endpoint that lets the app itself be scraped; off by default, loopback unless
     * configured.
     */
    public record SelfMonitoring(boolean enabled, String listen) {}
}
