package io.rackscope.desktop.ui.timeline;

import io.rackscope.desktop.ui.JournalMarks;
import io.rackscope.desktop.ui.Severities;
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
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
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
        slider.setMaxWidth(Double.MAX_VALUE);
        Pane ticks = new Pane();
        ticks.setId("time-ticks");
        ticks.setMouseTransparent(false);
        ticks.setPickOnBounds(false);
        Runnable drawTicks = () -> drawTicks(ticks);
        ticks.widthProperty().addListener(o -> drawTicks.run());
        model.marksProperty().addListener(o -> drawTicks.run());
        model.earliestProperty().addListener(o -> drawTicks.run());
        StackPane track = new StackPane(slider, ticks);
        track.setMaxWidth(Double.MAX_VALUE);
        track.setMinWidth(200);
        StackPane.setAlignment(ticks, Pos.TOP_LEFT);
        ticks.setMaxHeight(8);
        ticks.setMinHeight(8);
        ticks.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(track, Priority.ALWAYS);
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
        caption.setMinWidth(Region.USE_PREF_SIZE);
        caption.getStyleClass().add("faint");
        bar.getChildren()
                .addAll(caption, back, track, forward, moment, state, problem, speeds, stop, live);
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

    /** The journal's changes as ticks over the slider, coloured by severity; a click goes there. */
    private void drawTicks(Pane ticks) {
        double from = model.earliestProperty().get();
        double span = model.latestProperty().get() - from;
        double width = ticks.getWidth();
        ticks.getChildren().clear();
        if (span <= 0 || width <= 0) {
            return;
        }
        double lastX = Double.NEGATIVE_INFINITY;
        for (JournalMarks.Mark m : model.marksProperty().get()) {
            double x = (m.at().getEpochSecond() - from) / span * width;
            if (x < 0 || x > width || x - lastX < 3) {
                continue;
            }
            lastX = x;
            Region tick = Severities.styled(new Region(), m.severity(), "sev-fill", "time-tick");
            tick.setLayoutX(x - 1.5);
            tick.setLayoutY(0);
            tick.resize(3, 8);
            Tooltip.install(tick, new Tooltip(m.text()));
            tick.setOnMouseClicked(e -> model.jumpTo(m));
            ticks.getChildren().add(tick);
        }
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
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
