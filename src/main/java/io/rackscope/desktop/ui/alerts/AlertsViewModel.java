package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.telemetry.Alert;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.ui.AppContext;
import io.rackscope.desktop.ui.Subscriptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The active WARN and CRIT alerts, newest first, filtered by text and minimum severity. Tells its
 * listener which alerts are new in each snapshot (none for what was already failing when the app
 * started).
 */
public final class AlertsViewModel {
    private final AppContext ctx;
    private final ReadOnlyObjectWrapper<List<AlertItem>> items =
            new ReadOnlyObjectWrapper<>(this, "items", List.of());
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<Severity> minimum =
            new SimpleObjectProperty<>(this, "minimum", Severity.WARN);
    private final Subscriptions subscriptions = new Subscriptions();
    private final boolean tracking;
    private Consumer<List<Alert>> onNewAlerts = a -> {};

    /**
     * {@code tracking} models feed the shared {@link AlertTracker}; only the app's one panel does.
     */
    public AlertsViewModel(AppContext ctx, boolean tracking) {
        this.ctx = ctx;
        this.tracking = tracking;
        filterText.addListener(o -> rebuild());
        minimum.addListener(o -> rebuild());
        subscriptions.onChange(ctx.feed().snapshotProperty(), (o, a, s) -> update(s));
        if (ctx.feed().current().version() > 0) {
            update(ctx.feed().current());
        }
    }

    public ReadOnlyObjectProperty<List<AlertItem>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<Severity> minimumProperty() {
        return minimum;
    }

    public void setOnNewAlerts(Consumer<List<Alert>> listener) {
        this.onNewAlerts = listener;
    }

    private void update(HealthSnapshot s) {
        if (tracking) {
            List<Alert> fresh = ctx.alerts().update(s);
            if (!fresh.isEmpty()) {
                onNewAlerts.accept(fresh);
            }
        }
        rebuild();
    }

    private void rebuild() {
        String q = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        List<AlertItem> out = new ArrayList<>();
        for (Alert a : ctx.feed().current().alerts()) {
            if (a.severity().compareTo(minimum.get()) < 0) {
                continue;
            }
            String name = ctx.config().check(a.check()).map(c -> c.name()).orElse(a.check());
            if (!q.isEmpty()
                    && !(a.path() + " " + a.check() + " " + name + " " + a.severity())
                            .toLowerCase(Locale.ROOT)
                            .contains(q)) {
                continue;
            }
            Instant since = ctx.alerts().since(a.check(), a.entity());
            out.add(new AlertItem(a, name, since == null ? ctx.feed().current().takenAt() : since));
        }
        out.sort(
                Comparator.comparing(AlertItem::since)
                        .reversed()
                        .thenComparing(i -> i.alert().severity(), Comparator.reverseOrder())
                        .thenComparing(i -> i.alert().path()));
        if (!out.equals(items.get())) {
            items.set(List.copyOf(out));
        }
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
