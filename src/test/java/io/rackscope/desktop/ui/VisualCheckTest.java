package io.rackscope.desktop.ui;

import static io.rackscope.desktop.ui.Snapshots.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.app.AppContext;
import io.rackscope.desktop.app.HealthFeed;
import io.rackscope.desktop.app.ViewRenderer;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.prometheus.QueryStats;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every view rendered headless at 1440x900, 1280x800 and 1920x1080 in both themes, on planted
 * states, checked for what can fail: a control or title cut with an ellipsis, captions drawn over
 * one another, a selected table row without contrast, a planted severity missing from the floor.
 * The PNGs are kept in {@code target/visual/}.
 */
class VisualCheckTest {
    static final RackscopeConfig CFG = new ConfigLoader().load(Path.of("config"));
    static final List<String> VIEWS =
            List.of(
                    "world",
                    "site:fra1",
                    "room:fra1/hall-a",
                    "rack:fra1-a01-r03",
                    "rack:fra1-a01-r03:rear",
                    "rack:fra1-a01-r03:both",
                    "device:fra1-a01r03-c06",
                    "alerts",
                    "wallboard",
                    "slurm",
                    "maintenance");

    static List<Object[]> views() {
        List<Object[]> out = new ArrayList<>();
        for (int[] size : new int[][] {{1440, 900}, {1280, 800}, {1920, 1080}}) {
            for (Theme t : Theme.values()) {
                for (String v : VIEWS) {
                    out.add(new Object[] {v, t, size[0], size[1]});
                }
            }
        }
        return out;
    }

    static HealthFeed plantedFeed() {
        HealthFeed feed = new HealthFeed(null, Runnable::run);
        feed.publish(
                new Snapshots(CFG)
                        .at(
                                1,
                                Map.of(
                                        "node_up", Set.of("cn0565"),
                                        "node_temperature", Set.of("cn0565"),
                                        "node_memory_pressure", Set.of("cn0565")),
                                problem("node_up", "cn0165", Severity.CRIT, 0),
                                problem("node_temperature", "cn0166", Severity.WARN, 79),
                                problem(
                                        "rack_inlet_temperature",
                                        "fra1-a02-r02",
                                        Severity.WARN,
                                        29)));
        return feed;
    }

    @ParameterizedTest(name = "{0} {1} {2}x{3}")
    @MethodSource("views")
    void nothingIsCutOrDrawnOverAndSelectionsAreReadable(
            String view, Theme theme, int width, int height) throws Exception {
        HealthFeed feed = plantedFeed();
        AppContext ctx = new AppContext(CFG, feed, null, null, Clock.systemUTC());
        Path png =
                Path.of(
                        "target",
                        "visual",
                        view.replace(':', '_').replace('/', '_')
                                + "-"
                                + theme.name().toLowerCase(Locale.ROOT)
                                + "-"
                                + width
                                + ".png");
        Scene scene =
                ViewRenderer.render(
                        ctx,
                        Place.parse(view).orElseThrow(),
                        theme,
                        width,
                        height,
                        png,
                        new QueryStats());
        List<String> cut = FxThread.call(() -> cut(scene.getRoot()));
        assertEquals(List.of(), cut, "cut with an ellipsis in " + view);
        List<String> outside = FxThread.call(() -> outside(scene.getRoot(), width, height));
        assertEquals(List.of(), outside, "beyond the window in " + view);
        List<String> over = FxThread.call(() -> overlapping(scene.getRoot()));
        assertEquals(List.of(), over, "drawn over one another in " + view);
        Double contrast = FxThread.call(() -> selectedRowContrast(scene.getRoot()));
        if (contrast != null) {
            assertTrue(contrast >= 4.5, "selected row contrast " + contrast + " in " + view);
        }
        if (view.startsWith("rack:")) {
            List<String> below = FxThread.call(() -> devicesBelow(scene.getRoot(), height));
            assertEquals(List.of(), below, "the whole rack in view in " + view);
        }
        if (view.startsWith("room:")) {
            BufferedImage img = ImageIO.read(png.toFile());
            Palette p = ctx.options().palette();
            for (Severity s :
                    List.of(Severity.OK, Severity.WARN, Severity.CRIT, Severity.UNKNOWN)) {
                assertTrue(
                        pixels(img, p.severity(s)) > 100, s + " planted but not drawn in " + theme);
            }
        }
    }

    /** Device blocks of a rack view drawn below the window's bottom edge. */
    static List<String> devicesBelow(Parent root, double height) {
        List<String> out = new ArrayList<>();
        for (javafx.scene.Node n : root.lookupAll(".device-block")) {
            Bounds b = n.localToScene(n.getBoundsInLocal());
            if (n.isVisible() && b.getMaxY() > height + 1) {
                out.add(n.getId() + " at y " + Math.round(b.getMinY()));
            }
        }
        return out;
    }

    /** Visible labels and buttons outside table and list cells whose shown text is cut. */
    static List<String> cut(Parent root) {
        List<String> out = new ArrayList<>();
        for (Labeled l : labeled(root)) {
            Text shown = (Text) l.lookup(".text");
            String full = l.getText();
            if (shown != null
                    && full != null
                    && !full.isEmpty()
                    && !shown.getText().equals(full)
                    && (shown.getText().endsWith("…") || shown.getText().endsWith("..."))) {
                out.add(describe(l) + " shows '" + shown.getText() + "'");
            }
        }
        return out;
    }

    /** Visible captions (outside cells) that reach past the window's edge. */
    static List<String> outside(Parent root, double width, double height) {
        List<String> out = new ArrayList<>();
        for (Labeled l : labeled(root)) {
            Bounds seen = shown(l);
            if (seen != null && (seen.getMaxX() > width + 1 || seen.getMaxY() > height + 1)) {
                out.add(
                        describe(l)
                                + " at "
                                + Math.round(seen.getMinX())
                                + ".."
                                + Math.round(seen.getMaxX()));
            }
        }
        return out;
    }

    /** Pairs of visible captions (outside cells) whose text boxes intersect. */
    static List<String> overlapping(Parent root) {
        List<Labeled> all = labeled(root);
        List<Bounds> boxes = new ArrayList<>();
        for (Labeled l : all) {
            Text t = (Text) l.lookup(".text");
            boxes.add(t == null || t.getText().isEmpty() ? null : shown(t));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Bounds a = boxes.get(i);
                Bounds b = boxes.get(j);
                if (a == null || b == null || related(all.get(i), all.get(j))) {
                    continue;
                }
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w > 2 && h > 2) {
                    out.add(describe(all.get(i)) + " over " + describe(all.get(j)));
                }
            }
        }
        return out;
    }

    /** What of {@code n} can be seen: its box in the scene cut by the scroll panes it is in. */
    private static Bounds shown(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        for (Node p = n.getParent(); p != null && b != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                Node viewport = sp.lookup(".viewport");
                Node clip = viewport == null ? sp : viewport;
                Bounds v = clip.localToScene(clip.getLayoutBounds());
                double x0 = Math.max(b.getMinX(), v.getMinX());
                double y0 = Math.max(b.getMinY(), v.getMinY());
                double x1 = Math.min(b.getMaxX(), v.getMaxX());
                double y1 = Math.min(b.getMaxY(), v.getMaxY());
                b = x1 > x0 && y1 > y0 ? new BoundingBox(x0, y0, x1 - x0, y1 - y0) : null;
            }
        }
        return b;
    }

    /**
     * Text against background of the first table's first row, selected (as the window shows it).
     */
    static Double selectedRowContrast(Parent root) {
        for (Node n : root.lookupAll(".table-view")) {
            TableView<?> table = (TableView<?>) n;
            if (!table.isVisible() || table.getItems().isEmpty()) {
                continue;
            }
            table.getSelectionModel().select(0);
            root.applyCss();
            root.layout();
            for (Node r : table.lookupAll(".table-row-cell")) {
                TableRow<?> row = (TableRow<?>) r;
                if (row.getIndex() != 0 || !row.isSelected() || row.getBackground() == null) {
                    continue;
                }
                List<BackgroundFill> fills = row.getBackground().getFills();
                Color bg = (Color) fills.get(fills.size() - 1).getFill();
                for (Node c : row.lookupAll(".table-cell")) {
                    Labeled cell = (Labeled) c;
                    if (cell.getText() != null && !cell.getText().isEmpty()) {
                        return contrast((Color) cell.getTextFill(), bg);
                    }
                }
            }
        }
        return null;
    }

    static List<Labeled> labeled(Parent root) {
        List<Labeled> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Labeled> out) {
        if (!n.isVisible() || n instanceof Cell<?>) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static boolean related(Node a, Node b) {
        for (Node p = a; p != null; p = p.getParent()) {
            if (p == b) {
                return true;
            }
        }
        for (Node p = b; p != null; p = p.getParent()) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Labeled l) {
        return l.getClass().getSimpleName()
                + (l.getId() == null ? "" : "#" + l.getId())
                + " '"
                + l.getText()
                + "'";
    }

    /** WCAG 2 contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed())
                + 0.7152 * linear(c.getGreen())
                + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int pixels(BufferedImage img, Color c) {
        int want =
                (int) Math.round(c.getRed() * 255) << 16
                        | (int) Math.round(c.getGreen() * 255) << 8
                        | (int) Math.round(c.getBlue() * 255);
        int n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xffffff) == want) {
                    n++;
                }
            }
        }
        return n;
    }
}
