package io.rackscope.desktop.topology;

/** How a place is named for people: its kind before its name, said once. */
public final class Names {
    private Names() {}

    /**
     * "rack FRA1-A01-R05" for a rack named "FRA1-A01-R05", and "Rack FRA1-A01-R05" (not "rack Rack
     * FRA1-A01-R05") for one named so; {@code kind} keeps its own case.
     */
    public static String titled(String kind, String name) {
        return name.regionMatches(true, 0, kind + " ", 0, kind.length() + 1)
                ? name
                : kind + " " + name;
    }
}
