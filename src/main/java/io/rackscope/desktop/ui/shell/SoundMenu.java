package io.rackscope.desktop.ui.shell;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.ui.alerts.AlertSound;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** The toolbar's sound menu, bound to the shell's muted and volume settings. */
final class SoundMenu {
    private SoundMenu() {}

    /** The sound menu: mute, volume, when to sound, and test tones; {@code sound} may be null. */
    static MenuButton of(AlertSound sound, ShellViewModel shell, BooleanSupplier focused) {
        // "Sound on" only where a sound can be heard
        String on = sound != null && AlertSound.deviceAvailable() ? "Sound on" : "No sound device";
        MenuButton menu = new MenuButton(on);
        menu.setId("sound");
        menu.getStyleClass().add("nav-button");
        CheckMenuItem mute = new CheckMenuItem("Mute alert sounds");
        mute.setId("mute");
        mute.selectedProperty()
                .addListener(
                        (o, a, m) -> {
                            menu.setText(m ? "Muted" : on);
                            if (sound != null) {
                                sound.setMuted(m);
                            }
                        });
        Slider volume = new Slider(0, 1, 0.6);
        volume.setId("volume");
        volume.valueProperty()
                .addListener(
                        (o, a, v) -> {
                            if (sound != null) {
                                sound.setVolume(v.doubleValue());
                            }
                        });
        mute.selectedProperty().bindBidirectional(shell.mutedProperty());
        volume.valueProperty().bindBidirectional(shell.volumeProperty());
        if (mute.isSelected()) {
            menu.setText("Muted");
            if (sound != null) {
                sound.setMuted(true);
            }
        }
        if (sound != null) {
            sound.setVolume(volume.getValue());
        }
        CustomMenuItem volumeItem =
                new CustomMenuItem(new HBox(8, new Label("Volume"), volume), false);
        MenuItem testCrit = new MenuItem("Play the CRIT tone");
        testCrit.setOnAction(
                e -> {
                    if (sound != null) {
                        sound.play(Severity.CRIT);
                    }
                });
        MenuItem testWarn = new MenuItem("Play the WARN tone");
        testWarn.setOnAction(
                e -> {
                    if (sound != null) {
                        sound.play(Severity.WARN);
                    }
                });
        ToggleGroup whenGroup = new ToggleGroup();
        menu.getItems().addAll(mute, volumeItem, new SeparatorMenuItem());
        for (AlertSound.When w : AlertSound.When.values()) {
            RadioMenuItem item =
                    new RadioMenuItem(
                            switch (w) {
                                case ALWAYS -> "Always";
                                case ONLY_WHEN_HIDDEN ->
                                        "Only when the window is in the background";
                                case ONLY_WHEN_VISIBLE -> "Only when the window is in front";
                            });
            item.setToggleGroup(whenGroup);
            item.setSelected(w == AlertSound.When.ALWAYS);
            item.setOnAction(
                    e -> {
                        if (sound != null) {
                            sound.setWhen(w, focused);
                        }
                    });
            menu.getItems().add(item);
        }
        menu.getItems().addAll(new SeparatorMenuItem(), testCrit, testWarn);
        return menu;
    }
}
