package io.rackscope.desktop.ui.alerts;

/** A heading between the panel's rows: "Handled (3)" above what someone is already on. */
public record SectionRow(String title) implements PanelRow {}
