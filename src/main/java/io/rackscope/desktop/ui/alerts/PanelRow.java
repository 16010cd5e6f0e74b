package io.rackscope.desktop.ui.alerts;

/**
 * A row of the alert panel: an incident, one of its members' alerts when it is expanded, or a
 * heading.
 */
public sealed interface PanelRow permits IncidentItem, AlertItem, SectionRow {}
