package io.rackscope.desktop.ui.timeline;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The time control bar: step back, a slider over the history kept, step forward, the moment (type
 * one and press Enter), playback speeds, Stop and Live. Its own timeline drives playback frames.
 */
public final class TimeControlView {
    private final TimeControlViewModel model;
    private final HBox bar = new HBox(8);
    private final Timeline frames;
    private boolean updating;

    public TimeControlView(TimeControlViewModel model) {
        this.model = model;
        bar.setId("time-control");
        bar.getStyleClass().add("time-control");
        bar.setAlignment(Pos.CENTER_LEFT);
        Button back = button("time-back", "◀", "One cycle earlier");
        back.setOnAction(e -> model.stepBack());
        Button forward = button("time-forward", "▶", "One cycle later");
        forward.setOnAction(e -> model.stepForward());
        Slider slider = new Slider();
        slider.setId("time-slider");
        slider.setFocusTraversable(false);
        Runnable follow =
                () -> {
                    // moving the range clamps the value: that is not the operator sliding
                    updating = true;
                    slider.setMin(model.earliestProperty().get());
                    slider.setMax(model.latestProperty().get());
                    slider.setValue(model.positionProperty().get());
                    updating = false;
                };
        follow.run();
        model.earliestProperty().addListener(o -> follow.run());
        model.latestProperty().addListener(o -> follow.run());
        model.positionProperty().addListener(o -> follow.run());
        slider.valueProperty()
                .addListener(
                        (o, a, v) -> {
                            if (!updating) {
                                model.slide(v.doubleValue());
                            }
                        });
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        TextField moment = new TextField();
        moment.setId("time-moment");
        moment.setPrefColumnCount(14);
        moment.setPromptText("02:13, -2h, 2026-12-01 02:13");
        moment.setText(model.momentProperty().get());
        model.momentProperty()
                .addListener(
                        (o, a, t) -> {
                            if (!moment.isFocused()) {
                                moment.setText(t);
                            }
                        });
        moment.focusedProperty()
                .addListener(
                        (o, a, f) -> {
                            if (!f) {
                                moment.setText(model.momentProperty().get());
                            }
                        });
        moment.setOnAction(
                e -> {
                    if (model.type(moment.getText())) {
                        bar.requestFocus();
                    }
                });
        Label state = new Label();
        state.setId("time-state");
        state.getStyleClass().add("faint");
        state.textProperty().bind(model.stateProperty());
        // room for "playing 600x · evaluating…" so the buttons do not move while playing
        state.setMinWidth(150);
        Label problem = new Label();
        problem.setId("time-problem");
        problem.getStyleClass().add("time-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox speeds = new HBox(2);
        for (int times : TimeControlViewModel.SPEEDS) {
            Button b = button("time-play-" + times, times + "x", "Play forward at " + times + "x");
            b.setOnAction(e -> model.play(times));
            b.getStyleClass().add("time-speed");
            model.speedProperty()
                    .addListener(
                            (o, a, s) -> {
                                b.getStyleClass().remove("active");
                                if (s.intValue() == times) {
                                    b.getStyleClass().add("active");
                                }
                            });
            speeds.getChildren().add(b);
        }
        Button stop = button("time-stop", "Stop", "Stop playback and return to where it started");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.speedProperty().isEqualTo(0));
        Button live = button("time-live", "Live", "Back to the present");
        live.setOnAction(e -> model.goLive());
        live.disableProperty().bind(model.liveProperty());
        live.getStyleClass().add("time-live");
        Label caption = new Label("History");
        caption.getStyleClass().add("faint");
        bar.getChildren()
                .addAll(caption, back, slider, forward, moment, state, problem, speeds, stop, live);
        model.liveProperty()
                .addListener(
                        (o, a, l) -> {
                            bar.getStyleClass().remove("past");
                            if (!l) {
                                bar.getStyleClass().add("past");
                            }
                        });
        frames = new Timeline(new KeyFrame(Duration.millis(500), e -> model.tick()));
        frames.setCycleCount(Timeline.INDEFINITE);
        frames.play();
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    public Node node() {
        return bar;
    }

    public void dispose() {
        frames.stop();
        model.dispose();
    }
}
