package io.rackscope.desktop.ui.trial;

import io.rackscope.desktop.checks.Severity;

/** One target of a tried check as the dialog's table shows it. */
public record TrialRow(Severity state, String target, String where, String value, String rule) {}
