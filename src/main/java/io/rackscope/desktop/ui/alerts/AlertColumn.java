package io.rackscope.desktop.ui.alerts;

import java.util.function.Function;

/** A column of the alert table that filter chips can narrow, with the text it filters on. */
public enum AlertColumn {
    SEVERITY("Severity", r -> r.severity().name()),
    INCIDENT("Incident", AlertRow::incident),
    CHECK("Check", AlertRow::check),
    SOURCE("Source", AlertRow::source),
    ENTITY("Entity", AlertRow::entity),
    DEVICE("Device", AlertRow::device),
    RACK("Rack", AlertRow::rack),
    ROOM("Room", AlertRow::room),
    SITE("Site", AlertRow::site),
    FLAPPING("Flapping", r -> r.flapping() ? "flapping" : "stable"),
    HANDLED("Handled", r -> r.handled().isEmpty() ? "new" : r.handled());

    private final String label;
    private final Function<AlertRow, String> value;

    AlertColumn(String label, Function<AlertRow, String> value) {
        this.label = label;
        this.value = value;
    }

    public String label() {
        return label;
    }

    public String of(AlertRow row) {
        return value.apply(row);
    }
}
