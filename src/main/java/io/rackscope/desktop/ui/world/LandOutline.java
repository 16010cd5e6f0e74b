package io.rackscope.desktop.ui.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bundled Natural Earth 1:110m land rings (public domain), as lon/lat arrays. */
final class LandOutline {
    private static List<double[][]> rings;

    private LandOutline() {}

    /** Each ring as {lons, lats}. Loaded once. */
    static synchronized List<double[][]> rings() {
        if (rings == null) {
            List<double[][]> out = new ArrayList<>();
            try (BufferedReader r =
                    new BufferedReader(
                            new InputStreamReader(
                                    LandOutline.class.getResourceAsStream("land-110m.txt"),
                                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] pts = line.trim().split(" ");
                    double[] lon = new double[pts.length];
                    double[] lat = new double[pts.length];
                    for (int i = 0; i < pts.length; i++) {
                        int comma = pts[i].indexOf(',');
                        lon[i] = Double.parseDouble(pts[i].substring(0, comma));
                        lat[i] = Double.parseDouble(pts[i].substring(comma + 1));
                    }
                    out.add(new double[][] {lon, lat});
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rings = List.copyOf(out);
        }
        return rings;
    }
}
