package io.rackscope.desktop.ui.library;

import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.Diagnostics;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EditRefused;
import io.rackscope.desktop.edit.EstateEdits;
import io.rackscope.desktop.edit.LibraryEdits;
import io.rackscope.desktop.edit.MetricText;
import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.metrics.MetricDefinition;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.ui.ChartSource;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.ViewOptions;
import io.rackscope.desktop.ui.device.MetricChartViewModel;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The metrics of the library, each with the templates that list it, and one metric edited: its YAML
 * as written and a form of its keys and of every key of its display block, kept in step; its chart
 * previewed from the real Prometheus for an entity chosen, as the text stands (applied or not).
 */
public final class MetricEditorViewModel extends LibraryItemViewModel {
    /** One metric of the library. */
    public record Row(String id, String name, String unit, String category, List<String> usedBy) {
        public String uses() {
            return usedBy.isEmpty() ? "not listed" : Integer.toString(usedBy.size());
        }
    }

    /** The library's tab of metrics, in its place's id ({@code library:metrics:ID}). */
    public static final String TAB = "metrics";

    private final RackscopeConfig shown;
    private final ChartSource charts;
    private final ViewOptions options;
    private final Clock clock;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final StringProperty entity = new SimpleStringProperty(this, "entity", "");
    private final ReadOnlyObjectWrapper<MetricChartViewModel> preview =
            new ReadOnlyObjectWrapper<>(this, "preview");

    /** The form is being filled from the text: its changes are not sent back. */
    private boolean filling;

    public MetricEditorViewModel(
            EstateEditing editing,
            ViewOptions options,
            Navigator navigation,
            RackscopeConfig shown,
            ChartSource charts,
            Clock clock,
            Executor fx) {
        super(editing, options, navigation, EstateEdits::metrics, "metric", TAB, fx);
        this.shown = shown;
        this.charts = charts;
        this.options = options;
        this.clock = clock;
        for (Setting s : MetricText.fields()) {
            StringProperty p = new SimpleStringProperty(this, s.path(), "");
            p.addListener((o, a, b) -> formChanged(s.path(), b));
            values.put(s.path(), p);
        }
    }

    /** The metrics, by id. */
    public List<Row> rows() {
        return shown.metrics().values().stream()
                .map(
                        m ->
                                new Row(
                                        m.id(),
                                        m.name(),
                                        m.display().unit() == null ? "" : m.display().unit(),
                                        m.category() == null ? "" : m.category(),
                                        LibraryEdits.usedBy(
                                                shown, LibraryEdits.Library.METRIC, m.id())))
                .sorted(Comparator.comparing(Row::id))
                .toList();
    }

    public List<Setting> fields(String group) {
        return MetricText.fields().stream().filter(s -> s.group().equals(group)).toList();
    }

    public StringProperty value(String path) {
        return values.get(path);
    }

    @Override
    void read(String text) {
        Map<String, String> v = MetricText.values(text);
        filling = true;
        try {
            values.forEach((k, p) -> p.set(v.getOrDefault(k, "")));
        } finally {
            filling = false;
        }
    }

    @Override
    boolean exists(RackscopeConfig config, String id) {
        return config.metrics().containsKey(id);
    }

    @Override
    String fresh(String id) {
        return MetricText.fresh(id);
    }

    private void formChanged(String path, String value) {
        if (filling) {
            return;
        }
        try {
            yamlProperty().set(MetricText.withValues(yamlProperty().get(), Map.of(path, value)));
        } catch (EditRefused e) {
            problem(e.getMessage());
        }
    }

    /** The entity the preview charts (a node instance, or a rack for a rack metric). */
    public StringProperty entityProperty() {
        return entity;
    }

    /** Entities to choose from: the racks for a query of {@code rack_id}, else the nodes. */
    public List<String> entities() {
        String query = values.get("metric").get();
        if (query.contains("rack_id")) {
            return shown.topology().racks().stream().map(Rack::id).sorted().toList();
        }
        return shown.topology().instances().stream()
                .map(InstancePath::instanceId)
                .distinct()
                .sorted()
                .limit(5000)
                .toList();
    }

    /** The chart of the text as it stands, for the entity chosen (null before a preview). */
    public ReadOnlyObjectProperty<MetricChartViewModel> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Draws the text's chart from the real Prometheus for the entity chosen. */
    public void preview() {
        String text = yamlProperty().get();
        String who =
                entity.get().isBlank() ? entities().stream().findFirst().orElse("") : entity.get();
        entity.set(who);
        CompletableFuture.supplyAsync(
                        () -> {
                            Diagnostics d = new Diagnostics();
                            Map<String, MetricDefinition> read =
                                    new ConfigLoader().metricsOf(text, d);
                            if (read.isEmpty()) {
                                throw new EditRefused(
                                        d.errors().isEmpty()
                                                ? "the text defines no metric"
                                                : d.errors().get(0).message());
                            }
                            return read.values().iterator().next();
                        })
                .whenComplete(
                        (def, err) ->
                                fx.execute(
                                        () -> {
                                            if (err != null) {
                                                problem("No preview: " + cause(err).getMessage());
                                                return;
                                            }
                                            preview.set(
                                                    new MetricChartViewModel(
                                                            def, who, charts, options, clock));
                                        }));
    }
}
