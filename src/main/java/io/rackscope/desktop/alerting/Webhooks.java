package io.rackscope.desktop.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.http.NoDelaySockets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Tells webhooks ({@code alerts.notify}) of the moments of incidents they asked for: a POST of the
 * moment and the incident as JSON, sent off the caller's thread (never the window's), tried again
 * after 2, 8 and 32 s when the receiver cannot take it (no answer, 5xx, 429). A webhook's URL is a
 * secret (it often holds a token): it is named by its place in the list, never shown.
 */
public final class Webhooks implements Consumer<Escalation.Moment>, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType TYPE = MediaType.get("application/json");
    static final int TRIES = 4;

    private final List<AppConfig.Notify> targets;
    private final OkHttpClient http;
    private final long firstBackoffMillis;
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "webhook-retry");
                        t.setDaemon(true);
                        return t;
                    });

    public Webhooks(List<AppConfig.Notify> targets) {
        this(targets, 2000);
    }

    /** {@code firstBackoffMillis}: the wait before the second try, four times longer each time. */
    Webhooks(List<AppConfig.Notify> targets, long firstBackoffMillis) {
        this.targets = List.copyOf(targets);
        this.firstBackoffMillis = firstBackoffMillis;
        this.http =
                new OkHttpClient.Builder()
                        .socketFactory(new NoDelaySockets())
                        .callTimeout(Duration.ofSeconds(10))
                        .retryOnConnectionFailure(false)
                        .build();
    }

    @Override
    public void accept(Escalation.Moment m) {
        for (int n = 0; n < targets.size(); n++) {
            AppConfig.Notify t = targets.get(n);
            if (t.when().contains(m.kind())) {
                send(n, t, body(m), 1);
            }
        }
    }

    /** The moment as sent: its kind and time, and the incident's identity, place and state. */
    static String body(Escalation.Moment m) {
        Incident i = m.incident();
        ObjectNode o = JSON.createObjectNode();
        o.put("moment", m.kind());
        o.put("at", m.at().toString());
        ObjectNode inc = o.putObject("incident");
        inc.put("id", i.id());
        inc.put("key", i.key());
        inc.put("severity", i.severity().name());
        inc.put("level", i.level().name());
        inc.put("name", i.name());
        inc.put("place", i.place());
        inc.put("path", i.path());
        if (i.since() != null) {
            inc.put("since", i.since().toString());
        }
        inc.put("failing_nodes", i.failingNodes());
        inc.put("nodes", i.nodes());
        i.members().forEach(inc.putArray("members")::add);
        ObjectNode checks = inc.putObject("checks");
        i.checks().forEach(checks::put);
        return o.toString();
    }

    private void send(int n, AppConfig.Notify t, String body, int attempt) {
        Request r =
                new Request.Builder()
                        .url(t.url().reveal())
                        .header("User-Agent", "rackscope-desktop")
                        .post(RequestBody.create(body, TYPE))
                        .build();
        http.newCall(r)
                .enqueue(
                        new Callback() {
                            @Override
                            public void onFailure(Call call, IOException e) {
                                again(n, t, body, attempt, "no answer");
                            }

                            @Override
                            public void onResponse(Call call, Response response) {
                                try (response) {
                                    int code = response.code();
                                    if (code >= 500 || code == 429) {
                                        again(n, t, body, attempt, "HTTP " + code);
                                    } else if (code >= 300) {
                                        LOG.warning(
                                                "webhook "
                                                        + (n + 1)
                                                        + " of alerts.notify refused the"
                                                        + " notification (HTTP "
                                                        + code
                                                        + "); not sent again");
                                    }
                                }
                            }
                        });
    }

    private void again(int n, AppConfig.Notify t, String body, int attempt, String why) {
        if (attempt >= TRIES || retries.isShutdown()) {
            LOG.warning(
                    "webhook "
                            + (n + 1)
                            + " of alerts.notify: "
                            + why
                            + " after "
                            + attempt
                            + " tries; this notification is dropped");
            return;
        }
        long wait = firstBackoffMillis << (2 * (attempt - 1));
        try {
            retries.schedule(() -> send(n, t, body, attempt + 1), wait, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.log(Level.FINE, "closing: a notification is not sent again", closed);
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
        http.dispatcher().executorService().shutdown();
    }
}
