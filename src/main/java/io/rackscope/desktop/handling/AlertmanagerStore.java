package io.rackscope.desktop.handling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.http.Endpoint;
import io.rackscope.desktop.http.NoDelaySockets;
import io.rackscope.desktop.http.Reasons;
import io.rackscope.desktop.http.Tls;
import io.rackscope.desktop.telemetry.AlertFeed;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Acknowledgements and maintenances as Alertmanager silences (API v2), so that every desk and wall
 * display on one Alertmanager or cluster shares them. A silence whose comment starts with {@code
 * ack:} is an acknowledgement (what it was given for is kept at the end of the comment, in braces);
 * one starting with {@code ACK!} (Karma's acknowledge button, kept alive by kthxbye) is one too, by
 * whoever made it; any other is a maintenance, whoever made it, with the effect {@code hide} when
 * its comment ends with {@code [hide]}. With Karma's style the app writes its own acknowledgements
 * with {@code ACK!}, so that Karma's users see them as theirs. Open-ended maintenances are silences
 * ending in ten years.
 */
public final class AlertmanagerStore implements SilenceStore, AlertFeed {
    static final String ACK = "ack:";
    static final String KARMA_ACK = "ACK!";
    static final String HIDE = " [hide]";
    private static final Duration OPEN_ENDED = Duration.ofDays(3650);
    private static final Pattern ACK_COMMENT =
            Pattern.compile(
                    "^(?:ack:|ACK!)\\s?(.*?)(?:\\s\\{(OK|UNKNOWN|WARN|CRIT) (\\d+) (\\S+)})?$",
                    Pattern.DOTALL);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The peers of the cluster as configured, asked in turn from the one that last answered. */
    private final List<Endpoint> peers;

    private final java.util.concurrent.atomic.AtomicInteger current =
            new java.util.concurrent.atomic.AtomicInteger();

    private final OkHttpClient http;
    private final String authorization;

    private final boolean karma;

    public AlertmanagerStore(Endpoint endpoint) {
        this(endpoint, false);
    }

    /**
     * {@code karma}: acknowledgements written with Karma's {@code ACK!} instead of {@code ack:}.
     */
    public AlertmanagerStore(Endpoint endpoint, boolean karma) {
        this.karma = karma;
        OkHttpClient.Builder b =
                new OkHttpClient.Builder()
                        .socketFactory(new NoDelaySockets())
                        .callTimeout(endpoint.timeout())
                        .connectTimeout(endpoint.timeout())
                        .retryOnConnectionFailure(false);
        Tls.configure(b, endpoint);
        this.http = b.build();
        this.authorization = endpoint.authorization();
        this.peers = endpoint.urls().stream().map(endpoint::at).toList();
    }

    /** The alerts Alertmanager holds now (silenced and inhibited ones too), with their status. */
    @Override
    public List<Fed> alerts() throws StoreException {
        List<Fed> out = new ArrayList<>();
        for (JsonNode n : call("/api/v2/alerts", Request.Builder::get)) {
            java.util.Map<String, String> labels = new java.util.HashMap<>();
            n.path("labels")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(
                    new Fed(
                            labels,
                            time(n.path("startsAt")),
                            n.path("status").path("inhibitedBy").size() > 0));
        }
        return out;
    }

    @Override
    public boolean keepsEndedSilences() {
        return true;
    }

    @Override
    public String describe() {
        return describe(current.get());
    }

    private String describe(int peer) {
        return "Alertmanager " + peers.get(peer).displayUrl();
    }

    /**
     * What "Test connection" says of this Alertmanager: its version, its cluster and peers, the
     * silences in force; a {@link StoreException} says plainly why it cannot.
     */
    public String status() throws StoreException {
        long start = System.nanoTime();
        JsonNode s = call("/api/v2/status", Request.Builder::get);
        long ms = (System.nanoTime() - start) / 1_000_000;
        JsonNode silences = call("/api/v2/silences", Request.Builder::get);
        long active = 0;
        for (JsonNode x : silences) {
            if (x.path("status").path("state").asText().equals("active")) {
                active++;
            }
        }
        JsonNode cluster = s.path("cluster");
        String members =
                cluster.path("peers").size() <= 1
                        ? "a single instance"
                        : "a cluster of "
                                + cluster.path("peers").size()
                                + " peers, "
                                + cluster.path("status").asText("status unknown");
        return "Alertmanager "
                + s.path("versionInfo").path("version").asText("(version unknown)")
                + " at "
                + peers.get(current.get()).displayUrl()
                + " answered in "
                + ms
                + " ms: "
                + members
                + "; "
                + active
                + " silence(s) in force.";
    }

    @Override
    public List<Silence> read() throws StoreException {
        JsonNode list = call("/api/v2/silences", Request.Builder::get);
        if (!list.isArray()) {
            throw bad("the silences are not a list");
        }
        List<Silence> out = new ArrayList<>();
        for (JsonNode n : list) {
            silence(n).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Silence> silence(JsonNode n) {
        String id = n.path("id").asText(null);
        Instant starts = time(n.path("startsAt"));
        Instant ends = time(n.path("endsAt"));
        if (id == null || starts == null || ends == null) {
            return Optional.empty();
        }
        List<io.rackscope.desktop.handling.Matcher> matchers = new ArrayList<>();
        for (JsonNode m : n.path("matchers")) {
            matchers.add(
                    new io.rackscope.desktop.handling.Matcher(
                            m.path("name").asText(),
                            m.path("value").asText(),
                            m.path("isRegex").asBoolean(false),
                            m.path("isEqual").asBoolean(true)));
        }
        String comment = n.path("comment").asText("");
        String by = n.path("createdBy").asText("");
        Instant created = time(n.path("updatedAt"));
        Instant until = ends.isAfter(starts.plus(OPEN_ENDED.minusDays(365))) ? null : ends;
        Instant ended = "expired".equals(n.path("status").path("state").asText()) ? ends : null;
        Target target = target(matchers);
        if (comment.startsWith(ACK) || comment.startsWith(KARMA_ACK)) {
            Matcher a = ACK_COMMENT.matcher(comment);
            boolean full = a.matches() && a.group(2) != null;
            String note = a.matches() ? a.group(1) : comment.substring(ACK.length()).trim();
            // Karma's and kthxbye's own carry no subject: they hold until their silence ends
            Silence.Ack ack =
                    full
                            ? new Silence.Ack(
                                    a.group(4),
                                    Severity.valueOf(a.group(2)),
                                    Integer.parseInt(a.group(3)))
                            : new Silence.Ack(
                                    target == null ? "" : target.text(), Severity.CRIT, 1);
            return Optional.of(
                    new Silence(
                            id,
                            Silence.Kind.ACK,
                            matchers,
                            target,
                            Silence.Effect.BADGE,
                            by,
                            note,
                            created == null ? starts : created,
                            starts,
                            until,
                            ended,
                            ack));
        }
        boolean hide = comment.endsWith(HIDE);
        return Optional.of(
                new Silence(
                        id,
                        Silence.Kind.MAINTENANCE,
                        matchers,
                        target,
                        hide ? Silence.Effect.HIDE : Silence.Effect.BADGE,
                        by,
                        hide ? comment.substring(0, comment.length() - HIDE.length()) : comment,
                        created == null ? starts : created,
                        starts,
                        until,
                        ended,
                        null));
    }

    /** The one place a silence names, when it names exactly one (and nothing else). */
    private static Target target(List<io.rackscope.desktop.handling.Matcher> matchers) {
        if (matchers.size() != 1 || matchers.get(0).isRegex() || !matchers.get(0).isEqual()) {
            return null;
        }
        io.rackscope.desktop.handling.Matcher m = matchers.get(0);
        return Target.Type.ofLabel(m.name()).map(t -> new Target(t, m.value())).orElse(null);
    }

    private static Instant time(JsonNode n) {
        return n.isTextual() ? FileStore.instant(n.asText()) : null;
    }

    @Override
    public Silence create(Silence s) throws StoreException {
        JsonNode answer = post(body(s, null));
        return s.withId(answer.path("silenceID").asText());
    }

    @Override
    public Silence update(Silence s) throws StoreException {
        JsonNode answer = post(body(s, s.id()));
        return s.withId(answer.path("silenceID").asText(s.id()));
    }

    @Override
    public void end(String id, Instant at) throws StoreException {
        call("/api/v2/silence/" + id, Request.Builder::delete);
    }

    @Override
    public void delete(String id) throws StoreException {
        end(id, Instant.now());
    }

    private ObjectNode body(Silence s, String id) {
        ObjectNode b = JSON.createObjectNode();
        if (id != null) {
            b.put("id", id);
        }
        ArrayNode ms = b.putArray("matchers");
        for (io.rackscope.desktop.handling.Matcher m : s.matchers()) {
            ms.addObject()
                    .put("name", m.name())
                    .put("value", m.value())
                    .put("isRegex", m.isRegex())
                    .put("isEqual", m.isEqual());
        }
        Instant starts = s.startsAt() == null ? Instant.now() : s.startsAt();
        b.put("startsAt", starts.toString());
        b.put("endsAt", (s.endsAt() == null ? starts.plus(OPEN_ENDED) : s.endsAt()).toString());
        b.put("createdBy", s.by() == null || s.by().isBlank() ? "rackscope-desktop" : s.by());
        b.put("comment", comment(s, karma));
        return b;
    }

    static String comment(Silence s, boolean karma) {
        String text = s.text() == null ? "" : s.text().trim();
        if (s.kind() == Silence.Kind.ACK) {
            Silence.Ack a = s.ack();
            return (karma ? KARMA_ACK : ACK)
                    + " "
                    + text
                    + (a == null
                            ? ""
                            : " {"
                                    + a.severity().name()
                                    + " "
                                    + a.members()
                                    + " "
                                    + a.subject()
                                    + "}");
        }
        String reason = text.isEmpty() ? "maintenance" : text;
        return s.effect() == Silence.Effect.HIDE ? reason + HIDE : reason;
    }

    private JsonNode post(ObjectNode body) throws StoreException {
        return call(
                "/api/v2/silences", r -> r.post(RequestBody.create(body.toString(), JSON_TYPE)));
    }

    /**
     * {@code path} asked of the peer that last answered, else of each other peer in turn: a peer
     * down (or answering 5xx) is skipped, so that an acknowledgement typed while one is down goes
     * to another. A refusal (credentials, a rejected silence) is the same on every peer: said at
     * once.
     */
    private JsonNode call(String path, java.util.function.UnaryOperator<Request.Builder> method)
            throws StoreException {
        int start = current.get();
        StoreException first = null;
        for (int i = 0; i < peers.size(); i++) {
            int peer = (start + i) % peers.size();
            try {
                JsonNode answer = callPeer(method.apply(request(peer, path)).build(), peer);
                current.set(peer);
                return answer;
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.UNREACHABLE
                        && e.kind() != StoreException.Kind.BAD_ANSWER) {
                    throw e;
                }
                first = first == null ? e : first;
            }
        }
        throw peers.size() == 1
                ? first
                : new StoreException(
                        first.kind(),
                        first.getMessage() + "; no other peer of the cluster answered either");
    }

    private Request.Builder request(int peer, String path) {
        Request.Builder r = new Request.Builder().url(peers.get(peer).requestUrl() + path);
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return r;
    }

    private JsonNode callPeer(Request request, int peer) throws StoreException {
        try {
            return answer(request, peer);
        } catch (IOException e) {
            if (request.method().equals("GET") && !(e instanceof InterruptedIOException)) {
                // a restarted Alertmanager leaves a dead connection in the pool: a read tries
                // once more on a fresh one (never after a timeout, which would only wait twice)
                http.connectionPool().evictAll();
                try {
                    return answer(request, peer);
                } catch (IOException again) {
                    e = again;
                }
            }
            throw new StoreException(
                    StoreException.Kind.UNREACHABLE,
                    describe(peer) + " is not reachable: " + Reasons.connection(e));
        }
    }

    private JsonNode answer(Request request, int peer) throws StoreException, IOException {
        try (Response r = http.newCall(request).execute()) {
            String text = r.body() == null ? "" : r.body().string();
            if (r.code() == 401 || r.code() == 403) {
                throw new StoreException(
                        StoreException.Kind.REFUSED,
                        describe(peer)
                                + (r.code() == 401
                                        ? " asks for credentials that were not given or were refused (HTTP 401)"
                                        : " refused access with these credentials (HTTP 403)"));
            }
            if (r.code() == 400 || r.code() == 422) {
                // this request, not the server: it will never be taken as it is
                throw new StoreException(
                        StoreException.Kind.REJECTED,
                        describe(peer) + " refused it: HTTP " + r.code() + reason(r.code(), text));
            }
            if (!r.isSuccessful()) {
                throw bad(peer, "HTTP " + r.code() + reason(r.code(), text));
            }
            if (text.isBlank()) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw bad(peer, "the answer is not JSON");
            }
        }
    }

    /**
     * What a failed answer says, for the banner: an HTML page is named as one (a proxy, a login
     * page, a gateway), never shown; Alertmanager's own text is kept short.
     */
    static String reason(int code, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "";
        }
        if (t.startsWith("<")) {
            return code >= 500
                    ? " with an HTML page: Alertmanager, or a proxy in front of it, is down or"
                            + " overloaded"
                    : " with an HTML page: a proxy or login page may be in the way";
        }
        String first = t.lines().findFirst().orElse("");
        return ": " + (first.length() > 200 ? first.substring(0, 200) + "…" : first);
    }

    private StoreException bad(String why) {
        return bad(current.get(), why);
    }

    private StoreException bad(int peer, String why) {
        return new StoreException(StoreException.Kind.BAD_ANSWER, describe(peer) + ": " + why);
    }
}
