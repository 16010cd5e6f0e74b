package io.rackscope.desktop.ui.slurm;

import io.rackscope.desktop.slurm.SlurmNode;
import io.rackscope.desktop.slurm.SlurmSnapshot;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.telemetry.HealthSnapshot;
import io.rackscope.desktop.ui.AppContext;
import io.rackscope.desktop.ui.Subscriptions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
    private final AppContext ctx;
    private final ReadOnlyObjectWrapper<SlurmSnapshot> slurm =
            new ReadOnlyObjectWrapper<>(this, "slurm", SlurmSnapshot.DISABLED);
    private final ReadOnlyObjectWrapper<List<SlurmNode>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<SlurmState> state = new SimpleObjectProperty<>(this, "state");
    private final Subscriptions subscriptions = new Subscriptions();

    public SlurmViewModel(AppContext ctx) {
        this.ctx = ctx;
        filter.addListener(o -> rebuild());
        state.addListener(o -> rebuild());
        subscriptions.onChange(ctx.feed().snapshotProperty(), (o, a, s) -> apply(s));
        apply(ctx.feed().current());
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

    public void dispose() {
        subscriptions.dispose();
    }
}
