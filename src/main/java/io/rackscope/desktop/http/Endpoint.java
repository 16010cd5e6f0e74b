package io.rackscope.desktop.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;

/**
 * Where an HTTP API is and how to talk to it: the base URL, credentials (secrets never print), TLS
 * trust and client certificate, the timeout and how many requests may run at once. {@code
 * settingPrefix} names the configuration block the settings came from ({@code telemetry}, {@code
 * alertmanager}), so that messages point at it.
 */
public record Endpoint(
        String url,
        String basicAuthUser,
        Secret basicAuthPassword,
        Secret bearerToken,
        boolean tlsVerify,
        Path caFile,
        Path certFile,
        Path keyFile,
        Duration timeout,
        int maxParallel,
        String settingPrefix,
        List<String> replicas,
        Map<String, Secret> headers,
        Map<String, String> queryParams) {

    public Endpoint {
        replicas = List.copyOf(replicas);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        queryParams = Collections.unmodifiableMap(new LinkedHashMap<>(queryParams));
    }

    /** One server, no headers or parameters of its own. */
    public Endpoint(
            String url,
            String basicAuthUser,
            Secret basicAuthPassword,
            Secret bearerToken,
            boolean tlsVerify,
            Path caFile,
            Path certFile,
            Path keyFile,
            Duration timeout,
            int maxParallel,
            String settingPrefix) {
        this(
                url,
                basicAuthUser,
                basicAuthPassword,
                bearerToken,
                tlsVerify,
                caFile,
                certFile,
                keyFile,
                timeout,
                maxParallel,
                settingPrefix,
                List.of(),
                Map.of(),
                Map.of());
    }

    /** Every server of a high-availability pair (or more): {@code url} first, then the replicas. */
    public List<String> urls() {
        List<String> all = new ArrayList<>();
        all.add(url);
        all.addAll(replicas);
        return all;
    }

    /** The same settings for the one server at {@code other} (a replica of the set, say). */
    public Endpoint at(String other) {
        return withUrls(List.of(other));
    }

    /** The URL without trailing slashes, so that {@code /api/...} never becomes {@code //api}. */
    public String baseUrl() {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** The base URL as shown to people: no user info. */
    public String displayUrl() {
        return redact(baseUrl());
    }

    /** Where requests go: the base URL without user info (that is sent as basic auth). */
    public String requestUrl() {
        return redact(baseUrl());
    }

    /** Which credentials are sent; at most one kind, in this order of precedence. */
    public enum Credential {
        BEARER_TOKEN,
        BASIC_AUTH,
        URL_USERINFO,
        NONE
    }

    public Credential credential() {
        if (bearerToken != null && !bearerToken.isEmpty()) {
            return Credential.BEARER_TOKEN;
        }
        if (basicAuthUser != null && !basicAuthUser.isEmpty()) {
            return Credential.BASIC_AUTH;
        }
        return userInfo() == null ? Credential.NONE : Credential.URL_USERINFO;
    }

    /**
     * The value of the Authorization header, or null: a bearer token wins over basic auth, which
     * wins over {@code user:password@} in the URL.
     */
    public String authorization() {
        return switch (credential()) {
            case BEARER_TOKEN -> "Bearer " + bearerToken.reveal();
            case BASIC_AUTH ->
                    Credentials.basic(
                            basicAuthUser,
                            basicAuthPassword == null || basicAuthPassword.isEmpty()
                                    ? ""
                                    : basicAuthPassword.reveal());
            case URL_USERINFO -> {
                String info = userInfo();
                int colon = info.indexOf(':');
                yield colon < 0
                        ? Credentials.basic(info, "")
                        : Credentials.basic(info.substring(0, colon), info.substring(colon + 1));
            }
            case NONE -> null;
        };
    }

    /** The decoded {@code user:password} of the URL, or null. */
    String userInfo() {
        try {
            return new URI(baseUrl()).getUserInfo();
        } catch (Exception e) {
            return null;
        }
    }

    public Endpoint withUrl(String other) {
        return at(other);
    }

    /** The same settings for the set of servers {@code urls} (the first asked first). */
    public Endpoint withUrls(List<String> urls) {
        return new Endpoint(
                urls.get(0),
                basicAuthUser,
                basicAuthPassword,
                bearerToken,
                tlsVerify,
                caFile,
                certFile,
                keyFile,
                timeout,
                maxParallel,
                settingPrefix,
                urls.subList(1, urls.size()),
                headers,
                queryParams);
    }

    static String redact(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getUserInfo() == null) {
                return url;
            }
            return new URI(
                            uri.getScheme(),
                            null,
                            uri.getHost(),
                            uri.getPort(),
                            uri.getPath(),
                            null,
                            null)
                    .toString();
        } catch (Exception e) {
            return "the configured server";
        }
    }

    @Override
    public String toString() {
        return "Endpoint[" + displayUrl() + "]";
    }
}
