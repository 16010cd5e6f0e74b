package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.RackPartsText;
import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.edit.TemplateEdits;
import io.rackscope.desktop.edit.TemplateEdits.Kind;
import io.rackscope.desktop.edit.TemplateText;
import io.rackscope.desktop.edit.ThresholdsText;
import io.rackscope.desktop.topology.Device;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The templates of one kind, each with what uses it, and one edited: its YAML as written, a form of
 * the keys the loader reads for its kind and, for a device template, its slot matrices (front,
 * rear, disks) as grids whose slots are swapped by a drag; kept in step with the text.
 */
public final class TemplateEditorViewModel extends LibraryItemViewModel {
    /** One template: its id, name, U height and what uses it. */
    public record Row(String id, String name, int uHeight, List<String> usedBy) {
        public String uses() {
            return usedBy.isEmpty() ? "not used" : Integer.toString(usedBy.size());
        }
    }

    private final Kind kind;
    private final RackscopeConfig shown;
    private final HealthSource health;
    private final javafx.beans.property.ReadOnlyLongWrapper states =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "states");

    /** Held here, heard weakly by the feed: a view left behind does not stay subscribed. */
    private final javafx.beans.InvalidationListener onSnapshot = o -> states.set(states.get() + 1);

    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, ObjectProperty<int[][]>> matrices = new LinkedHashMap<>();

    /** The form is being filled from the text: its changes are not sent back. */
    private boolean filling;

    /** A rear component as edited: id, name, type, role, checks (separated by commas). */
    public static final class RearRow {
        public final StringProperty id = new SimpleStringProperty("");
        public final StringProperty name = new SimpleStringProperty("");
        public final StringProperty type = new SimpleStringProperty("");
        public final StringProperty role = new SimpleStringProperty("");
        public final StringProperty checks = new SimpleStringProperty("");

        TemplateText.Rear rear() {
            return new TemplateText.Rear(
                    id.get(), name.get(), type.get(), role.get(), checks.get());
        }

        List<StringProperty> all() {
            return List.of(id, name, type, role, checks);
        }
    }

    private final javafx.collections.ObservableList<RearRow> rear =
            javafx.collections.FXCollections.observableArrayList();

    /**
     * A component of a rack template as edited: its keys ({@link RackPartsText#KEYS}) and where it
     * is written; a row added here is written once it has an id.
     */
    public static final class PartRow {
        private final RackPartsText.Part read;
        private final Map<String, StringProperty> values = new LinkedHashMap<>();

        PartRow(RackPartsText.Part read) {
            this.read = read;
            RackPartsText.KEYS.forEach(k -> values.put(k, new SimpleStringProperty(read.value(k))));
        }

        public StringProperty value(String key) {
            return values.get(key);
        }

        /** The list of {@code infrastructure} it is in. */
        public String list() {
            return read.list();
        }

        boolean fresh() {
            return read.index() < 0;
        }

        RackPartsText.Part part() {
            RackPartsText.Part p = read;
            for (var e : values.entrySet()) {
                p = p.with(e.getKey(), e.getValue().get());
            }
            return p;
        }
    }

    /** A check's or metric's display thresholds as edited: its id, warn and crit. */
    public static final class ThresholdRow {
        public final StringProperty id = new SimpleStringProperty("");
        public final StringProperty warn = new SimpleStringProperty("");
        public final StringProperty crit = new SimpleStringProperty("");

        ThresholdsText.Threshold threshold() {
            return new ThresholdsText.Threshold(id.get(), warn.get(), crit.get());
        }
    }

    private final javafx.collections.ObservableList<ThresholdRow> thresholds =
            javafx.collections.FXCollections.observableArrayList();

    private final javafx.collections.ObservableList<PartRow> parts =
            javafx.collections.FXCollections.observableArrayList();

    public TemplateEditorViewModel(
            EstateEditing editing,
            ViewOptions options,
            Navigator navigation,
            RackscopeConfig shown,
            Kind kind,
            HealthSource health,
            Executor fx) {
        super(
                editing,
                options,
                navigation,
                e -> e.templates().of(kind),
                word(kind) + " template",
                tab(kind),
                fx);
        this.kind = kind;
        this.shown = shown;
        this.health = health;
        health.snapshotProperty()
                .addListener(new javafx.beans.WeakInvalidationListener(onSnapshot));
        for (Setting s : TemplateText.fields(kind)) {
            StringProperty p = new SimpleStringProperty(this, s.path(), "");
            p.addListener((o, a, b) -> formChanged(s.path(), b));
            values.put(s.path(), p);
        }
        for (String layout : TemplateText.LAYOUTS) {
            matrices.put(layout, new SimpleObjectProperty<>(this, layout, new int[0][]));
        }
    }

    /** The word for the kind in ids and messages: device, rack, component. */
    static String word(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The library's tab of this kind, in its place's id ({@code library:devices:ID}). */
    public static String tab(Kind kind) {
        return word(kind) + "s";
    }

    public Kind kind() {
        return kind;
    }

    /** The templates of the kind, by id (those written inside a rack template left out). */
    public List<Row> rows() {
        var t = shown.templates();
        Stream<Row> all =
                switch (kind) {
                    case DEVICE ->
                            t.devices().values().stream()
                                    .map(d -> row(d.id(), d.name(), d.uHeight()));
                    case RACK ->
                            t.racks().values().stream()
                                    .map(r -> row(r.id(), r.name(), r.uHeight()));
                    case COMPONENT ->
                            t.components().values().stream()
                                    .filter(c -> !c.id().contains("/"))
                                    .map(c -> row(c.id(), c.name(), c.uHeight()));
                };
        return all.sorted(Comparator.comparing(Row::id)).toList();
    }

    /** A device of the template chosen, whose nodes' states the front slots show. */
    public Optional<Device> example() {
        String id = selectedProperty().get();
        return kind != Kind.DEVICE || id == null
                ? Optional.empty()
                : shown.topology().devices().stream()
                        .filter(d -> id.equals(d.templateId()))
                        .findFirst();
    }

    /** Counts the snapshots of states: the slots' states are drawn again on each. */
    public javafx.beans.property.ReadOnlyLongProperty statesProperty() {
        return states.getReadOnlyProperty();
    }

    /** The state of the example device's node in front slot {@code slot}, as last known. */
    public Optional<Severity> slotState(int slot) {
        return example()
                .flatMap(
                        d ->
                                d.instances().size() == 1
                                        ? Optional.of(d.instances().get(0))
                                        : d.instances().stream()
                                                .filter(i -> i.slot() == slot)
                                                .findFirst())
                .map(i -> health.current().node(i.instanceId()));
    }

    /**
     * The device template as edited so far, to draw: its height, name, slot matrices and rear
     * components (a height not yet a number counts as 1).
     */
    public io.rackscope.desktop.topology.DeviceTemplate drawn() {
        int units;
        try {
            units = Math.max(1, Integer.parseInt(values.get("u_height").get().trim()));
        } catch (NumberFormatException e) {
            units = 1;
        }
        String id = java.util.Objects.requireNonNullElse(selectedProperty().get(), "");
        return new io.rackscope.desktop.topology.DeviceTemplate(
                id,
                values.get("name").get().isBlank() ? id : values.get("name").get(),
                values.get("type").get(),
                null,
                Math.min(units, 16),
                matrices.get("layout").get(),
                rear.stream()
                        .map(
                                r ->
                                        new io.rackscope.desktop.topology.DeviceTemplate
                                                .RearComponent(
                                                r.id.get(),
                                                r.name.get().isBlank() ? r.id.get() : r.name.get(),
                                                r.type.get().isBlank() ? "other" : r.type.get(),
                                                List.of()))
                        .toList(),
                List.of(),
                List.of(),
                matrices.get("disk_layout").get(),
                matrices.get("rear_layout").get(),
                Map.of(),
                Double.NaN);
    }

    private Row row(String id, String name, int uHeight) {
        return new Row(id, name, uHeight, TemplateEdits.usedBy(shown, kind, id));
    }

    public List<Setting> fields() {
        return TemplateText.fields(kind);
    }

    public StringProperty value(String path) {
        return values.get(path);
    }

    /** The slot matrix of {@code layout} as the text has it (empty: no such layout). */
    public ReadOnlyObjectProperty<int[][]> matrixProperty(String layout) {
        return matrices.get(layout);
    }

    @Override
    void read(String text) {
        Map<String, String> v = TemplateText.values(kind, text);
        filling = true;
        try {
            values.forEach((k, p) -> p.set(v.getOrDefault(k, "")));
            if (kind == Kind.DEVICE) {
                matrices.forEach((k, p) -> p.set(TemplateText.matrix(text, k)));
                List<TemplateText.Rear> now = TemplateText.rear(text);
                if (!now.equals(rear.stream().map(RearRow::rear).toList())) {
                    rear.setAll(now.stream().map(this::row).toList());
                }
                List<ThresholdsText.Threshold> limits = ThresholdsText.read(text);
                if (!limits.equals(thresholds.stream().map(ThresholdRow::threshold).toList())) {
                    thresholds.setAll(limits.stream().map(this::thresholdRow).toList());
                }
            }
            if (kind == Kind.RACK) {
                List<RackPartsText.Part> now = RackPartsText.parts(text);
                if (!now.equals(parts.stream().map(r -> r.read).toList())) {
                    parts.setAll(now.stream().map(this::partRow).toList());
                }
            }
        } finally {
            filling = false;
        }
    }

    @Override
    boolean exists(RackscopeConfig config, String id) {
        return switch (kind) {
            case DEVICE -> config.templates().device(id).isPresent();
            case RACK -> config.templates().rack(id).isPresent();
            case COMPONENT -> config.templates().component(id).isPresent();
        };
    }

    @Override
    String fresh(String id) {
        throw new EditRefused("a new template is made on a free U of a rack");
    }

    /** The device template's rear components as edited (rows added, changed, removed here). */
    public javafx.collections.ObservableList<RearRow> rear() {
        return rear;
    }

    public void addRear() {
        RearRow r = row(new TemplateText.Rear("", "", "", "", ""));
        rear.add(r);
    }

    public void removeRear(RearRow r) {
        rear.remove(r);
        rearChanged();
    }

    /** The device template's display thresholds by check or metric id. */
    public javafx.collections.ObservableList<ThresholdRow> thresholds() {
        return thresholds;
    }

    public void addThreshold() {
        thresholds.add(thresholdRow(new ThresholdsText.Threshold("", "", "")));
    }

    public void removeThreshold(ThresholdRow r) {
        thresholds.remove(r);
        thresholdsChanged();
    }

    private ThresholdRow thresholdRow(ThresholdsText.Threshold t) {
        ThresholdRow row = new ThresholdRow();
        row.id.set(t.id());
        row.warn.set(t.warn());
        row.crit.set(t.crit());
        List.of(row.id, row.warn, row.crit)
                .forEach(p -> p.addListener((o, a, b) -> thresholdsChanged()));
        return row;
    }

    private void thresholdsChanged() {
        if (filling) {
            return;
        }
        edited(
                () ->
                        ThresholdsText.with(
                                yamlProperty().get(),
                                thresholds.stream().map(ThresholdRow::threshold).toList()));
    }

    /** The rack template's components (PDUs, fans…), each a row of its keys. */
    public javafx.collections.ObservableList<PartRow> parts() {
        return parts;
    }

    /** A new component, at the end of {@code infrastructure.rack_components} once it has an id. */
    public void addPart() {
        parts.add(
                partRow(
                        new RackPartsText.Part(
                                RackPartsText.LISTS.get(0), -1, Map.of("location", "u-mount"))));
    }

    public void removePart(PartRow r) {
        if (r.fresh()) {
            parts.remove(r);
        } else {
            edited(() -> RackPartsText.without(yamlProperty().get(), r.read));
        }
    }

    private PartRow partRow(RackPartsText.Part p) {
        PartRow row = new PartRow(p);
        row.values.values().forEach(v -> v.addListener((o, a, b) -> partChanged(row)));
        return row;
    }

    private void partChanged(PartRow row) {
        if (filling) {
            return;
        }
        if (!row.fresh()) {
            String before = yamlProperty().get();
            edited(() -> RackPartsText.with(before, row.part()));
            if (before.equals(yamlProperty().get())) {
                // refused: the row shows what is written again
                filling = true;
                try {
                    RackPartsText.KEYS.forEach(k -> row.value(k).set(row.read.value(k)));
                } finally {
                    filling = false;
                }
            }
        } else if (!row.value("id").get().isBlank()) {
            edited(() -> RackPartsText.withNew(yamlProperty().get(), row.part()));
        }
    }

    private RearRow row(TemplateText.Rear r) {
        RearRow row = new RearRow();
        row.id.set(r.id());
        row.name.set(r.name());
        row.type.set(r.type());
        row.role.set(r.role());
        row.checks.set(r.checks());
        row.all().forEach(p -> p.addListener((o, a, b) -> rearChanged()));
        return row;
    }

    private void rearChanged() {
        if (filling) {
            return;
        }
        edited(
                () ->
                        TemplateText.withRear(
                                yamlProperty().get(), rear.stream().map(RearRow::rear).toList()));
    }

    private void formChanged(String path, String value) {
        if (filling) {
            return;
        }
        edited(() -> TemplateText.withValues(kind, yamlProperty().get(), Map.of(path, value)));
    }

    /** The slots at two places of {@code layout}'s grid swapped (their node numbers). */
    public void swap(String layout, int row1, int col1, int row2, int col2) {
        int[][] m = copy(matrices.get(layout).get());
        int a = m[row1][col1];
        m[row1][col1] = m[row2][col2];
        m[row2][col2] = a;
        write(layout, m);
    }

    /** {@code layout} as {@code rows} by {@code cols} slots numbered in reading order. */
    public void resize(String layout, int rows, int cols) {
        write(layout, TemplateText.numbered(Math.max(1, rows), Math.max(1, cols)));
    }

    private void write(String layout, int[][] m) {
        edited(() -> TemplateText.withMatrix(yamlProperty().get(), layout, m));
    }

    private void edited(java.util.function.Supplier<String> change) {
        try {
            yamlProperty().set(change.get());
        } catch (EditRefused e) {
            problem(e.getMessage());
        }
    }

    private static int[][] copy(int[][] m) {
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
