package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.rackscope.desktop.checks.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Colours come from the theme's tokens; Java names roles and never derives a colour itself. */
class ThemeTokensTest {
    @Test
    void everyRoleAViewAsksForIsATokenOfBothThemes() {
        for (Theme theme : Theme.values()) {
            Palette p = Palette.of(theme);
            for (Tone t : Tone.values()) {
                assertNotEquals(Color.MAGENTA, p.tone(t), theme + " " + t);
                assertNotEquals(Color.MAGENTA, p.staleFill(t), theme + " stale fill of " + t);
            }
            for (Severity s : Severity.values()) {
                assertNotEquals(Color.MAGENTA, p.halo(s), theme + " halo of " + s);
            }
        }
    }

    /** Only the metric colour a config names is parsed in Java (SeriesColours). */
    @Test
    void noViewDerivesAColourInJava() throws IOException {
        Pattern deriving =
                Pattern.compile(
                        "deriveColor\\(|\\.darker\\(\\)|\\.brighter\\(\\)|Color\\.rgb\\(|Color\\.hsb\\(|Color\\.web\\(");
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/rackscope/desktop/ui"))) {
            found =
                    files.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> !f.getFileName().toString().equals("SeriesColours.java"))
                            .filter(f -> !f.getFileName().toString().equals("Palette.java"))
                            .filter(f -> deriving.matcher(read(f)).find())
                            .map(Path::toString)
                            .toList();
        }
        assertEquals(List.of(), found);
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
