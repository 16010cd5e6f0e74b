package io.rackscope.desktop.ui;

import io.rackscope.desktop.arch.Port;
import io.rackscope.desktop.health.HealthSnapshot;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * How the user has chosen to see the estate, shared by every view: the theme, whether nodes are
 * coloured by their Slurm state instead of their health, the Slurm job to highlight, a tried check
 * shown in preview, and whether the views are in Edit mode.
 */
@Port
public final class ViewOptions {
    private final ObjectProperty<Theme> theme =
            new SimpleObjectProperty<>(this, "theme", Theme.DARK);
    private final BooleanProperty colourBySlurm = new SimpleBooleanProperty(this, "colourBySlurm");
    private final ObjectProperty<ColourScheme> colours =
            new javafx.beans.property.SimpleObjectProperty<>(
                    this, "colours", ColourScheme.STANDARD);
    private final javafx.beans.binding.ObjectBinding<Theme> appearance =
            javafx.beans.binding.Bindings.createObjectBinding(theme::get, theme, colours);
    private final ObjectProperty<String> selectedJob =
            new SimpleObjectProperty<>(this, "selectedJob");
    private final ObjectProperty<CheckPreview> preview =
            new SimpleObjectProperty<>(this, "preview");
    private final BooleanProperty muted = new SimpleBooleanProperty(this, "muted");
    private final ObjectProperty<java.util.Set<String>> fits =
            new SimpleObjectProperty<>(this, "fits", java.util.Set.of());
    private final DoubleProperty volume = new SimpleDoubleProperty(this, "volume", 0.6);
    private final StringProperty alertFilter = new SimpleStringProperty(this, "alertFilter", "");
    private final DoubleProperty panelWidth = new SimpleDoubleProperty(this, "panelWidth", 360);
    private final BooleanProperty editing = new SimpleBooleanProperty(this, "editing");
    private final ObjectProperty<List<io.rackscope.desktop.topology.Device>> copiedDevices =
            new SimpleObjectProperty<>(this, "copiedDevices", List.of());
    private final StringProperty operator =
            new SimpleStringProperty(this, "operator", System.getProperty("user.name", "operator"));

    /**
     * Takes the choices of {@code earlier} (the window opened again on an edited estate): all but a
     * tried check's preview, which belonged to the earlier estate.
     */
    public void takeFrom(ViewOptions earlier) {
        theme.set(earlier.theme.get());
        colourBySlurm.set(earlier.colourBySlurm.get());
        selectedJob.set(earlier.selectedJob.get());
        muted.set(earlier.muted.get());
        volume.set(earlier.volume.get());
        alertFilter.set(earlier.alertFilter.get());
        panelWidth.set(earlier.panelWidth.get());
        editing.set(earlier.editing.get());
        copiedDevices.set(earlier.copiedDevices.get());
        operator.set(earlier.operator.get());
    }

    /** Edit mode: the views offer to change the estate (never in kiosk mode). */
    public BooleanProperty editingProperty() {
        return editing;
    }

    /** In Edit mode, the devices copied to be pasted at a free U of any rack (none: empty). */
    public ObjectProperty<List<io.rackscope.desktop.topology.Device>> copiedDevicesProperty() {
        return copiedDevices;
    }

    /** Alert sounds muted. */
    public BooleanProperty mutedProperty() {
        return muted;
    }

    /** Alert sound volume, 0..1. */
    public DoubleProperty volumeProperty() {
        return volume;
    }

    /** The alert panel's filter text. */
    public StringProperty alertFilterProperty() {
        return alertFilter;
    }

    /** The alert panel's width in pixels. */
    public DoubleProperty panelWidthProperty() {
        return panelWidth;
    }

    /** Who acknowledges and puts under maintenance: the OS user until changed, for the session. */
    public StringProperty operatorProperty() {
        return operator;
    }

    /** A tried check painted over the floor instead of health; null for none. */
    public ObjectProperty<CheckPreview> previewProperty() {
        return preview;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Which severity colours the theme shows (never null). */
    public ObjectProperty<ColourScheme> coloursProperty() {
        return colours;
    }

    /**
     * The theme, invalidated when the palette changes too: what a drawn view redraws on (made valid
     * again at once, so that each change is heard).
     */
    public javafx.beans.value.ObservableValue<Theme> appearance() {
        return appearance;
    }

    {
        appearance.addListener((javafx.beans.InvalidationListener) o -> appearance.get());
    }

    /** Styles {@code scene} with the theme and palette chosen, now and whenever they change. */
    public void style(javafx.scene.Scene scene) {
        Runnable look = () -> theme.get().applyTo(scene, colours.get());
        look.run();
        appearance.addListener(o -> look.run());
    }

    public Palette palette() {
        return Palette.of(theme.get(), colours.get());
    }

    /** Room, rack and wallboard views colour nodes by their Slurm state instead of their health. */
    public BooleanProperty colourBySlurmProperty() {
        return colourBySlurm;
    }

    /** The Slurm job whose nodes the floor, rack and wallboard views highlight; null for none. */
    /**
     * The racks (by key) where the capacity table's "where does it fit?" found room: outlined on
     * the floor; empty when nothing is asked.
     */
    public ObjectProperty<java.util.Set<String>> fitsProperty() {
        return fits;
    }

    public ObjectProperty<String> selectedJobProperty() {
        return selectedJob;
    }

    /** The instances of the selected job in {@code s} (empty when none is selected). */
    public Set<String> selectedJobNodes(HealthSnapshot s) {
        String job = selectedJob.get();
        List<String> nodes = job == null ? null : s.slurm().jobs().get(job);
        return nodes == null ? Set.of() : Set.copyOf(nodes);
    }
}
