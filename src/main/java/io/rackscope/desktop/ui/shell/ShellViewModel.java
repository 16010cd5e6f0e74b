package io.rackscope.desktop.ui.shell;

import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.live.AlertHandling;
import io.rackscope.desktop.ui.ForecastText;
import io.rackscope.desktop.ui.HandoverWriter;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.NavigationModel;
import io.rackscope.desktop.ui.Place;
import io.rackscope.desktop.ui.Theme;
import io.rackscope.desktop.ui.ViewOptions;
import io.rackscope.desktop.ui.search.SearchIndex;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The window around the views: where the user is and the way back, search, refresh, the theme, and
 * what a toast needs to name and open its alert.
 */
public final class ShellViewModel {
    private final RackscopeConfig config;
    private final Locator locator;
    private final NavigationModel navigation;
    private final HealthSource health;
    private final ViewOptions options;
    private final SearchIndex index;

    public ShellViewModel(
            RackscopeConfig config,
            Locator locator,
            NavigationModel navigation,
            HealthSource health,
            ViewOptions options,
            AlertHandling handling) {
        this(
                config,
                locator,
                navigation,
                health,
                options,
                handling,
                HandoverWriter.NONE,
                Runnable::run);
    }

    /** {@code handover}: the shift's handover, said through {@code fx} when it is written. */
    public ShellViewModel(
            RackscopeConfig config,
            Locator locator,
            NavigationModel navigation,
            HealthSource health,
            ViewOptions options,
            AlertHandling handling,
            HandoverWriter handover,
            java.util.concurrent.Executor fx) {
        this.handover = handover;
        this.fx = fx;
        this.handling = handling;
        this.config = config;
        this.locator = locator;
        this.navigation = navigation;
        this.health = health;
        this.options = options;
        this.index = new SearchIndex(config.topology(), config.slurm().enabled());
        this.forecastsSaid =
                new io.rackscope.desktop.alerting.ForecastAnnouncements(
                        config.app().planner().forecast());
        health.snapshotProperty()
                .addListener(
                        (o, was, s) -> {
                            if (s != null && health.viewing() == null) {
                                List<String> said =
                                        forecastsSaid.next(s).stream()
                                                .map(
                                                        f ->
                                                                f.entity()
                                                                        + " will be "
                                                                        + f.severity()
                                                                        + " in "
                                                                        + ForecastText.eta(
                                                                                f.etaSeconds())
                                                                        + " ("
                                                                        + checkName(f.check())
                                                                        + ")")
                                                .toList();
                                if (!said.isEmpty()) {
                                    onForecast.accept(said);
                                }
                            }
                        });
    }

    private final io.rackscope.desktop.alerting.ForecastAnnouncements forecastsSaid;
    private java.util.function.Consumer<List<String>> onForecast = x -> {};

    /**
     * Told the forecasts to announce ({@code planner.forecast.announce}), live only, one line each:
     * "n01 will be CRIT in ~10 min (Temperature)".
     */
    public void setOnForecast(java.util.function.Consumer<List<String>> listener) {
        onForecast = listener;
    }

    private final AlertHandling handling;
    private final HandoverWriter handover;
    private final java.util.concurrent.Executor fx;
    private final javafx.beans.property.ReadOnlyStringWrapper handoverSaid =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "handoverSaid", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper writingHandover =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "writingHandover");

    /** Writes the shift's handover; {@link #handoverSaidProperty()} says where, once written. */
    public void writeHandover() {
        writingHandover.set(true);
        handoverSaid.set(""); // said again even when the next one says the same
        handover.write()
                .whenComplete(
                        (said, e) ->
                                fx.execute(
                                        () -> {
                                            writingHandover.set(false);
                                            handoverSaid.set(
                                                    e != null
                                                            ? "The handover could not be written: "
                                                                    + e.getMessage()
                                                            : said);
                                        }));
    }

    /** What the last handover's writing said ("Handover written: PATH"). */
    public javafx.beans.property.ReadOnlyStringProperty handoverSaidProperty() {
        return handoverSaid.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty writingHandoverProperty() {
        return writingHandover.getReadOnlyProperty();
    }

    /** Alert sounds muted (kept between sessions). */
    public BooleanProperty mutedProperty() {
        return options.mutedProperty();
    }

    public DoubleProperty volumeProperty() {
        return options.volumeProperty();
    }

    /** The alert panel's width (dragged at its edge; kept between sessions). */
    public DoubleProperty panelWidthProperty() {
        return options.panelWidthProperty();
    }

    /** Whether new incidents pop up as toasts ({@code features.notifications}). */
    public boolean toastsWanted() {
        return config.app().features().notifications();
    }

    public ReadOnlyObjectProperty<Place> currentProperty() {
        return navigation.currentProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return navigation.canGoBackProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return navigation.canGoForwardProperty();
    }

    public void back() {
        navigation.back();
    }

    public void forward() {
        navigation.forward();
    }

    public void go(Place place) {
        navigation.go(place);
    }

    public List<Locator.Crumb> breadcrumb(Place place) {
        return locator.breadcrumb(place);
    }

    /** Where {@code place} is, by names. */
    public String title(Place place) {
        return locator.title(place);
    }

    public List<SearchIndex.Entry> search(String query, int limit) {
        return index.search(query == null ? "" : query, limit);
    }

    /** The state of what a search result goes to (UNKNOWN for a view of the window). */
    public io.rackscope.desktop.checks.Severity stateOf(Place place) {
        io.rackscope.desktop.health.HealthSnapshot s = health.current();
        return switch (place.kind()) {
            case SITE ->
                    s.sites()
                            .getOrDefault(place.id(), io.rackscope.desktop.checks.Severity.UNKNOWN);
            case ROOM ->
                    s.rooms()
                            .getOrDefault(place.id(), io.rackscope.desktop.checks.Severity.UNKNOWN);
            case RACK -> s.rack(place.id());
            case DEVICE ->
                    place.highlight() != null && s.nodes().containsKey(place.highlight())
                            ? s.node(place.highlight())
                            : s.device(place.id());
            default -> null;
        };
    }

    public void refreshNow() {
        health.refreshNow();
    }

    public ObjectProperty<Theme> themeProperty() {
        return options.themeProperty();
    }

    /** Which severity colours are shown: the usual, the colour-vision-safe, the quiet wall's. */
    public ObjectProperty<io.rackscope.desktop.ui.ColourScheme> coloursProperty() {
        return options.coloursProperty();
    }

    public void toggleTheme() {
        options.themeProperty().set(options.themeProperty().get().other());
    }

    public String checkName(String checkId) {
        return config.checkName(checkId);
    }

    /** The alert table, where everything still failing is listed. */
    public void openAlerts() {
        go(Place.of(Place.Kind.ALERTS, ""));
    }

    public void open(Alert alert) {
        locator.placeOf(alert.entity()).ifPresent(navigation::go);
    }

    public void open(Incident incident) {
        locator.placeOf(incident).ifPresent(navigation::go);
    }

    /** Acknowledging from a toast, as the session's operator. */
    public boolean canAcknowledge() {
        return handling.enabled();
    }

    /** Acknowledges {@code incident} from its toast: until it clears, worsens or grows. */
    public void acknowledge(Incident incident) {
        handling.acknowledge(
                incident, options.operatorProperty().get(), "acknowledged from its toast", null);
    }

    public boolean slurmEnabled() {
        return config.slurm().enabled();
    }

    public String appName() {
        return config.app().name();
    }
}
