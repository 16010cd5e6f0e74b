package io.rackscope.desktop.ui.shell;

import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.PlaceView;
import io.rackscope.desktop.ui.Severities;
import io.rackscope.desktop.ui.alerts.AlertSound;
import io.rackscope.desktop.ui.alerts.AlertsView;
import io.rackscope.desktop.ui.alerts.AlertsViewModel;
import io.rackscope.desktop.ui.edit.EditBar;
import io.rackscope.desktop.ui.edit.EditViewModel;
import io.rackscope.desktop.ui.search.SearchIndex;
import io.rackscope.desktop.ui.timeline.TimeControlView;
import io.rackscope.desktop.ui.timeline.TimeControlViewModel;
import io.rackscope.desktop.ui.trial.CheckTrialView;
import io.rackscope.desktop.ui.trial.CheckTrialViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window's content: navigation bar with breadcrumb, back/forward and search (Ctrl+K); the
 * current view; the alert panel; a banner for problems; the status bar with a legend that is always
 * visible.
 */
public final class MainView {
    private static final Logger LOG = Logger.getLogger(MainView.class.getName());
    private final ShellViewModel shell;
    private final Function<Place, PlaceView> views;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Breadcrumb crumbs = new Breadcrumb();
    private final TextField search = new TextField();
    private final ContextMenu results = new ContextMenu();
    private final AlertsViewModel alerts;
    private final StatusViewModel status;
    private final AlertSound sound;
    private boolean panelWanted = true;
    private List<SearchIndex.Entry> shownResults = List.of();
    private boolean kioskHidesPanel;
    private final List<Consumer<List<Incident>>> newIncidentListeners = new ArrayList<>();
    private final VBox top;
    private EditViewModel edit;
    private HBox toolbar;
    private final Timeline clock;
    private Toasts toasts;

    /** Whether this window shows the toasts (on a wall: one screen of several does). */
    private boolean toastsHere = true;

    /** Another screen of a wall shows them: this one does not. */
    public void leaveToastsToAnotherScreen() {
        toastsHere = false;
    }

    private final MissedWhileAway missedWhileAway;
    private PlaceView current;
    private final TimeControlView timeControl;

    /**
     * {@code views} makes the view of a place; {@code alerts} is the panel's model, the one that
     * announces new alerts.
     */
    public MainView(
            ShellViewModel shell,
            StatusViewModel status,
            AlertsViewModel alerts,
            Function<Place, PlaceView> views,
            AlertSound sound,
            TimeControlViewModel time) {
        this.shell = shell;
        this.views = views;
        this.sound = sound;
        this.alerts = alerts;
        this.status = status;
        this.missedWhileAway = new MissedWhileAway(shell::checkName);
        this.clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        root.setId("main");
        Label banner = new Label();
        banner.setId("banner");
        banner.setWrapText(true);
        banner.textProperty().bind(status.bannerProperty());
        HBox bannerBox = new HBox(banner);
        bannerBox.getStyleClass().add("banner");
        bannerBox.visibleProperty().bind(status.bannerProperty().isNotEmpty());
        bannerBox.managedProperty().bind(bannerBox.visibleProperty());
        Consumer<Severity> bannerStyle =
                h -> {
                    bannerBox.getStyleClass().removeAll("error", "past");
                    if (status.pastProperty().get()) {
                        bannerBox.getStyleClass().add("past");
                    } else if (h == Severity.CRIT) {
                        bannerBox.getStyleClass().add("error");
                    }
                };
        bannerStyle.accept(status.healthProperty().get());
        status.healthProperty().addListener((o, a, h) -> bannerStyle.accept(h));
        status.pastProperty()
                .addListener((o, a, p) -> bannerStyle.accept(status.healthProperty().get()));
        top = new VBox(toolbar(), bannerBox);
        root.setTop(top);
        content.setId("content");
        root.setCenter(content);
        AlertsView panel = new AlertsView(alerts);
        panel.node().setId("alerts-panel");
        Region panelNode = (Region) panel.node();
        panelNode.prefWidthProperty().bind(shell.panelWidthProperty());
        root.setRight(new HBox(panelGrip(), panelNode));
        timeControl = time == null || !time.available() ? null : new TimeControlView(time);
        root.setBottom(
                timeControl == null ? statusBar() : new VBox(timeControl.node(), statusBar()));
        alerts.setOnNewIncidents(this::announce);
        shell.setOnForecast(
                lines -> {
                    if (toasts != null && toastsHere) {
                        toasts.forecast(lines);
                    }
                });
        shell.currentProperty()
                .addListener(
                        (o, a, place) -> {
                            if (current == null || !current.shows(place)) {
                                show(place);
                            }
                        });
        show(shell.currentProperty().get());
        root.addEventFilter(
                MouseEvent.MOUSE_PRESSED,
                e -> {
                    if (e.getButton() == MouseButton.BACK) {
                        shell.back();
                        e.consume();
                    } else if (e.getButton() == MouseButton.FORWARD) {
                        shell.forward();
                        e.consume();
                    }
                });
    }

    /** Keyboard shortcuts live on the scene: Alt+Left/Right, Ctrl+K, F5. */
    public void install(Scene scene) {
        accelerator(
                scene, new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), shell::back);
        accelerator(
                scene,
                new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN),
                shell::forward);
        accelerator(
                scene,
                new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    search.requestFocus();
                    search.selectAll();
                });
        accelerator(scene, new KeyCodeCombination(KeyCode.F5), shell::refreshNow);
        accelerator(scene, new KeyCodeCombination(KeyCode.F1), () -> shortcuts(scene));
        if (edit != null) {
            EditViewModel e = edit;
            accelerator(
                    scene,
                    new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                    e::toggle);
            accelerator(
                    scene,
                    new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                    () -> {
                        if (e.editingProperty().get()) {
                            e.undo();
                        }
                    });
            accelerator(
                    scene,
                    new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
                    () -> {
                        if (e.editingProperty().get()) {
                            e.redo();
                        }
                    });
        }
        KeyCode[] digits = {
            KeyCode.DIGIT1,
            KeyCode.DIGIT2,
            KeyCode.DIGIT3,
            KeyCode.DIGIT4,
            KeyCode.DIGIT5,
            KeyCode.DIGIT6,
            KeyCode.DIGIT7
        };
        for (Map.Entry<String, Place> page : pages().entrySet()) {
            String label = page.getKey();
            int digit = label.charAt(label.length() - 2) - '1';
            accelerator(
                    scene,
                    new KeyCodeCombination(digits[digit], KeyCombination.SHORTCUT_DOWN),
                    () -> shell.go(page.getValue()));
        }
        toasts = new Toasts(shell, scene.getWindow());
        installedOn = scene;
        windowChanged =
                (o, a, w) -> {
                    toasts = new Toasts(shell, w);
                    backInFront(w);
                };
        scene.windowProperty().addListener(windowChanged);
        backInFront(scene.getWindow());
    }

    /**
     * The scene outlives this view (the window opens again on each edit): what is put on it is
     * taken off again by {@link #dispose()}, so that nothing of an old window stays reachable.
     */
    private Scene installedOn;

    private final Map<javafx.scene.input.KeyCombination, Runnable> accelerators =
            new java.util.HashMap<>();

    private javafx.beans.value.ChangeListener<javafx.stage.Window> windowChanged;

    private void accelerator(Scene scene, javafx.scene.input.KeyCombination keys, Runnable action) {
        scene.getAccelerators().put(keys, action);
        accelerators.put(keys, action);
    }

    /** Every key the window knows, for F1. */
    static final String SHORTCUTS =
            String.join(
                    "\n",
                    "F1\tthis list",
                    "Ctrl+K\tsearch (Enter goes to the first match)",
                    "Alt+Left / Alt+Right\tback / forward",
                    "F5\trefresh now",
                    "Ctrl+E\tEdit mode on or off; Ctrl+Z / Ctrl+Y undo / redo an edit",
                    "Ctrl+1 .. Ctrl+5\twallboard, alerts table, Slurm, maintenance, templates",
                    "Ctrl+Q\tquit",
                    "Alert panel\tUp/Down to choose, Enter to open, Menu key or Shift+F10 to"
                            + " acknowledge, Ctrl+C to copy the id",
                    "Try a check\tEscape or Ctrl+W to close",
                    "Kiosk\tCtrl+Shift+Q (held) to leave");

    private void shortcuts(Scene scene) {
        javafx.scene.control.Alert a =
                new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.INFORMATION, SHORTCUTS);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.initOwner(scene.getWindow());
        a.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        a.show();
    }

    /** "Frankfurt FRA1 › Hall A - Compute": where {@code place} is, by names, not ids. */
    public String titleOf(Place place) {
        return shell.title(place);
    }

    /** {@code listener} gets every snapshot's incidents (the kiosk ends a hold that cleared). */
    public void addIncidentsListener(Consumer<List<Incident>> listener) {
        alerts.setOnIncidents(listener);
    }

    /** One second passed: the status bar, the alert panel and the view count from one clock. */
    private void tick() {
        status.tick();
        alerts.tick();
        if (current != null) {
            current.tick();
        }
    }

    /** The desk's clock, for the kiosk bar. */
    public javafx.beans.property.ReadOnlyStringProperty clockText() {
        return status.timeProperty();
    }

    /** "3 incidents · 168 nodes · 2 handled": new ones first, then how many are handled. */
    public javafx.beans.property.ReadOnlyStringProperty incidentSummary() {
        return alerts.summaryProperty();
    }

    /**
     * Kiosk mode: {@code bar} replaces the navigation bar; the alert panel can go to leave room for
     * the view.
     */
    public void useKioskBar(Node bar, boolean hideAlerts) {
        top.getChildren().set(0, bar);
        // a wall display shows the present
        if (timeControl != null) {
            timeControl.node().setVisible(false);
            timeControl.node().setManaged(false);
        }
        kioskHidesPanel = hideAlerts;
        updatePanel();
    }

    /**
     * The alert panel shows when it is wanted (the Alerts toggle), not hidden by the kiosk, and not
     * beside the alerts page, which lists the same alerts.
     */
    private void updatePanel() {
        Place at = shell.currentProperty().get();
        boolean on =
                panelWanted && !kioskHidesPanel && (at == null || at.kind() != Place.Kind.ALERTS);
        root.getRight().setVisible(on);
        root.getRight().setManaged(on);
    }

    public void addNewIncidentListener(Consumer<List<Incident>> listener) {
        newIncidentListeners.add(listener);
    }

    private void announce(List<Incident> fresh) {
        newIncidentListeners.forEach(l -> l.accept(fresh));
        missedWhileAway.announced(fresh, focused());
        if (toasts != null && shell.toastsWanted() && toastsHere) {
            toasts.show(fresh);
        }
        if (sound != null) {
            sound.announce(
                    fresh.stream()
                            .map(Incident::severity)
                            .max(Severity::compareTo)
                            .orElse(Severity.OK));
        }
    }

    private Node toolbar() {
        Button back = navButton("◀", "Back (Alt+Left)");
        back.setId("nav-back");
        back.setOnAction(e -> shell.back());
        back.disableProperty().bind(shell.canGoBackProperty().not());
        Button forward = navButton("▶", "Forward (Alt+Right)");
        forward.setId("nav-forward");
        forward.setOnAction(e -> shell.forward());
        forward.disableProperty().bind(shell.canGoForwardProperty().not());
        crumbs.setId("breadcrumb");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        search.setId("search");
        search.setPromptText("Search (Ctrl+K)");
        search.setTooltip(new Tooltip("Search sites, rooms, racks, devices, nodes and views"));
        search.getStyleClass().add("search-field");
        search.textProperty().addListener((o, a, q) -> showResults(q));
        search.setOnAction(
                e -> {
                    List<SearchIndex.Entry> hits = shell.search(search.getText(), 1);
                    if (!hits.isEmpty()) {
                        jump(hits.get(0));
                    }
                });
        search.setOnKeyPressed(
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        results.hide();
                        search.clear();
                    }
                });
        // Under a window manager the shown list takes the keys: Enter with no match highlighted
        // would only close it. It goes to the highlighted match, else the first.
        results.addEventFilter(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.getCode() == KeyCode.ENTER) {
                        if (!shownResults.isEmpty()) {
                            jump(shownResults.get(highlightedResult()));
                        }
                        e.consume();
                    }
                });
        Button refresh = navButton("⟳", "Refresh now (F5)");
        refresh.setOnAction(e -> shell.refreshNow());
        Button theme = navButton("◐", "Switch dark/light theme");
        theme.setId("theme-toggle");
        theme.setOnAction(e -> shell.toggleTheme());
        MenuButton soundMenu = SoundMenu.of(sound, shell, this::focused);
        Button handover = navButton("Handover", "Write the shift's handover page and open it");
        handover.setId("handover");
        handover.disableProperty().bind(shell.writingHandoverProperty());
        handover.setOnAction(e -> shell.writeHandover());
        shell.handoverSaidProperty()
                .addListener(
                        (o, a, said) -> {
                            if (toasts != null && !said.isEmpty()) {
                                toasts.stay("Handover", said, false);
                            }
                        });
        MenuButton views = viewsMenu();
        ToggleButton alertsToggle = new ToggleButton("Alerts");
        alertsToggle.setId("alerts-toggle");
        alertsToggle.getStyleClass().add("nav-button");
        alertsToggle.setSelected(true);
        alertsToggle
                .selectedProperty()
                .addListener(
                        (o, a, on) -> {
                            panelWanted = on;
                            updatePanel();
                        });
        toolbar =
                new HBox(
                        back,
                        forward,
                        crumbs,
                        spacer,
                        search,
                        refresh,
                        theme,
                        views,
                        handover,
                        soundMenu,
                        alertsToggle);
        toolbar.getStyleClass().add("toolbar-bar");
        // the buttons keep their text; the search field and the breadcrumb give way
        keepText(back, forward, refresh, theme, views, handover, soundMenu, alertsToggle);
        search.setMinWidth(140);
        return toolbar;
    }

    /**
     * Adds Edit mode: the Edit button (disabled, saying why, where the estate cannot be edited),
     * Ctrl+E, and the edit bar with undo (Ctrl+Z), redo (Ctrl+Y), review and save.
     */
    public void enableEditing(EditViewModel model) {
        edit = model;
        ToggleButton button = new ToggleButton("Edit");
        button.setId("edit-toggle");
        button.getStyleClass().add("nav-button");
        button.selectedProperty().bindBidirectional(model.editingProperty());
        if (model.available()) {
            button.setTooltip(new Tooltip("Edit the estate in the views (Ctrl+E)"));
        } else {
            button.setDisable(true);
            // a disabled control shows no tooltip: the reason goes on a wrapper
            Tooltip.install(top, new Tooltip("Edit mode is off: " + model.unavailableReason()));
        }
        keepText(button);
        toolbar.getChildren().add(toolbar.getChildren().size() - 1, button);
        top.getChildren().add(1, new EditBar(model).node());
    }

    /** Adds "Try a check" to the toolbar: a window of its own per click, made by {@code models}. */
    public void enableCheckTrials(Supplier<CheckTrialViewModel> models) {
        Button trial = new Button("Try a check");
        trial.setId("try-check");
        trial.getStyleClass().add("nav-button");
        trial.setTooltip(
                new Tooltip(
                        "Try a check not yet in the library against the estate; paint it on the floor"));
        trial.setOnAction(e -> openTrial(models));
        // a view's editor (the check editor) sends its check here to be tried
        root.addEventHandler(
                io.rackscope.desktop.ui.TryCheckEvent.TRY,
                e -> {
                    openTrial(models);
                    trialModel.yamlProperty().set(e.yaml());
                    trialModel.run();
                });
        keepText(trial);
        toolbar.getChildren().add(toolbar.getChildren().size() - 1, trial);
    }

    private static void keepText(Region... controls) {
        for (Region r : controls) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** One "Try a check" window: a second click brings it to the front. */
    private Stage trialStage;

    private CheckTrialViewModel trialModel;

    private void openTrial(Supplier<CheckTrialViewModel> models) {
        if (trialStage != null) {
            trialStage.show();
            trialStage.toFront();
            return;
        }
        Stage stage = new Stage();
        stage.setTitle("Try a check");
        trialModel = models.get();
        Scene scene = new Scene((Parent) new CheckTrialView(trialModel).node(), 1000, 680);
        if (root.getScene() != null) {
            scene.getStylesheets().setAll(root.getScene().getStylesheets());
            stage.initOwner(root.getScene().getWindow());
        }
        // Escape (the Close button's) and Ctrl+W close it without a window manager
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::hide);
        stage.setScene(scene);
        trialStage = stage;
        stage.show();
    }

    /**
     * The views that are not reached by clicking down from the world: the wallboard, the Slurm view
     * (when enabled) and the alerts page; also Ctrl+1..3 (see {@link #install}).
     */
    private MenuButton viewsMenu() {
        MenuButton menu = new MenuButton("Views");
        menu.setId("views-menu");
        menu.getStyleClass().add("nav-button");
        for (Map.Entry<String, Place> e : pages().entrySet()) {
            MenuItem item = new MenuItem(e.getKey());
            item.setId("view-" + e.getValue().kind().name().toLowerCase(Locale.ROOT));
            item.setOnAction(x -> shell.go(e.getValue()));
            menu.getItems().add(item);
        }
        menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), coloursMenu());
        return menu;
    }

    /** The severity colours: usual, colour-vision-safe, or the quiet wall's. */
    private javafx.scene.control.Menu coloursMenu() {
        javafx.scene.control.Menu colours = new javafx.scene.control.Menu("Colours");
        colours.setId("colours-menu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        Map<io.rackscope.desktop.ui.ColourScheme, String> names =
                Map.of(
                        io.rackscope.desktop.ui.ColourScheme.STANDARD,
                        "Standard",
                        io.rackscope.desktop.ui.ColourScheme.SAFE,
                        "Colour-vision-safe",
                        io.rackscope.desktop.ui.ColourScheme.QUIET,
                        "Quiet (calm in grey, colour for what is wrong)");
        for (io.rackscope.desktop.ui.ColourScheme c :
                io.rackscope.desktop.ui.ColourScheme.values()) {
            javafx.scene.control.RadioMenuItem item =
                    new javafx.scene.control.RadioMenuItem(names.get(c));
            item.setId("palette-" + c.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(shell.coloursProperty().get() == c);
            item.setOnAction(e -> shell.coloursProperty().set(c));
            colours.getItems().add(item);
        }
        shell.coloursProperty()
                .addListener((o, a, c) -> group.getToggles().get(c.ordinal()).setSelected(true));
        return colours;
    }

    private Map<String, Place> pages() {
        Map<String, Place> out = new LinkedHashMap<>();
        out.put("Wallboard (Ctrl+1)", Place.of(Place.Kind.WALLBOARD, ""));
        out.put("Alerts table (Ctrl+2)", Place.of(Place.Kind.ALERTS, ""));
        if (shell.slurmEnabled()) {
            out.put("Slurm (Ctrl+3)", Place.of(Place.Kind.SLURM, ""));
        }
        out.put("Maintenance (Ctrl+4)", Place.of(Place.Kind.MAINTENANCE, ""));

        out.put("Library (Ctrl+5)", Place.of(Place.Kind.LIBRARY, ""));
        out.put("Settings (Ctrl+6)", Place.of(Place.Kind.SETTINGS, ""));
        out.put("Capacity (Ctrl+7)", Place.of(Place.Kind.CAPACITY, ""));
        return out;
    }

    /** Alert sounds: mute, volume, and a test of each tone. */
    /** The alert panel's left edge: dragging it makes the panel wider or narrower. */
    private Region panelGrip() {
        Region grip = new Region();
        grip.setId("alerts-grip");
        grip.getStyleClass().add("panel-grip");
        grip.setPrefWidth(5);
        grip.setMinWidth(5);
        grip.setCursor(javafx.scene.Cursor.H_RESIZE);
        double[] from = new double[2];
        grip.setOnMousePressed(
                e -> {
                    from[0] = e.getScreenX();
                    from[1] = shell.panelWidthProperty().get();
                });
        grip.setOnMouseDragged(
                e ->
                        shell.panelWidthProperty()
                                .set(
                                        Math.max(
                                                240,
                                                Math.min(
                                                        900,
                                                        from[1] - (e.getScreenX() - from[0])))));
        return grip;
    }

    /** When {@code w} comes back to the front, what was announced meanwhile, in one list. */
    private void backInFront(javafx.stage.Window w) {
        if (w != null) {
            w.focusedProperty()
                    .addListener(new javafx.beans.value.WeakChangeListener<>(focusListener));
        }
    }

    private final javafx.beans.value.ChangeListener<Boolean> focusListener =
            (o, was, now) -> {
                if (now) {
                    sayMissed();
                }
            };

    private void sayMissed() {
        missedWhileAway.back(t -> toasts.stay(t[0], t[1], true));
    }

    /** What was announced while the window was not in front, not yet said. */
    public List<Incident> missedWhileAway() {
        return missedWhileAway.missed();
    }

    private boolean focused() {
        return root.getScene() != null
                && root.getScene().getWindow() != null
                && root.getScene().getWindow().isFocused();
    }

    private static Button navButton(String text, String tip) {
        Button b = new Button(text);
        b.getStyleClass().add("nav-button");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void showResults(String q) {
        List<SearchIndex.Entry> hits = shell.search(q, 12);
        results.getItems().clear();
        shownResults = hits;
        if (hits.isEmpty()) {
            if (q == null || q.isBlank()) {
                results.hide();
                return;
            }
            // silence would look like a broken search
            Label none = new Label("No match for '" + q.strip() + "'");
            none.getStyleClass().add("muted");
            none.setPrefWidth(460);
            results.getItems().add(new CustomMenuItem(none, false));
        }
        for (SearchIndex.Entry hit : hits) {
            Label l = new Label(hit.toString());
            l.setPrefWidth(400);
            Severity state = shell.stateOf(hit.place());
            HBox row = new HBox(8);
            row.setAlignment(Pos.CENTER_LEFT);
            if (state != null) {
                Label badge = Severities.styled(new Label(state.name()), state, "sev-badge");
                badge.setMinWidth(64);
                row.getChildren().add(badge);
            }
            row.getChildren().add(l);
            CustomMenuItem item = new CustomMenuItem(row, true);
            item.setOnAction(e -> jump(hit));
            results.getItems().add(item);
        }
        if (!results.isShowing()
                && search.getScene() != null
                && search.getScene().getWindow() != null) {
            results.show(search, Side.BOTTOM, 0, 2);
        }
    }

    /** The index of the result the keyboard highlights, or 0. */
    private int highlightedResult() {
        for (int i = 0; i < results.getItems().size(); i++) {
            Node n = results.getItems().get(i).getStyleableNode();
            if (n != null && n.isFocused()) {
                return i;
            }
        }
        return 0;
    }

    private void jump(SearchIndex.Entry hit) {
        results.hide();
        shell.go(hit.place());
        search.clear();
    }

    private Node statusBar() {
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
        return StatusBar.of(status, shell.slurmEnabled());
    }

    private void show(Place place) {
        if (current != null) {
            current.dispose();
        }
        updatePanel();
        List<Locator.Crumb> trail = shell.breadcrumb(place);
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < trail.size(); i++) {
            Locator.Crumb c = trail.get(i);
            if (i == trail.size() - 1) {
                Label last = new Label(c.label());
                last.getStyleClass().add("crumb-current");
                items.add(last);
            } else {
                Hyperlink link = new Hyperlink(c.label());
                link.getStyleClass().add("crumb");
                link.setOnAction(e -> shell.go(c.place()));
                items.add(link);
                Label sep = new Label("›");
                sep.getStyleClass().add("crumb-sep");
                items.add(sep);
            }
        }
        crumbs.show(items, String.join(" › ", trail.stream().map(Locator.Crumb::label).toList()));
        try {
            current = views.apply(place);
            content.getChildren().setAll(current.node());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot show " + place.text(), e);
            current = null;
            content.getChildren()
                    .setAll(new Label("Cannot show " + place.text() + ": " + e.getMessage()));
        }
    }

    /** Adds a line to the banner (problems show there, never in a dialog). */
    public void showNotice(String text) {
        status.addNotice(text);
    }

    public PlaceView currentView() {
        return current;
    }

    public Toasts toasts() {
        return toasts;
    }

    public BorderPane node() {
        return root;
    }

    /** Stops the clock and detaches the current view and the panel: the window is closing. */
    public void dispose() {
        if (installedOn != null) {
            installedOn.windowProperty().removeListener(windowChanged);
            accelerators.forEach((k, r) -> installedOn.getAccelerators().remove(k, r));
            installedOn = null;
        }
        clock.stop();
        if (timeControl != null) {
            timeControl.dispose();
        }
        if (current != null) {
            current.dispose();
            current = null;
        }
        alerts.dispose();
        status.dispose();
    }
}
