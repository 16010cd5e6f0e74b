package io.rackscope.desktop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rackscope.desktop.config.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON writer the commands share. */
final class Json {
    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> diagnostics(List<Diagnostic> items) {
        return items.stream()
                .map(
                        d -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("file", d.fileName());
                            m.put("line", d.line());
                            m.put("message", d.message());
                            return m;
                        })
                .toList();
    }
}
