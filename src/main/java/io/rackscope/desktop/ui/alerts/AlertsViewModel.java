package io.rackscope.desktop.ui.alerts;

import io.rackscope.desktop.alerting.Csv;
import io.rackscope.desktop.checks.Severity;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.Silence;
import io.rackscope.desktop.health.Alert;
import io.rackscope.desktop.health.ConnectionStatus;
import io.rackscope.desktop.health.Handled;
import io.rackscope.desktop.health.HealthSnapshot;
import io.rackscope.desktop.health.Incident;
import io.rackscope.desktop.health.SiteAlert;
import io.rackscope.desktop.live.AlertHandling;
import io.rackscope.desktop.slurm.SlurmNode;
import io.rackscope.desktop.slurm.SlurmState;
import io.rackscope.desktop.topology.Rack;
import io.rackscope.desktop.topology.Room;
import io.rackscope.desktop.topology.Site;
import io.rackscope.desktop.ui.ForecastText;
import io.rackscope.desktop.ui.Formats;
import io.rackscope.desktop.ui.HealthSource;
import io.rackscope.desktop.ui.Locator;
import io.rackscope.desktop.ui.Navigator;
import io.rackscope.desktop.ui.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The active WARN and CRIT alerts told as incidents, worst and newest first, each expandable to its
 * members' alerts, filtered by text and minimum severity. Tells its listener which incidents are
 * new or worse in each snapshot, as the feed tracked them (none for what was already failing when
 * the app started, none while flapping, none from a past moment).
 */
public final class AlertsViewModel {
    private final RackscopeConfig config;
    private final Locator locator;
    private final HealthSource health;
    private final Navigator navigator;
    private final String slot = "alerts@" + Integer.toHexString(System.identityHashCode(this));
    private final Clock clock;
    private final ReadOnlyObjectWrapper<List<AlertItem>> items =
            new ReadOnlyObjectWrapper<>(this, "items", List.of());
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<Severity> minimum =
            new SimpleObjectProperty<>(this, "minimum", Severity.WARN);
    private final BooleanProperty noDataOnly = new SimpleBooleanProperty(this, "noDataOnly");
    private final Set<String> holds = new HashSet<>();
    private final javafx.beans.property.ReadOnlyLongWrapper second =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "second");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private boolean fromSnapshot;
    private boolean rowsUpToDate = true;
    private final Subscriptions subscriptions = new Subscriptions();
    private final ReadOnlyObjectWrapper<List<PanelRow>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final ReadOnlyStringWrapper summary =
            new ReadOnlyStringWrapper(this, "summary", "no incidents");
    private final Set<String> expanded = new HashSet<>();
    private final ReadOnlyObjectWrapper<List<AlertRow>> table =
            new ReadOnlyObjectWrapper<>(this, "table", List.of());
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper(this, "totals", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper empty =
            new ReadOnlyStringWrapper(this, "empty", "No data yet.");
    private final StringProperty scope = new SimpleStringProperty(this, "scope", "");
    private final ReadOnlyObjectWrapper<List<ColumnFilter>> columnFilters =
            new ReadOnlyObjectWrapper<>(this, "columnFilters", List.of());
    private List<AlertRow> unfiltered = List.of();
    private final ReadOnlyObjectWrapper<List<SlurmAlert>> slurm =
            new ReadOnlyObjectWrapper<>(this, "slurm", List.of());
    private final ReadOnlyObjectWrapper<List<SiteAlertRow>> ruleAlerts =
            new ReadOnlyObjectWrapper<>(this, "ruleAlerts", List.of());
    private final ReadOnlyStringWrapper rulesTitle =
            new ReadOnlyStringWrapper(this, "rulesTitle", "Rules");
    private final BooleanProperty rulesShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "rulesShown", false);
    private Consumer<List<Incident>> onNewIncidents = a -> {};
    private Consumer<List<Incident>> onIncidents = a -> {};
    private final javafx.beans.property.ReadOnlyLongWrapper handled =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "handled");
    private final AlertHandling handling;
    private final StringProperty operator;

    public AlertsViewModel(
            RackscopeConfig config,
            Locator locator,
            HealthSource health,
            Navigator navigator,
            Clock clock) {
        this(
                config,
                locator,
                health,
                navigator,
                clock,
                AlertHandling.NONE,
                new SimpleStringProperty("operator"));
    }

    /**
     * {@code handling}: acknowledging and maintenance; {@code sessionOperator}: who acknowledges on
     * this desk.
     */
    public AlertsViewModel(
            RackscopeConfig config,
            Locator locator,
            HealthSource health,
            Navigator navigator,
            Clock clock,
            AlertHandling handling,
            StringProperty sessionOperator) {
        this.handling = handling;
        this.operator = sessionOperator;
        this.config = config;
        this.locator = locator;
        this.health = health;
        this.navigator = navigator;
        this.clock = clock;
        filterText.addListener(o -> rebuild());
        minimum.addListener(o -> rebuild());
        noDataOnly.addListener(o -> rebuild());
        scope.addListener(o -> rebuild());
        rulesShown.addListener(o -> rebuild());
        subscriptions.onChange(health.snapshotProperty(), (o, a, s) -> update(s));
        rebuild();
    }

    public ReadOnlyObjectProperty<List<AlertItem>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<Severity> minimumProperty() {
        return minimum;
    }

    /** Only the "no data" incidents (entities whose checks all lack a sample). */
    public BooleanProperty noDataOnlyProperty() {
        return noDataOnly;
    }

    /** Called with the incidents new or worse in each snapshot that has some. */
    /** {@code listener} gets the incidents of every snapshot. */
    public void setOnIncidents(Consumer<List<Incident>> listener) {
        this.onIncidents = listener;
    }

    public void setOnNewIncidents(Consumer<List<Incident>> listener) {
        this.onNewIncidents = listener;
    }

    /** The panel's rows: incidents, each followed by its members when expanded. */
    public ReadOnlyObjectProperty<List<PanelRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** "3 incidents · 168 nodes". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Shows or hides an incident's members. */
    public void toggle(IncidentItem item) {
        if (!expanded.remove(item.incident().key())) {
            expanded.add(item.incident().key());
        }
        rebuild();
    }

    public boolean expanded(IncidentItem item) {
        return expanded.contains(item.incident().key());
    }

    /** Goes to where the row is: an incident's place, an alert's entity (selecting it). */
    public void open(PanelRow row) {
        if (row instanceof IncidentItem i) {
            locator.placeOf(i.incident()).ifPresent(navigator::go);
        } else if (row instanceof AlertItem a) {
            open(a);
        }
    }

    /** Goes to where the alert is, selecting it. */
    public void open(AlertItem item) {
        locator.placeOf(item.alert().entity()).ifPresent(navigator::go);
    }

    /**
     * How long {@code since} ago, as the panel says it: unknown at a past moment; "for more than
     * 24h" when history was read back as far as {@code alerts.since_lookback} and it failed
     * throughout (the true start is older than that).
     */
    /**
     * Since when {@code i} has been active; for an incident of "no data" alerts alone, the time of
     * its last sample ("no sample since 07:24:02, 12 min").
     */
    public String sinceText(IncidentItem i) {
        Instant since = i.incident().since();
        if (!i.noData()) {
            return sinceText(since);
        }
        return since == null ? "no sample (since when is not known)" : noSampleSince(since);
    }

    /** "no sample since 07:24:02, 12 min ago". */
    public String noSampleSince(Instant since) {
        return reading().noSample(since);
    }

    public String sinceText(Instant since) {
        return reading().of(since);
    }

    private SinceText reading() {
        return new SinceText(
                now(),
                config.app().alerts().sinceLookback(),
                health.current().stats().historyStart(),
                // how close to where history starts a start must be to be said as "before" it
                Duration.ofSeconds(2L * config.app().telemetry().scrapeIntervalSeconds()),
                clock.getZone());
    }

    /** The moment the panel describes: now, or the past moment shown. */
    public Instant now() {
        Instant viewing = health.viewing();
        return viewing != null ? viewing : clock.instant();
    }

    private void update(HealthSnapshot s) {
        if (!s.announced().isEmpty()) {
            onNewIncidents.accept(s.announced());
        }
        onIncidents.accept(s.incidents());
        fromSnapshot = true;
        try {
            rebuild();
        } finally {
            fromSnapshot = false;
        }
    }

    /**
     * Holds the rows' order while {@code why} lasts (the pointer over the panel, a menu or a dialog
     * opened from it): a new snapshot updates the rows in place and new incidents wait (see {@link
     * #waitingProperty}). The last hold to end shows what waited.
     */
    public void hold(String why, boolean on) {
        boolean changed = on ? holds.add(why) : holds.remove(why);
        if (changed && holds.isEmpty() && (waiting.get() > 0 || !rowsUpToDate)) {
            rebuild();
        }
    }

    /** One second of the desk's clock passed: the rows' relative times are written again. */
    public void tick() {
        second.set(second.get() + 1);
    }

    /** Grows by one each second of the desk's clock. */
    public javafx.beans.property.ReadOnlyLongProperty secondProperty() {
        return second.getReadOnlyProperty();
    }

    /** How many new incidents wait while the rows are held. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** Shows what waits now, the hold notwithstanding (the "n new - show" bar). */
    public void showWaiting() {
        rebuild();
    }

    /** What a snapshot gives the panel and the table under one set of filters. */
    private record Assembled(
            List<AlertItem> items, List<IncidentItem> incidents, List<AlertRow> table) {}

    /** The filters, read on the FX thread, so that assembling can run elsewhere. */
    private record Filters(String q, String where, Severity minimum, boolean noDataOnly) {
        /** The page as it opens: every WARN and CRIT alert, everywhere. */
        static final Filters NONE = new Filters("", "", Severity.WARN, false);

        String key() {
            return "alerts:" + minimum + ":" + noDataOnly + ":" + where + ":" + q;
        }
    }

    private Assembled assemble(HealthSnapshot s, Filters f, boolean past) {
        List<AlertItem> passing = items(s, f, past);
        List<IncidentItem> incidents = incidents(s, passing);
        return new Assembled(passing, incidents, AlertTableRows.of(incidents, locator, s));
    }

    private void rebuild() {
        String q = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        String where = scope.get() == null ? "" : scope.get();
        Filters filters = new Filters(q, where, minimum.get(), noDataOnly.get());
        boolean past = health.viewing() != null;
        // the next live snapshots' rows are made before the FX thread gets them
        health.prepare(slot, filters.key(), s -> assemble(s, filters, false));
        Assembled assembled = health.view(filters.key(), s -> assemble(s, filters, past));
        List<AlertItem> out = assembled.items();
        if (!out.equals(items.get())) {
            items.set(out);
        }
        List<IncidentItem> incidents = assembled.incidents();
        List<PanelRow> next = new ArrayList<>();
        Set<String> nodes = new HashSet<>();
        long handledCount = incidents.stream().filter(i -> i.handled() != null).count();
        boolean headed = false;
        for (IncidentItem i : incidents) {
            if (i.handled() != null && !headed) {
                next.add(new SectionRow("Handled (" + handledCount + ")"));
                headed = true;
            }
            next.add(i);
            if (expanded.contains(i.incident().key())) {
                next.addAll(i.members());
            }
            if (i.handled() == null) {
                i.members().stream()
                        .map(m -> m.alert().entity())
                        .filter(e -> locator.topology().instance(e).isPresent())
                        .forEach(nodes::add);
            }
        }
        expanded.retainAll(incidents.stream().map(i -> i.incident().key()).toList());
        List<PanelRow> showing = next;
        if (fromSnapshot && !holds.isEmpty()) {
            RowHold.Merged merged = RowHold.merge(rows.get(), next);
            showing = merged.rows();
            waiting.set(merged.waiting());
        } else {
            waiting.set(0);
        }
        rowsUpToDate = showing.equals(next);
        if (!showing.equals(rows.get())) {
            rows.set(List.copyOf(showing));
        }
        unfiltered = assembled.table();
        showTable();
        List<SlurmAlert> slurmNow =
                health.view(
                        "slurm-alerts:" + minimum.get() + ":" + where + ":" + q,
                        s -> slurmAlerts(s, q, where));
        if (!slurmNow.equals(slurm.get())) {
            slurm.set(slurmNow);
        }
        int unplaced = health.current().notPlaced().size();
        rulesTitle.set(
                "Rules ("
                        + health.current().siteAlerts().size()
                        + (unplaced == 0 ? "" : ", " + unplaced + " not placed")
                        + ")");
        // thousands of rows are made only while the tab shows them
        List<SiteAlertRow> rulesNow =
                rulesShown.get()
                        ? health.view("rule-alerts:" + q, s -> ruleAlerts(s.siteAlerts(), q))
                        : List.of();
        if (!rulesNow.equals(ruleAlerts.get())) {
            ruleAlerts.set(rulesNow);
        }
        long open = incidents.size() - handledCount;
        summary.set(
                (open == 0
                                ? (untold(health.current()) != null
                                        ? "nothing can be told"
                                        : filters.equals(Filters.NONE) || nothingActive()
                                                ? "no new incidents"
                                                : "no new incident passes the filters")
                                : open
                                        + (open == 1 ? " incident" : " incidents")
                                        + " · "
                                        + nodes.size()
                                        + (nodes.size() == 1 ? " node" : " nodes"))
                        + (handledCount == 0 ? "" : " · " + handledCount + " handled"));
        handled.set(handledCount);
    }

    /** Whether no alert at all is active, whatever the filters: they then hide nothing. */
    private boolean nothingActive() {
        return activeCount() == 0;
    }

    /**
     * How many alerts are active, whatever the filters: assembled once per snapshot (the headline
     * and the empty table's text both ask).
     */
    private int activeCount() {
        boolean past = health.viewing() != null;
        return health.view("alerts-active:" + past, s -> items(s, Filters.NONE, past).size());
    }

    /** The incidents with at least one alert that passes the filters, worst and newest first. */
    private List<IncidentItem> incidents(HealthSnapshot s, List<AlertItem> passing) {
        Map<String, AlertItem> byKey = new HashMap<>();
        passing.forEach(a -> byKey.put(a.alert().key(), a));
        Map<String, List<AlertItem>> byEntity = new HashMap<>();
        for (Alert a : s.alerts()) {
            AlertItem item = byKey.get(a.key());
            if (item != null) {
                byEntity.computeIfAbsent(a.entity(), k -> new ArrayList<>()).add(item);
            }
        }
        List<IncidentItem> out = new ArrayList<>();
        for (Incident i : s.incidents()) {
            List<AlertItem> members = new ArrayList<>();
            i.members().forEach(m -> members.addAll(byEntity.getOrDefault(m, List.of())));
            if (members.isEmpty()) {
                continue;
            }
            double value = members.size() == 1 ? members.get(0).alert().value() : Double.NaN;
            out.add(
                    new IncidentItem(
                            i,
                            IncidentItem.headline(i, this::checkName, value),
                            IncidentItem.checks(i, this::checkName),
                            members,
                            s.handling().incident(i),
                            s.handling().unanswered(i)));
        }
        // new and unhandled first: red means nobody is on it
        out.sort(
                Comparator.comparing((IncidentItem i) -> i.handled() != null)
                        .thenComparing(IncidentItem::severity, Comparator.reverseOrder())
                        // a flapping one sinks below the stable ones of its severity
                        .thenComparing(i -> i.incident().flapping())
                        .thenComparing(
                                (IncidentItem i) -> i.incident().since(),
                                Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(i -> i.incident().key()));
        return List.copyOf(out);
    }

    /** Every alert, one row each, in the incidents' order (the table sorts on any column). */
    public ReadOnlyObjectProperty<List<AlertRow>> tableProperty() {
        return table.getReadOnlyProperty();
    }

    private void showTable() {
        List<AlertRow> shown = AlertTableRows.passing(columnFilters.get(), unfiltered);
        if (!shown.equals(table.get())) {
            table.set(shown);
        }
        totals.set(AlertTableRows.totals(shown));
        empty.set(emptyText(health.current()));
    }

    /** The table's filter chips, in the order they were added. */
    public ReadOnlyObjectProperty<List<ColumnFilter>> columnFiltersProperty() {
        return columnFilters.getReadOnlyProperty();
    }

    public void addFilter(AlertColumn column, String value) {
        ColumnFilter f = new ColumnFilter(column, value == null ? "" : value);
        if (!columnFilters.get().contains(f)) {
            List<ColumnFilter> next = new ArrayList<>(columnFilters.get());
            next.add(f);
            columnFilters.set(List.copyOf(next));
            showTable();
        }
    }

    public void removeFilter(ColumnFilter f) {
        List<ColumnFilter> next = new ArrayList<>(columnFilters.get());
        if (next.remove(f)) {
            columnFilters.set(List.copyOf(next));
            showTable();
        }
    }

    public void clearFilters() {
        columnFilters.set(List.of());
        showTable();
    }

    /**
     * The values {@code column} takes among the rows the other columns' chips let through, with how
     * many rows each, most first: what a new chip on that column can choose from.
     */
    public List<Map.Entry<String, Integer>> choices(AlertColumn column) {
        return AlertTableRows.choices(columnFilters.get(), unfiltered, column);
    }

    /** Whether incidents can be acknowledged or put under maintenance here. */
    public boolean canHandle() {
        return handling.enabled() && health.viewing() == null;
    }

    /** Who acknowledges: the OS user by default, editable once per session. */
    public StringProperty operatorProperty() {
        return operator;
    }

    /** How many incidents are acknowledged or under maintenance. */
    public javafx.beans.property.ReadOnlyLongProperty handledProperty() {
        return handled.getReadOnlyProperty();
    }

    /**
     * Acknowledges the incident (all its members) with {@code note} for {@code length} at most
     * (null: until it clears, gets worse or gains members).
     */
    public void acknowledge(IncidentItem item, String note, Duration length) {
        Instant until = length == null ? null : clock.instant().plus(length);
        report(handling.acknowledge(item.incident(), operator.get(), note, until));
    }

    /**
     * Acknowledges one alert (a member of a grouped incident, or a row of the table) for {@code
     * length} at most (null: until it clears or gets worse).
     */
    public void acknowledge(AlertItem item, String note, Duration length) {
        Instant until = length == null ? null : clock.instant().plus(length);
        report(handling.acknowledge(item.alert(), operator.get(), note, until));
    }

    /** Puts the incident's place under maintenance from now for {@code length} (null: open). */
    public void maintain(IncidentItem item, String reason, Silence.Effect effect, Duration length) {
        Instant now = clock.instant();
        report(
                handling.maintain(
                        handling.targetOf(item.incident()),
                        reason,
                        effect,
                        null,
                        length == null ? null : now.plus(length),
                        operator.get()));
    }

    /** Ends what handles the incident (withdraws the acknowledgement, ends the maintenance). */
    public void release(IncidentItem item) {
        if (item.handled() != null) {
            report(handling.end(item.handled().id()));
        }
    }

    private void report(java.util.concurrent.CompletableFuture<?> change) {
        change.whenComplete(
                (r, e) -> {
                    if (e != null) {
                        problem.set("Could not keep it: " + e.getMessage());
                    }
                });
    }

    /**
     * The tag of a member row whose alert is handled on its own (a badging maintenance over one
     * node of a rack incident, say): "maintenance · alice", "ack dave"; "" when it is not.
     */
    public String memberTag(AlertItem a) {
        Handled h = health.current().handling().alert(a.alert());
        if (h == null) {
            return "";
        }
        return h.acknowledged() ? "ack " + h.by() : "maintenance · " + h.by();
    }

    /** What an unanswered CRIT says: nobody on any desk has acknowledged it, for how long. */
    public String unansweredText() {
        java.time.Duration after = config.app().alerts().escalateAfter();
        return "UNANSWERED: nobody has acknowledged it"
                + (after == null
                        ? ""
                        : " for "
                                + io.rackscope.desktop.checks.Durations.format(
                                        after.multipliedBy(2))
                                + " or more");
    }

    public String handledText(Handled h) {
        return io.rackscope.desktop.ui.HandledText.of(
                h, clock.getZone(), handling.problem().orElse(null));
    }

    /**
     * What an empty list says: never "no alerts" when nothing is known (no data yet, or Prometheus
     * not answering and nothing kept from before).
     */
    public ReadOnlyStringProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /**
     * Why no alert can be told at all (no data yet, Prometheus not answering and nothing kept, no
     * node with a sample), or null when they can.
     */
    private String untold(HealthSnapshot s) {
        if (s.version() == 0) {
            return "No data yet.";
        }
        ConnectionStatus c = ConnectionStatus.of(s);
        if (c.level() == ConnectionStatus.Level.DOWN && s.staleSince().isEmpty()) {
            return "Nothing is known: " + c.reason();
        }
        if (!s.nodes().isEmpty()
                && s.nodes().values().stream().allMatch(v -> v == Severity.UNKNOWN)) {
            return "No alerts can be told: no node has a sample at this moment"
                    + s.stats()
                            .historyStart()
                            .filter(b -> s.takenAt().isBefore(b))
                            .map(
                                    b ->
                                            " (Prometheus' history starts at "
                                                    + Formats.when(b, s.takenAt(), clock.getZone())
                                                    + ")")
                            .orElse("")
                    + ".";
        }
        return null;
    }

    private String emptyText(HealthSnapshot s) {
        String untold = untold(s);
        if (untold != null) {
            return untold;
        }
        int hidden = table.get().isEmpty() ? activeCount() : 0;
        if (hidden > 0) {
            // never "no alerts" while the search, the site or a chip hides them
            return "No alert passes the search and filters; "
                    + hidden
                    + (hidden == 1 ? " alert is" : " alerts are")
                    + " active.";
        }
        return "No active WARN or CRIT alerts.";
    }

    /** Whether Slurm is configured: the page then has a Slurm tab. */
    public boolean slurmEnabled() {
        return config.slurm().enabled();
    }

    /**
     * The Slurm nodes whose status is WARN or CRIT (down, drained, not responding), worst first.
     */
    public ReadOnlyObjectProperty<List<SlurmAlert>> slurmProperty() {
        return slurm.getReadOnlyProperty();
    }

    /** Whether the site's own alerting rules are read: the page then has a Rules tab. */
    public boolean rulesEnabled() {
        return config.app().alerts().rules().enabled();
    }

    /**
     * The site's own rule alerts, firing before pending, worst first, the unplaced ones included.
     */
    public ReadOnlyObjectProperty<List<SiteAlertRow>> ruleAlertsProperty() {
        return ruleAlerts.getReadOnlyProperty();
    }

    /** "Rules (12, 2 not placed)": how many the site's alerting has, how many not placed. */
    public ReadOnlyStringProperty rulesTitleProperty() {
        return rulesTitle.getReadOnlyProperty();
    }

    /** Whether the Rules tab is showing (its rows are made only then). */
    public BooleanProperty rulesShownProperty() {
        return rulesShown;
    }

    /** Goes to where a rule alert was placed (nothing for one not placed). */
    public void open(SiteAlertRow a) {
        if (a.entity() != null) {
            locator.placeOf(a.entity()).ifPresent(navigator::go);
        }
    }

    private List<SiteAlertRow> ruleAlerts(List<SiteAlert> alerts, String q) {
        List<SiteAlertRow> out = new ArrayList<>();
        for (SiteAlert a : alerts) {
            String key = null;
            String placed = SiteAlertRow.NOT_PLACED;
            if (a.placed()) {
                switch (a.scope()) {
                    case NODE -> key = a.entity();
                    case CHASSIS -> key = config.topology().devicesWithId(a.entity()).get(0).key();
                    case RACK -> key = config.topology().racksWithId(a.entity()).get(0).key();
                }
                placed = a.scope().name().toLowerCase(Locale.ROOT) + " " + a.entity();
            }
            SiteAlertRow row =
                    new SiteAlertRow(
                            a.state().label(), a.severity(), a.name(), placed, a.labelText(), key);
            if (q.isEmpty()
                    || String.join(" ", row.name(), row.placed(), row.labels())
                            .toLowerCase(Locale.ROOT)
                            .contains(q)) {
                out.add(row);
            }
        }
        out.sort(
                Comparator.comparing(SiteAlertRow::state)
                        .thenComparing(SiteAlertRow::severity, Comparator.reverseOrder())
                        .thenComparing(SiteAlertRow::name)
                        .thenComparing(SiteAlertRow::placed));
        return List.copyOf(out);
    }

    /** Goes to the device of a Slurm node, highlighting its instance. */
    public void open(SlurmAlert a) {
        locator.placeOf(a.instance()).ifPresent(navigator::go);
    }

    private List<SlurmAlert> slurmAlerts(HealthSnapshot s, String q, String where) {
        Severity floor = minimum.get();
        List<SlurmAlert> out = new ArrayList<>();
        for (SlurmNode n : s.slurm().nodes().values()) {
            boolean bad =
                    n.state() == SlurmState.CRIT
                            || (n.state() == SlurmState.WARN && floor != Severity.CRIT);
            if (!bad || !inScope(n.instance(), where)) {
                continue;
            }
            Optional<Rack> rack = locator.rackOf(n.instance());
            SlurmAlert a =
                    new SlurmAlert(
                            n.state(),
                            n.name(),
                            n.instance(),
                            n.rawStatus(),
                            String.join(", ", new TreeSet<>(n.partitions())),
                            rack.map(Rack::id).orElse(""),
                            rack.map(Rack::roomKey).orElse(""),
                            rack.map(Rack::siteId).orElse(""));
            if (q.isEmpty()
                    || String.join(
                                    " ",
                                    a.node(),
                                    a.instance(),
                                    a.status(),
                                    a.partitions(),
                                    a.rack())
                            .toLowerCase(Locale.ROOT)
                            .contains(q)) {
                out.add(a);
            }
        }
        out.sort(
                Comparator.comparing(SlurmAlert::state, Comparator.reverseOrder())
                        .thenComparing(SlurmAlert::node));
        return List.copyOf(out);
    }

    /** Where the alerts are taken from: "" for everywhere, a site id, or {@code SITE/ROOM}. */
    public StringProperty scopeProperty() {
        return scope;
    }

    /** The scopes to choose from: everywhere, then each site followed by its rooms. */
    public List<String> scopes() {
        List<String> out = new ArrayList<>();
        out.add("");
        for (Site site : locator.topology().sites()) {
            out.add(site.id());
            site.rooms().forEach(r -> out.add(r.key()));
        }
        return List.copyOf(out);
    }

    /** "All sites", a site's name, or "Site name / Room name". */
    public String scopeLabel(String id) {
        if (id == null || id.isEmpty()) {
            return "All sites";
        }
        Optional<Room> room = locator.room(id);
        if (room.isPresent()) {
            String site = locator.topology().site(room.get().siteId()).map(Site::name).orElse("");
            return site + " / " + room.get().name();
        }
        return locator.topology().site(id).map(Site::name).orElse(id);
    }

    private boolean inScope(String entity, String where) {
        if (where.isEmpty()) {
            return true;
        }
        Optional<Rack> rack = locator.rackOf(entity);
        return rack.isPresent()
                && (where.contains("/")
                        ? rack.get().roomKey().equals(where)
                        : rack.get().siteId().equals(where));
    }

    /** Something the page could not do (saving the CSV), said plainly; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void reportProblem(String text) {
        problem.set(text);
    }

    /** "2 CRIT · 360 WARN · 6 racks affected". */
    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** {@code rows} as CSV with a header, for copying or saving. */
    public String csv(List<AlertRow> rows) {
        StringBuilder b =
                new StringBuilder(
                        "severity,incident,check,entity,device,rack,room,site,value,since,flapping,handled,by,note,source,forecast,since_said\n");
        io.rackscope.desktop.health.Handling handling = health.current().handling();
        for (AlertRow r : rows) {
            Handled h = r.item() == null ? null : handling.alert(r.item().alert());
            b.append(
                            String.join(
                                    ",",
                                    r.severity().name(),
                                    Csv.field(r.incident()),
                                    Csv.field(r.check()),
                                    Csv.field(r.entity()),
                                    Csv.field(r.device()),
                                    Csv.field(r.rack()),
                                    Csv.field(r.room()),
                                    Csv.field(r.site()),
                                    Double.isNaN(r.value()) ? "" : Formats.value(r.value()),
                                    r.since() == null ? "" : r.since().toString(),
                                    Boolean.toString(r.flapping()),
                                    Csv.field(r.handled()),
                                    Csv.field(h == null || h.by() == null ? "" : h.by()),
                                    Csv.field(h == null || h.text() == null ? "" : h.text()),
                                    r.source(),
                                    Csv.field(
                                            r.forecast() == null
                                                    ? ""
                                                    : ForecastText.line(r.forecast())),
                                    // a start that is only a bound says so here, not in since
                                    Csv.field(sinceText(r.since()))))
                    .append('\n');
        }
        return b.toString();
    }

    /** The since column: how long ago, or why it is not known. */
    public String sinceColumn(AlertRow r) {
        return reading().column(r.since());
    }

    private String checkName(String id) {
        return config.checkName(id);
    }

    private List<AlertItem> items(HealthSnapshot s, Filters f, boolean past) {
        List<String> words = f.q().isEmpty() ? List.of() : List.of(f.q().split("\\s+"));
        List<AlertItem> out = new ArrayList<>();
        for (Alert a : s.alerts()) {
            if (a.severity().compareTo(f.minimum()) < 0
                    || f.noDataOnly() && !a.noData()
                    || !inScope(a.entity(), f.where())
                    || s.handling().hides(a)) {
                continue;
            }
            String name = config.checkName(a.check());
            // every word somewhere: "node cn01" finds Node reachable on cn0165
            if (!words.isEmpty()) {
                String text =
                        (a.path() + " " + a.check() + " " + name + " " + a.severity())
                                .toLowerCase(Locale.ROOT);
                if (!words.stream().allMatch(text::contains)) {
                    continue;
                }
            }
            // at a past moment an alert's start is not known (no one watched it begin)
            Instant since = a.since() != null || past ? a.since() : s.takenAt();
            out.add(new AlertItem(a, name, since));
        }
        out.sort(
                Comparator.comparing(
                                AlertItem::since, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed()
                        .thenComparing(i -> i.alert().severity(), Comparator.reverseOrder())
                        .thenComparing(i -> i.alert().path()));
        return List.copyOf(out);
    }

    public void dispose() {
        subscriptions.dispose();
        health.forget(slot);
    }
}
