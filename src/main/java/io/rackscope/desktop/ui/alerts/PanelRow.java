package io.rackscope.desktop.ui.alerts;

/** A row of the alert panel: an incident, or one of its members' alerts when it is expanded. */
public sealed interface PanelRow permits IncidentItem, AlertItem {}
