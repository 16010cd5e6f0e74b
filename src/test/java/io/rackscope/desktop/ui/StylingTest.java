package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Colours are theme tokens: the structural stylesheet and the Java sources name tokens only, every
 * token they name is defined by both themes, and fonts drawn on a Canvas come from one place.
 */
class StylingTest {
    static final Path CSS = Path.of("src/main/resources/io/rackscope/desktop/ui");
    static final Path UI = Path.of("src/main/java/io/rackscope/desktop/ui");
    static final Pattern DEFINITION = Pattern.compile("^\\s*(-[a-z0-9-]+)\\s*:", Pattern.MULTILINE);
    static final Pattern USE = Pattern.compile("(?<![\\w-])(-(?!fx-)[a-z][a-z0-9-]*)");
    static final Pattern COLOUR_LITERAL =
            Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\(|\\b(white|black|red|green|blue)\\b");

    static Set<String> definedBy(String theme) throws IOException {
        Set<String> out = new TreeSet<>();
        Matcher m = DEFINITION.matcher(Files.readString(CSS.resolve(theme)));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String structural() throws IOException {
        return Files.readString(CSS.resolve("rackscope.css")).replaceAll("/\\*.*?\\*/", "");
    }

    @Test
    void theStructuralStylesheetHasNoColourOfItsOwn() throws IOException {
        Matcher m = COLOUR_LITERAL.matcher(structural());
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        assertEquals(List.of(), found);
    }

    @Test
    void bothThemesDefineTheSameTokens() throws IOException {
        assertEquals(definedBy("theme-dark.css"), definedBy("theme-light.css"));
        assertTrue(definedBy("theme-dark.css").contains("-accent-fill"));
    }

    @Test
    void everyTokenUsedIsDefined() throws IOException {
        Set<String> defined = definedBy("theme-dark.css");
        defined.add("-sev-color");
        Set<String> used = new TreeSet<>();
        Matcher m = USE.matcher(structural().replaceAll("\\.[a-z][a-z0-9-]*", ""));
        while (m.find()) {
            used.add(m.group(1));
        }
        Pattern javaToken = Pattern.compile("\"(-(?!fx-)[a-z][a-z0-9-]*[a-z0-9])\"");
        for (Tone t : Tone.values()) {
            used.add(t.token());
        }
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher j = javaToken.matcher(Files.readString(f));
                while (j.find()) {
                    used.add(j.group(1));
                }
            }
        }
        used.removeAll(defined);
        // -rs-*: the app's own styleable properties (set from tokens), not tokens
        used.removeIf(name -> name.startsWith("-rs-"));
        assertEquals(Set.of(), used, "tokens used but defined by no theme");
    }

    @Test
    void canvasFontsComeFromTypography() throws IOException {
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (!f.getFileName().toString().equals("Typography.java")) {
                    assertTrue(
                            !Files.readString(f).contains("Font.font("),
                            f + " creates fonts itself");
                }
            }
        }
    }

    @Test
    void everyTokenOfBothThemesIsAColourACanvasCanDraw() throws IOException {
        for (Theme theme : Theme.values()) {
            Palette p = Palette.of(theme);
            for (String token : definedBy("theme-dark.css")) {
                assertTrue(
                        !p.token(token).equals(javafx.scene.paint.Color.MAGENTA),
                        token + " of " + theme + " cannot be read by the Palette");
            }
        }
    }

    @Test
    void javaDerivesNoColourOfItsOwn() throws IOException {
        try (Stream<Path> files = Files.walk(UI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                long derived =
                        Pattern.compile("token\\(\"-[a-z-]+\"\\)\\.derive")
                                .matcher(text)
                                .results()
                                .count();
                assertEquals(0, derived, f + " derives a shade of a token: make it a token");
            }
        }
    }
}
