package io.rackscope.desktop.ui.settings;

import io.rackscope.desktop.edit.SettingsCatalog;
import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.edit.SettingsEdits;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.EstateEditor;
import io.rackscope.desktop.ui.SettingsTester;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings of app.yaml as a form: each setting's value as written (a secret only as "set"),
 * changed ones applied as one edit (shown at once: the window opens again on them), and the
 * Prometheus and Alertmanager the form names tried before anything is written.
 */
public final class SettingsViewModel {
    private final EstateEditing editing;
    private final EstateEditor editor;
    private final SettingsTester tester;
    private final Executor fx;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Set<String> cleared = new LinkedHashSet<>();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Map<String, ReadOnlyStringWrapper> tests = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private SettingsEdits.Values written = new SettingsEdits.Values(Map.of(), Set.of());

    public SettingsViewModel(
            EstateEditing editing, ViewOptions options, SettingsTester tester, Executor fx) {
        this.editing = editing;
        this.editor = new EstateEditor(editing, options);
        this.tester = tester;
        this.fx = fx;
        for (Setting s : SettingsCatalog.all()) {
            StringProperty p = new SimpleStringProperty(this, s.path(), "");
            p.addListener((o, a, b) -> changed.set(!changes().isEmpty()));
            values.put(s.path(), p);
        }
        tests.put(SettingsCatalog.TELEMETRY, new ReadOnlyStringWrapper(this, "telemetryTest", ""));
        tests.put(
                SettingsCatalog.ALERTMANAGER,
                new ReadOnlyStringWrapper(this, "alertmanagerTest", ""));
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    public List<String> groups() {
        return SettingsCatalog.groups();
    }

    public List<Setting> settings(String group) {
        return SettingsCatalog.all().stream().filter(s -> s.group().equals(group)).toList();
    }

    /** The value in the form (a secret: what is typed to replace it; empty keeps it). */
    public StringProperty value(String path) {
        return values.get(path);
    }

    /** Whether the secret at {@code path} is written (its value is never shown). */
    public boolean secretSet(String path) {
        return written.secretsSet().contains(path) && !cleared.contains(path);
    }

    /** The secret at {@code path} taken out when applied. */
    public void clearSecret(String path) {
        cleared.add(path);
        values.get(path).set("");
        changed.set(!changes().isEmpty());
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** The settings were read (the form shows the files, not empty fields). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last test of the group's server found ({@link SettingsCatalog#TELEMETRY} …). */
    public ReadOnlyStringProperty testProperty(String group) {
        return tests.get(group).getReadOnlyProperty();
    }

    public boolean testable(String group) {
        return tests.containsKey(group);
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The settings as the files (with the unsaved edits) hold them, into the form. */
    public void load() {
        editing.read(e -> e.settings().values())
                .whenComplete(
                        (v, err) ->
                                fx.execute(
                                        () -> {
                                            if (err != null) {
                                                problem.set(
                                                        "The settings cannot be read here: "
                                                                + cause(err).getMessage());
                                                return;
                                            }
                                            written = v;
                                            cleared.clear();
                                            values.forEach((k, p) -> p.set(v.get(k)));
                                            changed.set(false);
                                            loaded.set(true);
                                        }));
    }

    /** The settings the form changes: path to value, empty to take one out. */
    public Map<String, String> changes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : SettingsCatalog.all()) {
            String v = values.get(s.path()).get().strip();
            if (s.type() == SettingsCatalog.Type.SECRET) {
                if (!v.isEmpty()) {
                    out.put(s.path(), v);
                } else if (cleared.contains(s.path())) {
                    out.put(s.path(), "");
                }
            } else if (!v.equals(written.get(s.path()))) {
                out.put(s.path(), v);
            }
        }
        return out;
    }

    /** The changed settings written as one edit (the window opens again on them). */
    public void apply() {
        Map<String, String> c = changes();
        if (c.isEmpty()) {
            return;
        }
        editor.edit("Change " + String.join(", ", c.keySet()), e -> e.settings().set(c))
                .whenComplete((s, err) -> fx.execute(this::load));
    }

    public void revert() {
        cleared.clear();
        values.forEach((k, p) -> p.set(written.get(k)));
    }

    /** Tries the group's server as the form has it, nothing written. */
    public void test(String group) {
        Function<String, CompletableFuture<SettingsTester.Result>> run =
                group.equals(SettingsCatalog.ALERTMANAGER)
                        ? tester::alertmanager
                        : tester::prometheus;
        Map<String, String> c = changes();
        ReadOnlyStringWrapper out = tests.get(group);
        testing.set(true);
        out.set("Trying…");
        editing.read(e -> e.settings().preview(c))
                .thenCompose(run)
                .whenComplete(
                        (r, err) ->
                                fx.execute(
                                        () -> {
                                            testing.set(false);
                                            out.set(
                                                    err != null
                                                            ? "Not tried: "
                                                                    + cause(err).getMessage()
                                                            : (r.ok()
                                                                            ? "Connected. "
                                                                            : "Not connected. ")
                                                                    + String.join("\n", r.lines()));
                                        }));
    }

    private static Throwable cause(Throwable t) {
        return t.getCause() != null ? t.getCause() : t;
    }
}
