package io.rackscope.desktop.slurm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Slurm node status the way sinfo prints it: lower-cased, short forms spelled out ({@code
 * alloc} -> {@code allocated}), flags dropped. A trailing {@code *} (not responding) is CRIT
 * whatever the status; then the configured crit, warn, ok and info lists in that order; anything
 * else is UNKNOWN. Compound states such as {@code idle+drain} take the worst of their parts.
 */
public final class SlurmStatus {
    private static final Map<String, String> LONG =
            Map.ofEntries(
                    Map.entry("alloc", "allocated"),
                    Map.entry("comp", "completing"),
                    Map.entry("drng", "draining"),
                    Map.entry("drain", "drained"),
                    Map.entry("failg", "failing"),
                    Map.entry("mix", "mixed"),
                    Map.entry("unk", "unknown"),
                    Map.entry("resv", "reserved"),
                    Map.entry("pow_dn", "power_down"),
                    Map.entry("pow_up", "power_up"),
                    Map.entry("powered_dn", "powered_down"),
                    Map.entry("plnd", "planned"),
                    Map.entry("futr", "future"),
                    Map.entry("npc", "not_responding"),
                    Map.entry("boot", "rebooting"),
                    Map.entry("inval", "invalid"),
                    Map.entry("maint", "maint"),
                    Map.entry("blocked", "blocked"));
    private static final String FLAGS = "*~#!%$@^-";

    private final List<String> crit;
    private final List<String> warn;
    private final List<String> ok;
    private final List<String> info;

    public SlurmStatus(Map<String, List<String>> statusMap) {
        this.crit = lower(statusMap.getOrDefault("crit", List.of()));
        this.warn = lower(statusMap.getOrDefault("warn", List.of()));
        this.ok = lower(statusMap.getOrDefault("ok", List.of()));
        this.info = lower(statusMap.getOrDefault("info", List.of()));
    }

    private static List<String> lower(List<String> list) {
        return list.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** The long, lower-case form without flags: {@code "ALLOC*"} -> {@code "allocated"}. */
    public static String normalize(String raw) {
        String s = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        while (!s.isEmpty() && FLAGS.indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return LONG.getOrDefault(s, s);
    }

    public SlurmState classify(String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.endsWith("*")) {
            return SlurmState.CRIT;
        }
        SlurmState worst = null;
        for (String part : s.split("\\+")) {
            SlurmState st = classifyOne(part);
            worst = worst == null || st.compareTo(worst) > 0 ? st : worst;
        }
        return worst == null ? SlurmState.UNKNOWN : worst;
    }

    private SlurmState classifyOne(String part) {
        String shortForm = part.trim().toLowerCase(Locale.ROOT).replaceAll("[*~#!%$@^-]+$", "");
        String longForm = normalize(part);
        if (in(crit, shortForm, longForm)) {
            return SlurmState.CRIT;
        }
        if (in(warn, shortForm, longForm)) {
            return SlurmState.WARN;
        }
        if (in(ok, shortForm, longForm)) {
            return SlurmState.OK;
        }
        if (in(info, shortForm, longForm)) {
            return SlurmState.INFO;
        }
        return SlurmState.UNKNOWN;
    }

    private static boolean in(List<String> list, String shortForm, String longForm) {
        return list.contains(longForm) || list.contains(shortForm);
    }
}
