package io.rackscope.desktop.ui.shell;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.alerts.IncidentItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * One toast per new or worse incident (never per member), bottom right (clear of the toolbar and
 * the views' own controls), closable, gone after a while; more than a few at once collapse into one
 * counter. A click on a toast goes to the incident's place. {@link #shown()} lists the toast
 * titles, newest last.
 */
public final class Toasts {
    static final int MAX_SEPARATE = 4;
    private final ShellViewModel model;
    private final Window owner;
    private final List<String> shown = new ArrayList<>();

    public Toasts(ShellViewModel model, Window owner) {
        this.model = model;
        this.owner = owner;
    }

    public void show(List<Incident> fresh) {
        if (fresh.size() > MAX_SEPARATE) {
            long crit = fresh.stream().filter(a -> a.severity() == Severity.CRIT).count();
            toast(
                    fresh.size() + " new incidents",
                    crit + " CRIT, " + (fresh.size() - crit) + " WARN — see the alert panel",
                    null);
            return;
        }
        for (Incident i : fresh) {
            String what =
                    i.level() == Incident.Level.NODE
                            ? IncidentItem.checks(i, model::checkName)
                            : IncidentItem.headline(i, model::checkName, Double.NaN);
            toast(i.severity() + "  " + what, i.path(), i);
        }
    }

    private void toast(String title, String text, Incident target) {
        Notifications n = note(title, text, Pos.BOTTOM_RIGHT, Duration.seconds(10));
        if (n != null && target != null) {
            n = n.onAction(e -> model.open(target));
            if (model.canAcknowledge()) {
                n = n.action(new Action("Acknowledge", e -> model.acknowledge(target)));
            }
        }
        show(n);
    }

    /** Forecasts said as one toast; a click opens the alert table (its Forecast column). */
    public void forecast(List<String> lines) {
        Notifications n =
                note(
                        lines.size() == 1 ? "Forecast" : lines.size() + " forecasts",
                        String.join("\n", lines.subList(0, Math.min(4, lines.size())))
                                + (lines.size() > 4 ? "\n…" : ""),
                        Pos.BOTTOM_RIGHT,
                        Duration.seconds(15));
        if (n != null) {
            n = n.onAction(e -> model.openAlerts());
        }
        show(n);
    }

    /**
     * A note that stays until it is closed (what was missed while away, where the handover is);
     * {@code openAlerts}: a click opens the alert table.
     */
    public void stay(String title, String text, boolean openAlerts) {
        Notifications n = note(title, text, Pos.TOP_RIGHT, Duration.INDEFINITE);
        if (n != null && openAlerts) {
            n = n.onAction(e -> model.openAlerts());
        }
        show(n);
    }

    /** A note in the theme's style, counted as shown; null when there is no window to show it. */
    private Notifications note(String title, String text, Pos where, Duration stays) {
        shown.add(title);
        if (owner == null || !owner.isShowing()) {
            return null;
        }
        Notifications n =
                Notifications.create()
                        .title(title)
                        .text(text)
                        .owner(owner)
                        .position(where)
                        .hideAfter(stays);
        return model.themeProperty().get() == Theme.DARK ? n.darkStyle() : n;
    }

    private static void show(Notifications n) {
        if (n != null) {
            n.show();
        }
    }

    public List<String> shown() {
        return Collections.unmodifiableList(shown);
    }
}
