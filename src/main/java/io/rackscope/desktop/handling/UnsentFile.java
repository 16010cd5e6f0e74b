package io.rackscope.desktop.handling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rackscope.desktop.checks.Severity;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Acknowledgements and maintenances typed while their store did not answer, kept in a small JSON
 * file (one per store, beside the journal) so that closing the app loses none: they are sent when
 * the app next starts and the store answers. Written whole through a temporary file and a rename.
 */
public final class UnsentFile {
    private static final Logger LOG = Logger.getLogger(UnsentFile.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public UnsentFile(Path file) {
        this.file = file;
    }

    /** The file for {@code store} in {@code dir}: one store's queue is never sent to another. */
    public static UnsentFile in(Path dir, String store) {
        return new UnsentFile(
                dir.resolve("unsent-" + Integer.toHexString(store.hashCode()) + ".json"));
    }

    public Path path() {
        return file;
    }

    /** What was left unsent; a damaged file is set aside (renamed) and said in the log. */
    List<HandlingService.Change> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<HandlingService.Change> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(file.toFile())) {
                out.add(
                        n.has("end")
                                ? new HandlingService.End(
                                        n.get("end").asText(), Instant.parse(n.get("at").asText()))
                                : new HandlingService.Create(silence(n)));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged");
            LOG.log(
                    Level.WARNING,
                    "The unsent acknowledgements and maintenances in "
                            + file
                            + " cannot be read ("
                            + e.getMessage()
                            + "); the file is kept as "
                            + aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // it stays where it is and is read again next time
            }
            return List.of();
        }
    }

    /** Keeps {@code queue}; an empty queue removes the file. */
    void write(List<HandlingService.Change> queue) throws IOException {
        if (queue.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        ArrayNode all = JSON.createArrayNode();
        for (HandlingService.Change c : queue) {
            if (c instanceof HandlingService.End en) {
                all.addObject().put("end", en.id()).put("at", en.at().toString());
            } else if (c instanceof HandlingService.Create cr) {
                all.add(json(cr.silence()));
            }
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
        try {
            Files.move(
                    tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static ObjectNode json(Silence s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id()).put("kind", s.kind().name());
        ArrayNode matchers = o.putArray("matchers");
        for (Matcher m : s.matchers()) {
            matchers.addObject()
                    .put("name", m.name())
                    .put("value", m.value())
                    .put("regex", m.isRegex())
                    .put("equal", m.isEqual());
        }
        if (s.target() != null) {
            o.put("target", s.target().text());
        }
        if (s.effect() != null) {
            o.put("effect", s.effect().name());
        }
        o.put("by", s.by()).put("text", s.text());
        put(o, "created_at", s.createdAt());
        put(o, "starts_at", s.startsAt());
        put(o, "ends_at", s.endsAt());
        put(o, "ended_at", s.endedAt());
        if (s.ack() != null) {
            o.putObject("ack")
                    .put("subject", s.ack().subject())
                    .put("severity", s.ack().severity().name())
                    .put("members", s.ack().members());
        }
        return o;
    }

    private static Silence silence(JsonNode n) {
        List<Matcher> matchers = new ArrayList<>();
        for (JsonNode m : n.get("matchers")) {
            matchers.add(
                    new Matcher(
                            m.get("name").asText(),
                            m.get("value").asText(),
                            m.get("regex").asBoolean(),
                            m.get("equal").asBoolean()));
        }
        JsonNode ack = n.get("ack");
        return new Silence(
                n.get("id").asText(),
                Silence.Kind.valueOf(n.get("kind").asText()),
                matchers,
                text(n, "target").flatMap(Target::parse).orElse(null),
                text(n, "effect").map(Silence.Effect::valueOf).orElse(null),
                text(n, "by").orElse(null),
                text(n, "text").orElse(null),
                instant(n, "created_at"),
                instant(n, "starts_at"),
                instant(n, "ends_at"),
                instant(n, "ended_at"),
                ack == null
                        ? null
                        : new Silence.Ack(
                                ack.get("subject").asText(),
                                Severity.valueOf(ack.get("severity").asText()),
                                ack.get("members").asInt()));
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Instant instant(JsonNode n, String key) {
        return text(n, key).map(Instant::parse).orElse(null);
    }

    private static void put(ObjectNode o, String key, Instant at) {
        if (at != null) {
            o.put(key, at.toString());
        }
    }
}
