package io.rackscope.desktop.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/architecture.md stays true: every class, record, enum or interface it names exists. */
class ArchitectureDocTest {
    /**
     * `Name`, `pkg.Name`, `Name.member` in backticks: the capitalised part is a type (constants in
     * capitals and the {@code Xxx} of a pattern are not).
     */
    static final Pattern NAMED =
            Pattern.compile(
                    "`(?:[a-z][a-z0-9]*[./])*((?!Xxx)[A-Z][a-z][A-Za-z0-9]*)(?:\\.[A-Za-z]+)*`");

    static final Pattern DECLARED =
            Pattern.compile("\\b(?:class|record|enum|interface) ([A-Z][A-Za-z0-9]*)");

    static Set<String> declaredTypes() throws IOException {
        Set<String> out = new HashSet<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = DECLARED.matcher(Files.readString(f));
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyTypeTheArchitecturePageNamesExists() throws IOException {
        String page = Files.readString(Path.of("docs/architecture.md"));
        Set<String> declared = declaredTypes();
        Set<String> named = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        Matcher m = NAMED.matcher(page);
        while (m.find()) {
            named.add(m.group(1));
            if (!declared.contains(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertTrue(named.size() > 40, "the page names the classes it is about: " + named);
        assertEquals(Set.of(), missing, "named in docs/architecture.md but not in the code");
    }
}
