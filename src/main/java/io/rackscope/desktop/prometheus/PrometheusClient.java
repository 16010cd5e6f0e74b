package io.rackscope.desktop.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.http.NoDelaySockets;
import io.rackscope.desktop.http.Reasons;
import io.rackscope.desktop.http.Tls;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Talks to the Prometheus HTTP API: form-encoded POSTs, bounded parallelism, one request for
 * identical queries in flight, retries with backoff for 503 and network errors only, and typed,
 * plainly worded errors. Credentials go into headers only; no message ever contains them.
 */
public final class PrometheusClient implements PrometheusApi, AutoCloseable {
    static final int RETRIES = 2;
    static final long FIRST_BACKOFF_MILLIS = 200;

    /** The servers of the set (one, or an HA pair or more), as requested and as shown. */
    private final List<String> baseUrls;

    private final List<String> displayUrls;

    /** The server asked: the same one until it fails, so that states do not flicker. */
    private final java.util.concurrent.atomic.AtomicInteger current =
            new java.util.concurrent.atomic.AtomicInteger();

    private final OkHttpClient http;
    private final String authorization;
    private final Map<String, io.rackscope.desktop.http.Secret> headers;
    private final Map<String, String> queryParams;
    private final Duration timeout;
    private final QueryStats stats;
    private final int maxSeries;
    private final long maxBytes;
    private final AnswerBudget budget;

    /** Why no query can be sent at all (TLS files that cannot be used), or null. */
    private final PrometheusException unusable;

    private final Map<String, CompletableFuture<QueryResult>> inFlight = new ConcurrentHashMap<>();
    private volatile long skewMillis;
    private volatile long shiftMillis;
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "prometheus-retry");
                        t.setDaemon(true);
                        return t;
                    });

    /** Answers of at most 200,000 series and 256 MiB (decoded): the planner's defaults. */
    public PrometheusClient(Endpoint endpoint, QueryStats stats) {
        this(endpoint, stats, 200_000, 256L << 20);
    }

    /**
     * Answers of at most {@code maxSeries} series and {@code maxBytes} decoded bytes: a larger one
     * is abandoned while streaming and fails its query with {@link
     * PrometheusException.Kind#TOO_LARGE}, so that one answer cannot exhaust the heap.
     */
    public PrometheusClient(Endpoint endpoint, QueryStats stats, int maxSeries, long maxBytes) {
        this(endpoint, stats, maxSeries, maxBytes, AnswerBudget.shared());
    }

    /** As above, every answer also counted against {@code budget}, shared with other clients. */
    public PrometheusClient(
            Endpoint endpoint,
            QueryStats stats,
            int maxSeries,
            long maxBytes,
            AnswerBudget budget) {
        this.maxSeries = maxSeries;
        this.maxBytes = maxBytes;
        this.budget = budget;
        this.baseUrls = endpoint.urls().stream().map(u -> endpoint.at(u).requestUrl()).toList();
        this.displayUrls = endpoint.urls().stream().map(u -> endpoint.at(u).displayUrl()).toList();
        this.headers = endpoint.headers();
        this.queryParams = endpoint.queryParams();
        this.stats = stats;
        this.timeout = endpoint.timeout().isZero() ? Duration.ofSeconds(1) : endpoint.timeout();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(1, endpoint.maxParallel()));
        dispatcher.setMaxRequestsPerHost(Math.max(1, endpoint.maxParallel()));
        OkHttpClient.Builder builder =
                new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        .connectTimeout(Duration.ofSeconds(Math.min(5, timeout.toSeconds())))
                        .callTimeout(timeout)
                        .readTimeout(timeout)
                        .followRedirects(false)
                        .retryOnConnectionFailure(false)
                        .socketFactory(new NoDelaySockets());
        PrometheusException broken = null;
        try {
            Tls.configure(builder, endpoint);
        } catch (Tls.TlsSetupException e) {
            broken =
                    new PrometheusException(
                            PrometheusException.Kind.INVALID_SETTINGS, 0, e.getMessage());
        }
        if (baseUrls.stream().anyMatch(u -> HttpUrl.parse(u + "/api/v1/query") == null)) {
            broken =
                    new PrometheusException(
                            PrometheusException.Kind.INVALID_SETTINGS,
                            0,
                            endpoint.settingPrefix()
                                    + ".prometheus_url is not a valid http(s) address, so nothing"
                                    + " is asked; check-config names the problem");
        }
        this.unusable = broken;
        builder.addInterceptor(PrometheusClient::markBegan);
        builder.addNetworkInterceptor(new WireCounter(stats));
        this.http = builder.build();
        this.authorization = endpoint.authorization();
    }

    /** The base URL of the server being asked, as shown to people: no user info. */
    @Override
    public String displayUrl() {
        return displayUrls.get(current.get());
    }

    @Override
    public String standIn() {
        int now = current.get();
        return now == 0 ? "" : displayUrls.get(now) + " answers for " + displayUrls.get(0);
    }

    @Override
    public QueryStats stats() {
        return stats;
    }

    /** An instant query at the server's current time. */
    @Override
    public CompletableFuture<QueryResult> query(String promql, Instant time) {
        return submit("query", promql, b -> b.add("time", seconds(time)), time.toEpochMilli());
    }

    public CompletableFuture<QueryResult> query(String promql) {
        return submit("query", promql, null, NOT_ASKED);
    }

    @Override
    public Duration clockSkew() {
        return Duration.ofMillis(skewMillis);
    }

    @Override
    public Duration answerShift() {
        return Duration.ofMillis(shiftMillis);
    }

    @Override
    public CompletableFuture<QueryResult> queryRange(
            String promql, Instant start, Instant end, Duration step) {
        return submit(
                "query_range",
                promql,
                b ->
                        b.add("start", seconds(start))
                                .add("end", seconds(end))
                                .add(
                                        "step",
                                        String.format(
                                                Locale.ROOT, "%.3f", step.toMillis() / 1000.0)),
                NOT_ASKED);
    }

    private interface Params {
        void add(Form f);
    }

    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    /**
     * A form body encoded by the JDK's encoder, and the key of the same query in flight from its
     * plain values: OkHttp's form builder canonicalises character by character, three times slower
     * on a query naming 1,000 instances (125 against 42 µs).
     */
    private static final class Form {
        private final StringBuilder encoded = new StringBuilder();
        private final StringBuilder key;

        Form(String endpoint) {
            key = new StringBuilder(endpoint);
        }

        Form add(String name, String value) {
            if (encoded.length() > 0) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            key.append('&').append(name).append('=').append(value);
            return this;
        }

        RequestBody body() {
            return RequestBody.create(encoded.toString().getBytes(StandardCharsets.UTF_8), FORM);
        }
    }

    /** No time asked: the server's now. */
    private static final long NOT_ASKED = Long.MIN_VALUE;

    /** {@code askedMillis}: the time an instant query asked for, or {@link #NOT_ASKED}. */
    private CompletableFuture<QueryResult> submit(
            String endpoint, String promql, Params extra, long askedMillis) {
        if (unusable != null) {
            return CompletableFuture.failedFuture(unusable);
        }
        Form form =
                new Form(endpoint)
                        .add("query", promql)
                        .add("timeout", Math.max(1, timeout.toSeconds() - 1) + "s");
        if (extra != null) {
            extra.add(form);
        }
        queryParams.forEach(form::add);
        RequestBody body = form.body();
        String k = form.key.toString();
        CompletableFuture<QueryResult> mine = new CompletableFuture<>();
        CompletableFuture<QueryResult> shared;
        while ((shared = inFlight.putIfAbsent(k, mine)) != null) {
            if (!shared.isDone()) {
                return shared;
            }
            // answered, its entry not cleared yet (asked from the answer's own completion)
            inFlight.remove(k, shared);
        }
        mine.whenComplete((r, e) -> inFlight.remove(k, mine));
        send(new Ask(endpoint, body, askedMillis, mine), current.get(), 0, 0);
        return mine;
    }

    /** One query and where its answer goes, whichever server and attempt answers it. */
    private record Ask(
            String path,
            RequestBody body,
            long askedMillis,
            CompletableFuture<QueryResult> result) {}

    /** Which server of the set a request went to. */
    private record Replica(int index) {}

    private Request request(Ask ask, int replica) {
        Request.Builder r =
                new Request.Builder()
                        .url(baseUrls.get(replica) + "/api/v1/" + ask.path())
                        .post(ask.body())
                        .tag(Replica.class, new Replica(replica));
        return identified(r).build();
    }

    /** {@code r} with the credentials and the configured headers every request carries. */
    private Request.Builder identified(Request.Builder r) {
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        headers.forEach((name, value) -> r.header(name, value.isEmpty() ? "" : value.reveal()));
        return r;
    }

    /** The server {@code request} went to, as shown. */
    private String shown(Request request) {
        Replica r = request.tag(Replica.class);
        return displayUrls.get(r == null ? current.get() : r.index());
    }

    /**
     * When a call left the dispatcher's queue: latency counts from there, so that {@code
     * avg_latency_ms} is the server's and the network's time, not the wait for a free slot.
     */
    private static final class Began {
        volatile long nanos;

        Began(long nanos) {
            this.nanos = nanos;
        }
    }

    private static Response markBegan(Interceptor.Chain chain) throws IOException {
        Began began = chain.request().tag(Began.class);
        if (began != null) {
            began.nanos = System.nanoTime();
        }
        return chain.proceed(chain.request());
    }

    /**
     * Sends {@code ask} to server {@code replica}; {@code hops}: the servers of the set already
     * tried for this attempt.
     */
    private void send(Ask ask, int replica, int attempt, int hops) {
        Began began = new Began(System.nanoTime());
        stats.started();
        Request request = request(ask, replica);
        http.newCall(request.newBuilder().tag(Began.class, began).build())
                .enqueue(
                        new Callback() {
                            @Override
                            public void onFailure(Call call, IOException e) {
                                done(began, 0, true);
                                if (!(e instanceof SocketTimeoutException)) {
                                    // a connection reset or refused: the idle ones to that
                                    // server are as dead, and a retry must not pick one up (the
                                    // pool evicts only all at once: another server's reconnect)
                                    http.connectionPool().evictAll();
                                }
                                PrometheusException error = networkError(e, request);
                                retryOrFail(ask, replica, attempt, hops, error);
                            }

                            @Override
                            public void onResponse(Call call, Response response) {
                                long[] count = {0};
                                try (response) {
                                    measureClock(response);
                                    QueryResult parsed =
                                            onAskedTimeline(
                                                    read(response, count), ask.askedMillis());
                                    done(began, count[0], false);
                                    ask.result().complete(parsed);
                                } catch (PrometheusException e) {
                                    done(began, count[0], true);
                                    retryOrFail(ask, replica, attempt, hops, e);
                                } catch (IOException e) {
                                    done(began, count[0], true);
                                    retryOrFail(
                                            ask, replica, attempt, hops, networkError(e, request));
                                } catch (RuntimeException e) {
                                    done(began, count[0], true);
                                    ask.result().completeExceptionally(e);
                                }
                            }
                        });
    }

    private void done(Began began, long bytes, boolean failed) {
        stats.finished((System.nanoTime() - began.nanos) / 1_000_000, bytes, failed);
    }

    /**
     * A server that cannot answer is skipped for the next of the set at once (which is asked from
     * then on); when every one has failed, 503 and network errors are tried again after a backoff.
     */
    private void retryOrFail(Ask ask, int replica, int attempt, int hops, PrometheusException e) {
        boolean down =
                e.kind() == PrometheusException.Kind.UNAVAILABLE
                        || e.kind() == PrometheusException.Kind.UNREACHABLE;
        boolean skip =
                down
                        || e.kind() == PrometheusException.Kind.TIMEOUT
                        || e.kind() == PrometheusException.Kind.NOT_PROMETHEUS;
        if (skip && hops + 1 < baseUrls.size()) {
            int next = (replica + 1) % baseUrls.size();
            current.compareAndSet(replica, next);
            send(ask, next, attempt, hops + 1);
        } else if (down && attempt < RETRIES && !retries.isShutdown()) {
            long delay = FIRST_BACKOFF_MILLIS << (2 * attempt);
            try {
                retries.schedule(
                        () -> send(ask, current.get(), attempt + 1, 0),
                        delay,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closedMeanwhile) {
                ask.result().completeExceptionally(e);
            }
        } else {
            ask.result().completeExceptionally(e);
        }
    }

    /**
     * The server's clock against this desk's, from the answer's {@code Date} header (whole seconds)
     * against the middle of the exchange; kept when the answer has none.
     */
    private void measureClock(Response response) {
        java.util.Date date = response.headers().getDate("Date");
        if (date != null) {
            long middle =
                    (response.sentRequestAtMillis() + response.receivedResponseAtMillis()) / 2;
            // the header drops the milliseconds: its second began up to 1 s before
            skewMillis = Math.round((date.getTime() + 500 - middle) / 1000.0) * 1000;
        }
    }

    /**
     * {@code r} with its timestamps on the asked timeline: an instant answer whose samples are not
     * stamped with the time asked came through something that shifts them (a gateway); the shift is
     * kept, said ({@link #answerShift()}), and taken back out of every instant answer.
     */
    private QueryResult onAskedTimeline(QueryResult r, long askedMillis) {
        if (askedMillis == NOT_ASKED) {
            return r;
        }
        if ("vector".equals(r.resultType()) && !r.series().isEmpty()) {
            double[] ts = r.series().get(0).timestamps();
            if (ts.length > 0) {
                long shift = Math.round(ts[0] * 1000) - askedMillis;
                shiftMillis = Math.abs(shift) < 1000 ? 0 : shift;
            }
        }
        long shift = shiftMillis;
        if (shift == 0) {
            return r;
        }
        double by = shift / 1000.0;
        List<Series> moved = new ArrayList<>(r.series().size());
        for (Series s : r.series()) {
            double[] ts = s.timestamps().clone();
            for (int i = 0; i < ts.length; i++) {
                ts[i] -= by;
            }
            moved.add(new Series(s.labels(), ts, s.values()));
        }
        return new QueryResult(r.resultType(), moved, r.warnings(), r.infos(), r.bytes());
    }

    /** Mimir's, Cortex' and Loki's answer to a query without its tenant header. */
    private static boolean saysNoTenant(Response response) {
        try {
            return response.peekBody(4096).string().toLowerCase(Locale.ROOT).contains("no org id");
        } catch (IOException e) {
            return false;
        }
    }

    /** nginx's (and others') page for a missing or refused client certificate. */
    private static boolean asksForClientCertificate(Response response) {
        try {
            String page = response.peekBody(4096).string().toLowerCase(Locale.ROOT);
            return page.contains("ssl certificate") || page.contains("client certificate");
        } catch (IOException e) {
            return false;
        }
    }

    private QueryResult read(Response response, long[] count) throws IOException {
        String at = shown(response.request());
        int code = response.code();
        ResponseBody body = response.body();
        String type =
                body.contentType() == null
                        ? ""
                        : body.contentType().toString().toLowerCase(Locale.ROOT);
        if (code == 401 && saysNoTenant(response)) {
            throw new PrometheusException(
                    PrometheusException.Kind.CREDENTIALS,
                    code,
                    "the server at "
                            + at
                            + " wants to know the tenant and none was given (HTTP 401, 'no org"
                            + " id'); set telemetry.headers.X-Scope-OrgID to the tenant's id");
        }
        if (code == 401 || code == 403) {
            throw new PrometheusException(
                    PrometheusException.Kind.CREDENTIALS,
                    code,
                    "Prometheus at "
                            + at
                            + (code == 401
                                    ? " asks for credentials that were not given or were refused (HTTP 401)"
                                    : " refused access with these credentials (HTTP 403)")
                            + "; check telemetry.basic_auth_* or bearer_token");
        }
        if (!type.contains("json") && code == 400 && asksForClientCertificate(response)) {
            throw new PrometheusException(
                    PrometheusException.Kind.CREDENTIALS,
                    code,
                    "the server at "
                            + at
                            + " requires a client certificate and none was sent, or it was"
                            + " refused (HTTP 400); check telemetry.tls_cert_file and"
                            + " tls_key_file");
        }
        if (!type.contains("json")) {
            String what =
                    type.contains("html")
                            ? "an HTML page"
                            : type.isEmpty() ? "an answer without a type" : "'" + type + "'";
            boolean unavailable = code >= 500;
            throw new PrometheusException(
                    unavailable
                            ? PrometheusException.Kind.UNAVAILABLE
                            : PrometheusException.Kind.NOT_PROMETHEUS,
                    code,
                    "the server at "
                            + at
                            + " answered HTTP "
                            + code
                            + " with "
                            + what
                            + (unavailable
                                    ? ": Prometheus, or a proxy in front of it, is down or"
                                            + " overloaded"
                                    : " instead of Prometheus JSON; a proxy or login page may be"
                                            + " in the way"));
        }
        ResponseParser.Envelope envelope;
        try (InputStream in = new CountingStream(body.byteStream(), count, maxBytes, budget)) {
            envelope = ResponseParser.parse(in, count, maxSeries);
        } catch (AnswerBudget.OverBudget e) {
            throw new PrometheusException(
                    PrometheusException.Kind.OVER_BUDGET, code, e.getMessage());
        } catch (ResponseParser.TooLarge e) {
            throw new PrometheusException(PrometheusException.Kind.TOO_LARGE, code, e.getMessage());
        } catch (JsonProcessingException e) {
            throw new PrometheusException(
                    PrometheusException.Kind.NOT_PROMETHEUS,
                    code,
                    "the server at "
                            + at
                            + " answered HTTP "
                            + code
                            + " with malformed JSON ("
                            + e.getOriginalMessage()
                            + ")");
        }
        if ("success".equals(envelope.status()) && code == 200) {
            partial(envelope, at);
            return new QueryResult(
                    envelope.result().resultType(),
                    envelope.result().series(),
                    envelope.result().warnings(),
                    envelope.result().infos(),
                    count[0]);
        }
        String detail = envelope.error() == null ? "no reason given" : envelope.error();
        if (code == 400 || code == 422) {
            throw new PrometheusException(
                    PrometheusException.Kind.BAD_QUERY,
                    code,
                    "Prometheus rejected the query ("
                            + (envelope.errorType() == null ? "HTTP " + code : envelope.errorType())
                            + "): "
                            + detail);
        }
        if (code == 503 || code >= 500) {
            throw new PrometheusException(
                    PrometheusException.Kind.UNAVAILABLE,
                    code,
                    "Prometheus at "
                            + at
                            + " is overloaded or unavailable (HTTP "
                            + code
                            + ": "
                            + detail
                            + ")");
        }
        throw new PrometheusException(
                PrometheusException.Kind.NOT_PROMETHEUS,
                code,
                "Prometheus at "
                        + at
                        + " answered HTTP "
                        + code
                        + " with status '"
                        + envelope.status()
                        + "': "
                        + detail);
    }

    /**
     * A successful answer that says it lacks data fails like an unreachable server: its entities
     * keep their last known states, STALE, with the server's words as the reason. Prometheus' own
     * notes on the expression ({@code PromQL warning: …}) are not about missing data.
     */
    private static void partial(ResponseParser.Envelope envelope, String at) {
        List<String> missing =
                envelope.result().warnings().stream()
                        .filter(w -> w != null && !w.startsWith("PromQL "))
                        .toList();
        if (envelope.partial() || !missing.isEmpty()) {
            throw new PrometheusException(
                    PrometheusException.Kind.PARTIAL,
                    200,
                    "the server at "
                            + at
                            + " answered only in part ("
                            + (missing.isEmpty()
                                    ? "isPartial: true, some of its storage did not answer"
                                    : String.join("; ", missing))
                            + "); set telemetry.query_params to refuse partial answers"
                            + " (partial_response: false for Thanos) or mend the store");
        }
    }

    private PrometheusException networkError(IOException e, Request request) {
        String at = shown(request);
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof SSLException)) {
            cause = cause.getCause();
        }
        if (e instanceof SSLException
                || cause instanceof SSLException
                || e.getCause() instanceof CertificateException) {
            return new PrometheusException(
                    PrometheusException.Kind.TLS,
                    0,
                    "the TLS connection to "
                            + at
                            + " failed: "
                            + Reasons.tls(e)
                            + "; set telemetry.tls_ca_file for a private CA");
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new PrometheusException(
                    PrometheusException.Kind.TIMEOUT,
                    0,
                    "Prometheus at " + at + " did not answer within " + timeout.toSeconds() + " s");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new PrometheusException(
                    PrometheusException.Kind.UNREACHABLE,
                    0,
                    "cannot connect to Prometheus at " + at + " (connection refused or no route)");
        }
        if (e instanceof UnknownHostException) {
            return new PrometheusException(
                    PrometheusException.Kind.UNREACHABLE,
                    0,
                    "the host name of " + at + " cannot be resolved");
        }
        return new PrometheusException(
                PrometheusException.Kind.UNREACHABLE,
                0,
                "the connection to Prometheus at " + at + " failed: " + Reasons.connection(e));
    }

    private static String seconds(Instant t) {
        return String.format(Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
    }

    /**
     * The server's own engine seconds so far ({@link EngineSeconds}); empty when it does not keep
     * them (VictoriaMetrics) or {@code /metrics} cannot be read.
     */
    public OptionalDouble engineSeconds() {
        return metricsText().map(EngineSeconds::in).orElse(OptionalDouble.empty());
    }

    /**
     * When the server's history begins (its oldest sample, {@code
     * prometheus_tsdb_lowest_timestamp_seconds}); empty when it does not say (VictoriaMetrics, a
     * proxy that hides {@code /metrics}); the moment asked when it holds no sample yet.
     */
    @Override
    public Optional<Instant> historyStart() {
        Instant now = Instant.now();
        return metricsText().flatMap(text -> HistoryStart.in(text, now));
    }

    private Optional<String> metricsText() {
        if (unusable != null) {
            return Optional.empty();
        }
        Request request =
                identified(
                                new Request.Builder()
                                        .url(baseUrls.get(current.get()) + "/metrics")
                                        .get())
                        .build();
        try (Response r = http.newCall(request).execute()) {
            return r.isSuccessful() ? Optional.of(r.body().string()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        retries.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /**
     * Counts the bytes of the body as the parser reads them, against the answer's bound and the
     * budget shared by every answer in flight (given back when the stream closes).
     */
    private static final class CountingStream extends FilterInputStream {
        private final long[] count;
        private final long max;
        private final AnswerBudget budget;
        private long taken;

        CountingStream(InputStream in, long[] count, long max, AnswerBudget budget) {
            super(in);
            this.count = count;
            this.max = max;
            this.budget = budget;
        }

        @Override
        public void close() throws IOException {
            budget.give(taken);
            taken = 0;
            super.close();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws IOException {
            count[0] += n;
            if (count[0] > max) {
                throw new ResponseParser.TooLarge(
                        "the answer is larger than " + (max >> 20) + " MiB");
            }
            budget.take(n, taken);
            taken += n;
        }
    }
}
