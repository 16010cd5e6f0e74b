package io.rackscope.desktop.prometheus;

import io.rackscope.desktop.http.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "Test connection" of a Prometheus as the app would ask it (its credentials, TLS, timeout):
 * whether it answers, how fast, with which credentials, and how many series of {@code up} carry the
 * identity label, each said plainly.
 */
public final class ConnectionTest {
    /** What the test found: whether Prometheus answered, and one sentence per finding. */
    public record Report(boolean reached, List<String> lines) {
        public Report {
            lines = List.copyOf(lines);
        }
    }

    private ConnectionTest() {}

    /** Each server of the set tried (an HA pair: both, each said); reached when one answers. */
    public static Report prometheus(Endpoint endpoint, String identityLabel) {
        List<String> urls = endpoint.urls();
        if (urls.size() == 1) {
            return server(endpoint, identityLabel);
        }
        List<String> lines = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < urls.size(); i++) {
            Report r = server(endpoint.at(urls.get(i)), identityLabel);
            any |= r.reached();
            for (String l : r.lines()) {
                lines.add("Server " + (i + 1) + " of " + urls.size() + ": " + l);
            }
        }
        return new Report(any, lines);
    }

    private static Report server(Endpoint endpoint, String identityLabel) {
        List<String> lines = new ArrayList<>();
        try (PrometheusClient client = new PrometheusClient(endpoint, new QueryStats())) {
            long start = System.nanoTime();
            double up = sum(client, "count(up)", endpoint);
            long ms = (System.nanoTime() - start) / 1_000_000;
            lines.add(
                    "Reached "
                            + endpoint.displayUrl()
                            + " in "
                            + ms
                            + " ms"
                            + transport(endpoint)
                            + "; "
                            + credentials(endpoint)
                            + ".");
            String label = identityLabel.replace("\"", "");
            double labelled = sum(client, "count(up{" + label + "!=\"\"})", endpoint);
            double values =
                    sum(
                            client,
                            "count(count by (" + label + ") (up{" + label + "!=\"\"}))",
                            endpoint);
            lines.add(
                    String.format(
                            "%,d series of up, %,d of them with the label %s (%,d distinct values: the"
                                    + " nodes the checks can find)",
                            (long) up, (long) labelled, label, (long) values));
            if (values == 0) {
                lines.add(
                        "No series of up has the label "
                                + label
                                + ": the identity label is wrong, or up is not scraped here.");
            }
            if (label.equals("instance")
                    && sum(client, "count(up{exported_instance!=\"\"})", endpoint) > 0) {
                lines.add(
                        "Some series carry exported_instance: a Prometheus federating another"
                                + " without honor_labels renamed their instance label. Set"
                                + " honor_labels: true in its federation job, or"
                                + " telemetry.identity_label: exported_instance.");
            }
            Duration skew = client.clockSkew();
            if (skew.abs().compareTo(Duration.ofSeconds(2)) > 0) {
                lines.add(
                        "Its clock is "
                                + skew.abs().toSeconds()
                                + " s "
                                + (skew.isNegative() ? "behind" : "ahead of")
                                + " this machine's.");
            }
            return new Report(true, lines);
        } catch (PrometheusException e) {
            lines.add("Not answered: " + e.getMessage());
            return new Report(false, lines);
        }
    }

    private static double sum(PrometheusClient client, String promql, Endpoint endpoint) {
        try {
            return client
                    .query(promql, Instant.now())
                    .get(endpoint.timeout().toMillis() + 5000, TimeUnit.MILLISECONDS)
                    .series()
                    .stream()
                    .mapToDouble(Series::value)
                    .sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PrometheusException p) {
                throw p;
            }
            throw new PrometheusException(
                    PrometheusException.Kind.UNREACHABLE, 0, String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            throw new PrometheusException(
                    PrometheusException.Kind.TIMEOUT,
                    0,
                    "no answer within " + endpoint.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException(PrometheusException.Kind.TIMEOUT, 0, "interrupted");
        }
    }

    private static String transport(Endpoint e) {
        if (!e.baseUrl().startsWith("https:")) {
            return " over plain HTTP";
        }
        if (!e.tlsVerify()) {
            return " over TLS, its certificate NOT verified (tls_verify: false)";
        }
        return " over TLS, its certificate verified"
                + (e.caFile() != null ? " against " + e.caFile().getFileName() : "")
                + (e.certFile() != null ? ", with the client certificate" : "");
    }

    private static String credentials(Endpoint e) {
        return switch (e.credential()) {
            case BEARER_TOKEN -> "the bearer token was accepted";
            case BASIC_AUTH -> "user " + e.basicAuthUser() + " was accepted";
            case URL_USERINFO -> "the URL's user was accepted";
            case NONE -> "no credentials asked";
        };
    }
}
