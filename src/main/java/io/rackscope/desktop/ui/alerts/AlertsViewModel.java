package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.checks.Check;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Subscriptions;
import java.time.Clock;
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
 * listener which alerts are new in each snapshot, as the feed tracked them (none for what was
 * already failing when the app started).
 */
public final class AlertsViewModel {
    private final RackscopeConfig config;
    private final Locator locator;
    private final HealthSource health;
    private final Navigator navigator;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<List<AlertItem>> items =
            new ReadOnlyObjectWrapper<>(this, "items", List.of());
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<Severity> minimum =
            new SimpleObjectProperty<>(this, "minimum", Severity.WARN);
    private final Subscriptions subscriptions = new Subscriptions();
    private Consumer<List<Alert>> onNewAlerts = a -> {};

    public AlertsViewModel(
            RackscopeConfig config,
            Locator locator,
            HealthSource health,
            Navigator navigator,
            Clock clock) {
        this.config = config;
        this.locator = locator;
        this.health = health;
        this.navigator = navigator;
        this.clock = clock;
        filterText.addListener(o -> rebuild());
        minimum.addListener(o -> rebuild());
        subscriptions.onChange(health.snapshotProperty(), (o, a, s) -> update(s));
        rebuild();
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

    /** Called with the new alerts of each snapshot that has some. */
    public void setOnNewAlerts(Consumer<List<Alert>> listener) {
        this.onNewAlerts = listener;
    }

    /** Goes to where the alert is, selecting it. */
    public void open(AlertItem item) {
        locator.placeOf(item.alert().entity()).ifPresent(navigator::go);
    }

    /** The moment the panel describes: now, or the past moment shown. */
    public Instant now() {
        Instant viewing = health.viewing();
        return viewing != null ? viewing : clock.instant();
    }

    private void update(HealthSnapshot s) {
        if (!s.fresh().isEmpty()) {
            onNewAlerts.accept(s.fresh());
        }
        rebuild();
    }

    private void rebuild() {
        String q = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        List<AlertItem> out = health.view("alerts:" + minimum.get() + ":" + q, s -> items(s, q));
        if (!out.equals(items.get())) {
            items.set(out);
        }
    }

    private List<AlertItem> items(HealthSnapshot s, String q) {
        List<AlertItem> out = new ArrayList<>();
        for (Alert a : s.alerts()) {
            if (a.severity().compareTo(minimum.get()) < 0) {
                continue;
            }
            String name = config.check(a.check()).map(Check::name).orElse(a.check());
            if (!q.isEmpty()
                    && !(a.path() + " " + a.check() + " " + name + " " + a.severity())
                            .toLowerCase(Locale.ROOT)
                            .contains(q)) {
                continue;
            }
            // at a past moment an alert's start is not known (no one watched it begin)
            Instant since = a.since() != null || health.viewing() != null ? a.since() : s.takenAt();
            out.add(new AlertItem(a, name, since));
        }
        out.sort(
                Comparator.comparing(
                                AlertItem::since, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed()
                        .thenComparing(i -> i.alert().severity(), Comparator.reverseOrder())
                        .thenComparing(i -> i.alert().path()));
        return List.copyOf(out);
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
