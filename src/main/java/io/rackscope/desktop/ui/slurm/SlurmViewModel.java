package io.rackscope.desktop.ui.slurm;

import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.slurm.SlurmNode;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Subscriptions;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The scheduler's view: the Slurm snapshot, and its nodes filtered by text and state for the table.
 */
public final class SlurmViewModel {
    private final boolean enabled;
    private final Locator locator;
    private final HealthSource health;
    private final Navigator navigator;
    private final ViewOptions options;
    private final ReadOnlyObjectWrapper<SlurmSnapshot> slurm =
            new ReadOnlyObjectWrapper<>(this, "slurm", SlurmSnapshot.DISABLED);
    private final ReadOnlyObjectWrapper<List<SlurmNode>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<SlurmState> state = new SimpleObjectProperty<>(this, "state");
    private final Subscriptions subscriptions = new Subscriptions();

    public SlurmViewModel(
            boolean enabled,
            Locator locator,
            HealthSource health,
            Navigator navigator,
            ViewOptions options) {
        this.enabled = enabled;
        this.locator = locator;
        this.health = health;
        this.navigator = navigator;
        this.options = options;
        filter.addListener(o -> rebuild());
        state.addListener(o -> rebuild());
        subscriptions.onChange(health.snapshotProperty(), (o, a, s) -> apply(s));
        apply(health.current());
    }

    private void apply(HealthSnapshot s) {
        slurm.set(s.slurm());
        rebuild();
    }

    private void rebuild() {
        String q = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        rows.set(
                slurm.get().nodes().values().stream()
                        .filter(n -> state.get() == null || n.state() == state.get())
                        .filter(
                                n ->
                                        q.isEmpty()
                                                || (n.name()
                                                                + " "
                                                                + n.instance()
                                                                + " "
                                                                + n.status()
                                                                + " "
                                                                + String.join(" ", n.partitions()))
                                                        .toLowerCase(Locale.ROOT)
                                                        .contains(q))
                        .sorted(
                                Comparator.comparing((SlurmNode n) -> n.state())
                                        .reversed()
                                        .thenComparing(SlurmNode::name))
                        .toList());
    }

    public ReadOnlyObjectProperty<SlurmSnapshot> slurmProperty() {
        return slurm.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<SlurmNode>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<SlurmState> stateProperty() {
        return state;
    }

    public boolean enabled() {
        return enabled;
    }

    public BooleanProperty colourBySlurmProperty() {
        return options.colourBySlurmProperty();
    }

    /** The job whose nodes the other views highlight (null for none). */
    public ObjectProperty<String> selectedJobProperty() {
        return options.selectedJobProperty();
    }

    /** The estate's wallboard in Slurm colours. */
    public void openSlurmWallboard() {
        options.colourBySlurmProperty().set(true);
        navigator.go(Place.of(Place.Kind.WALLBOARD, ""));
    }

    public void open(SlurmNode node) {
        locator.placeOf(node.instance()).ifPresent(navigator::go);
    }

    /** Opens the room that holds most of the selected job's nodes. */
    public void showSelectedJob() {
        options.selectedJobNodes(health.current()).stream()
                .map(locator::rackOf)
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Rack::roomKey, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> Place.of(Place.Kind.ROOM, e.getKey()))
                .ifPresent(navigator::go);
    }

    public void dispose() {
        subscriptions.dispose();
    }
}
