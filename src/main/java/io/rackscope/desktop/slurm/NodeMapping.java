package io.rackscope.desktop.slurm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slurm node name -> topology instance. Entries are names or range patterns ({@code "c[0001-1000]":
 * "compute[0001-1000]"}, paired in order; widths from the start numbers). Names without an entry
 * map to themselves, so a cluster whose Slurm names are its instance ids needs no mapping at all.
 */
public final class NodeMapping {
    private static final Pattern RANGE = Pattern.compile("^(.*)\\[(\\d+)-(\\d+)](.*)$");
    private final Map<String, String> toInstance = new HashMap<>();

    /** {@link #byInstance()}, derived on first use after the last entry added. */
    private volatile Map<String, String> toSlurm;

    /**
     * Adds one entry; returns an explanation when the two sides do not expand to the same number of
     * names.
     */
    public String add(String slurmPattern, String instancePattern) {
        List<String> from = expand(slurmPattern);
        List<String> to = expand(instancePattern);
        if (from.size() != to.size()) {
            return "'"
                    + slurmPattern
                    + "' names "
                    + from.size()
                    + " nodes but '"
                    + instancePattern
                    + "' names "
                    + to.size();
        }
        for (int i = 0; i < from.size(); i++) {
            toInstance.put(from.get(i), to.get(i));
        }
        toSlurm = null;
        return null;
    }

    public String instanceOf(String slurmNode) {
        return toInstance.getOrDefault(slurmNode, slurmNode);
    }

    public int size() {
        return toInstance.size();
    }

    /** The inverse: instance -> Slurm node name. */
    public Map<String, String> byInstance() {
        Map<String, String> inverse = toSlurm;
        if (inverse == null) {
            Map<String, String> out = new HashMap<>();
            toInstance.forEach((slurm, instance) -> out.put(instance, slurm));
            inverse = Map.copyOf(out);
            toSlurm = inverse;
        }
        return inverse;
    }

    /** The Slurm name of {@code instance}: itself when no entry maps to it. */
    public String slurmNameOf(String instance) {
        return byInstance().getOrDefault(instance, instance);
    }

    static List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern.trim());
        List<String> out = new ArrayList<>();
        if (!m.matches()) {
            out.add(pattern.trim());
            return out;
        }
        int width = m.group(2).length();
        long from = Long.parseLong(m.group(2));
        long to = Long.parseLong(m.group(3));
        for (long n = from; n <= to && out.size() < 1_000_000; n++) {
            out.add(m.group(1) + String.format("%0" + width + "d", n) + m.group(4));
        }
        return out;
    }
}
