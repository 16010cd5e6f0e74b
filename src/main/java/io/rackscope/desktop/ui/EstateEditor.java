package io.rackscope.desktop.ui;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.EstateEdits;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * What a feature's view model needs to edit the estate where it is shown: whether Edit mode is on,
 * the templates to choose from, a suggested next id, and the edit itself (one step of the window's
 * edit session; its outcome shows in the edit bar).
 */
public final class EstateEditor {
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

    private final EstateEditing editing;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(this, "on");

    public EstateEditor(EstateEditing editing, ViewOptions options) {
        this.editing = editing;
        boolean available = editing.unavailable().isEmpty();
        on.bind(options.editingProperty().and(new ReadOnlyBooleanWrapper(available)));
    }

    /** Edit mode is on (and the estate can be edited here). */
    public ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    public boolean on() {
        return on.get();
    }

    /** {@code change} as one step, described as {@code what}; its outcome when it ran. */
    public java.util.concurrent.CompletableFuture<EstateEditing.State> edit(
            String what, Consumer<EstateEdits> change) {
        return on()
                ? editing.edit(what, change)
                : java.util.concurrent.CompletableFuture.failedFuture(
                        new IllegalStateException("Edit mode is off"));
    }

    /** The estate as the unsaved edits left it. */
    public RackscopeConfig estate() {
        return editing.estate();
    }

    public List<String> rackTemplates() {
        return estate().templates().racks().keySet().stream().sorted().toList();
    }

    public List<String> deviceTemplates() {
        return estate().templates().devices().keySet().stream().sorted().toList();
    }

    /**
     * The id after the last of {@code taken} that ends in a number ({@code r07} -> {@code r08}, the
     * width kept) not yet taken, else {@code prefix-first}.
     */
    public static String nextId(Collection<String> taken, String prefix, String first) {
        String fallback = prefix + "-" + first;
        String last = null;
        for (String id : taken) {
            if (NUMBERED.matcher(id).matches()) {
                last = id;
            }
        }
        if (last == null) {
            return fallback;
        }
        Matcher m = NUMBERED.matcher(last);
        m.matches();
        String digits = m.group(2);
        long n = Long.parseLong(digits);
        String next;
        do {
            n++;
            next = m.group(1) + String.format("%0" + digits.length() + "d", n);
        } while (taken.contains(next));
        return next;
    }
}
