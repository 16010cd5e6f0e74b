package io.rackscope.desktop.config;

import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.http.Secret;
import io.rackscope.desktop.http.Tls;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a server the app talks to (a Prometheus, per site too, and the Alertmanager):
 * URL, credentials (inline, from a file or from the environment), TLS and timeouts, each checked
 * with a diagnostic that names the key.
 */
final class EndpointSettings {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Diagnostics diagnostics;
    private final Values values;
    private final Map<String, String> environment;

    EndpointSettings(Diagnostics diagnostics, Values values, Map<String, String> environment) {
        this.diagnostics = diagnostics;
        this.values = values;
        this.environment = environment;
    }

    /** Where acknowledgements and maintenances are shared; null when no URL is set. */
    Endpoint alertmanager(YamlNode.Mapping a, Path configDir) {
        // one address, or the peers of a cluster (asked in turn when one is down)
        List<String> urls = addresses(a, "url");
        if (urls.isEmpty()) {
            return null;
        }
        String url = urls.get(0);
        String ca = a.text("tls_ca_file", null);
        String cert = a.text("tls_cert_file", null);
        String key = a.text("tls_key_file", null);
        Endpoint e =
                new Endpoint(
                        url.trim(),
                        a.text("basic_auth_user", null),
                        secret(a, "basic_auth_password", configDir, "alertmanager"),
                        secret(a, "bearer_token", configDir, "alertmanager"),
                        values.bool(a, "tls_verify", "alertmanager.tls_verify", true),
                        ca == null ? null : configDir.resolve(ca),
                        cert == null ? null : configDir.resolve(cert),
                        key == null ? null : configDir.resolve(key),
                        Duration.ofSeconds(
                                Math.max(
                                        1,
                                        values.integer(
                                                a,
                                                "timeout_seconds",
                                                "alertmanager.timeout_seconds",
                                                10))),
                        1,
                        "alertmanager",
                        urls.subList(1, urls.size()),
                        Map.of(),
                        Map.of());
        try {
            Tls.validate(e);
        } catch (Tls.TlsSetupException ex) {
            String message = ex.getMessage();
            String at =
                    message.contains("tls_key_file")
                            ? "tls_key_file"
                            : message.contains("tls_cert_file") ? "tls_cert_file" : "tls_ca_file";
            diagnostics.error(a.at(at), message);
        }
        return e;
    }

    AppConfig.Telemetry checked(YamlNode.Mapping t, Path configDir, String prefix) {
        AppConfig.Telemetry telemetry = telemetry(t, configDir);
        checkTls(t, telemetry, prefix);
        checkCredentials(t, telemetry.endpoint(), prefix);
        return telemetry;
    }

    /** Credentials that are set but not sent are said, with which ones win. */
    private void checkCredentials(YamlNode.Mapping t, Endpoint e, String prefix) {
        boolean basic = e.basicAuthUser() != null && !e.basicAuthUser().isEmpty();
        Endpoint.Credential sent = e.credential();
        String tokenKey = t.has("bearer_token") ? "bearer_token" : "bearer_token_file";
        if (sent == Endpoint.Credential.BEARER_TOKEN && basic) {
            diagnostics.warning(
                    t.at(tokenKey),
                    prefix
                            + ".bearer_token and basic_auth_user are both set: the bearer token"
                            + " is sent, basic auth is not");
        }
        if (sent != Endpoint.Credential.URL_USERINFO
                && sent != Endpoint.Credential.NONE
                && !e.requestUrl().equals(e.baseUrl())) {
            diagnostics.warning(
                    t.at("prometheus_url"),
                    "the user:password in "
                            + prefix
                            + ".prometheus_url is not sent because "
                            + (sent == Endpoint.Credential.BEARER_TOKEN
                                    ? "bearer_token"
                                    : "basic_auth_user")
                            + " is set");
        }
    }

    /** The TLS files of {@code telemetry}, checked now so that check-config names them. */
    private void checkTls(YamlNode.Mapping t, AppConfig.Telemetry telemetry, String prefix) {
        try {
            Tls.validate(telemetry.endpoint());
        } catch (Tls.TlsSetupException e) {
            String message = e.getMessage().replaceFirst("^telemetry\\.", prefix + ".");
            String key =
                    message.contains("tls_key_file")
                            ? "tls_key_file"
                            : message.contains("tls_cert_file") ? "tls_cert_file" : "tls_ca_file";
            diagnostics.error(t.at(key), message);
        }
    }

    private AppConfig.Telemetry telemetry(YamlNode.Mapping t, Path configDir) {
        List<String> urls = urls(t);
        urls.forEach(u -> checkUrl(t, u));
        String url = urls.get(0);
        Secret password = secret(t, "basic_auth_password", configDir);
        Secret token = secret(t, "bearer_token", configDir);
        String ca = t.text("tls_ca_file", null);
        String cert = t.text("tls_cert_file", null);
        String key = t.text("tls_key_file", null);
        // a float in the original: 5.0 and 2.5 are what the admin asked
        String timeoutKey =
                t.has("prometheus_timeout_seconds")
                        ? "prometheus_timeout_seconds"
                        : "timeout_seconds";
        Double asked = values.number(t, timeoutKey, "telemetry." + timeoutKey);
        if (asked != null && !(asked > 0)) {
            diagnostics.error(
                    t.at(timeoutKey),
                    "telemetry." + timeoutKey + " must be above 0, not " + asked + "; using 15");
            asked = null;
        }
        double timeout = asked == null ? 15 : asked;
        return new AppConfig.Telemetry(
                url,
                t.text("identity_label", "instance"),
                t.text("rack_label", "rack_id"),
                t.text("chassis_label", "chassis_id"),
                t.text("job_regex", ".*"),
                t.text("basic_auth_user", null),
                password,
                token,
                values.bool(t, "tls_verify", "telemetry.tls_verify", true),
                ca == null ? null : configDir.resolve(ca),
                cert == null ? null : configDir.resolve(cert),
                key == null ? null : configDir.resolve(key),
                values.integer(
                        t,
                        "prometheus_heartbeat_seconds",
                        "telemetry.prometheus_heartbeat_seconds",
                        5),
                values.integer(
                        t, "prometheus_latency_window", "telemetry.prometheus_latency_window", 20),
                values.bool(t, "debug_stats", "telemetry.debug_stats", false),
                timeout,
                values.integer(t, "max_parallel_queries", "telemetry.max_parallel_queries", 4),
                values.integer(
                        t, "scrape_interval_seconds", "telemetry.scrape_interval_seconds", 15),
                urls.subList(1, urls.size()),
                headers(t, configDir),
                queryParams(t));
    }

    /**
     * {@code prometheus_url}: one address, or the list of a high-availability set (the first is
     * asked until it fails).
     */
    private List<String> urls(YamlNode.Mapping t) {
        List<String> all = addresses(t, "prometheus_url");
        if (!all.isEmpty()) {
            return all;
        }
        if (t.get("prometheus_url").orElse(null) instanceof YamlNode.Sequence) {
            diagnostics.error(
                    t.at("prometheus_url"),
                    "telemetry.prometheus_url is an empty list; using "
                            + AppConfigParser.DEFAULT_PROMETHEUS_URL);
            return List.of(AppConfigParser.DEFAULT_PROMETHEUS_URL);
        }
        return List.of(
                values.text(
                                t,
                                "prometheus_url",
                                "telemetry.prometheus_url",
                                AppConfigParser.DEFAULT_PROMETHEUS_URL)
                        .trim());
    }

    /** The addresses at {@code key}: one, or a list (a set of servers), blank ones left out. */
    private static List<String> addresses(YamlNode.Mapping m, String key) {
        List<String> written =
                m.get(key).orElse(null) instanceof YamlNode.Sequence
                        ? m.texts(key)
                        : java.util.stream.Stream.ofNullable(m.text(key, null)).toList();
        return written.stream().map(String::trim).filter(u -> !u.isEmpty()).distinct().toList();
    }

    /**
     * {@code headers}: sent with every query (a tenant's {@code X-Scope-OrgID}, say). Their values
     * may name the environment ({@code ${VAR}}) and are secrets: never shown or logged.
     */
    private Map<String, Secret> headers(YamlNode.Mapping t, Path configDir) {
        Map<String, Secret> out = new LinkedHashMap<>();
        YamlNode.Mapping h = t.mapping("headers").orElse(null);
        if (h == null) {
            return out;
        }
        for (String name : h.entries().keySet()) {
            if (name.matches("[A-Za-z0-9-]+")) {
                out.put(name, secret(h, name, configDir, "telemetry.headers"));
            } else {
                diagnostics.error(
                        h.at(name), "telemetry.headers: '" + name + "' is not a header name");
            }
        }
        return out;
    }

    /** {@code query_params}: added to every query ({@code dedup: true} for Thanos, say). */
    private Map<String, String> queryParams(YamlNode.Mapping t) {
        Map<String, String> out = new LinkedHashMap<>();
        YamlNode.Mapping q = t.mapping("query_params").orElse(null);
        if (q == null) {
            return out;
        }
        for (String name : q.entries().keySet()) {
            if (List.of("query", "time", "timeout").contains(name)) {
                diagnostics.error(
                        q.at(name),
                        "telemetry.query_params."
                                + name
                                + " is set by the app for each query; it is ignored here");
            } else {
                out.put(name, q.text(name, ""));
            }
        }
        return out;
    }

    private void checkUrl(YamlNode.Mapping t, String url) {
        String problem = null;
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                problem = "it must start with http:// or https://";
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problem = "it has no host name";
            } else if (uri.getQuery() != null || uri.getFragment() != null) {
                problem = "it must not carry a query string or fragment";
            }
        } catch (URISyntaxException e) {
            problem = e.getReason();
        }
        if (problem != null) {
            // the URL may embed user:password, so it is not echoed back
            diagnostics.error(
                    t.at("prometheus_url"),
                    "telemetry.prometheus_url is not a valid Prometheus address: " + problem);
        }
    }

    /**
     * {@code key} (which may be {@code ${ENV_VAR}}) or {@code key_file}; an empty secret when
     * neither is set.
     */
    private Secret secret(YamlNode.Mapping t, String key, Path configDir) {
        return secret(t, key, configDir, "telemetry");
    }

    private Secret secret(YamlNode.Mapping t, String key, Path configDir, String prefix) {
        String inline = values.text(t, key, prefix + "." + key, null);
        String file = values.text(t, key + "_file", prefix + "." + key + "_file", null);
        if (inline != null && !inline.isEmpty()) {
            Matcher m = ENV.matcher(inline);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = environment.get(m.group(1));
                if (value == null) {
                    diagnostics.error(
                            t.at(key),
                            prefix
                                    + "."
                                    + key
                                    + " refers to the environment variable "
                                    + m.group(1)
                                    + ", which is not set");
                    value = "";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return new Secret(out.toString());
        }
        if (file != null) {
            Path path = configDir.resolve(file);
            try {
                return new Secret(Files.readString(path, StandardCharsets.UTF_8).trim());
            } catch (IOException e) {
                diagnostics.error(
                        t.at(key + "_file"),
                        prefix + "." + key + "_file names " + path + ", which cannot be read");
            }
        }
        return new Secret(null);
    }
}
