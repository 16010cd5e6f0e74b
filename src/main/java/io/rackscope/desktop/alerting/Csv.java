package io.rackscope.desktop.alerting;

/** CSV fields as the alert exports write them: quoted when they hold a comma, quote or newline. */
public final class Csv {
    private Csv() {}

    public static String field(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n")
                ? "\"" + v.replace("\"", "\"\"") + "\""
                : v;
    }
}
