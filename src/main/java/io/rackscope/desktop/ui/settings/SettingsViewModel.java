package io.rackscope.desktop.ui.settings;

import io.rackscope.desktop.config.AppConfig;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.edit.SettingsCatalog;
import io.rackscope.desktop.edit.SettingsCatalog.Setting;
import io.rackscope.desktop.edit.SettingsEdits;
import io.rackscope.desktop.edit.SlurmEdits;
import io.rackscope.desktop.handling.Target;
import io.rackscope.desktop.topology.InstancePath;
import io.rackscope.desktop.ui.EntityLinks;
import io.rackscope.desktop.ui.EstateEditing;
import io.rackscope.desktop.ui.EstateEditor;
import io.rackscope.desktop.ui.SettingsTester;
import io.rackscope.desktop.ui.ViewOptions;
import java.util.ArrayList;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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

    /** The Slurm plugin's tab: its settings (config.yml) and node mapping. */
    public static final String SLURM = "Slurm";

    /** One entry of the Slurm node mapping, as edited. */
    public static final class MappingRow {
        public final StringProperty slurm;
        public final StringProperty instance;

        MappingRow(String slurm, String instance) {
            this.slurm = new SimpleStringProperty(slurm);
            this.instance = new SimpleStringProperty(instance);
        }

        SlurmEdits.Pair pair() {
            return new SlurmEdits.Pair(slurm.get().strip(), instance.get().strip());
        }
    }

    private final Map<String, StringProperty> slurm = new LinkedHashMap<>();
    private final ObservableList<MappingRow> mapping = FXCollections.observableArrayList();
    private SettingsEdits.Values slurmWritten = new SettingsEdits.Values(Map.of(), Set.of());
    private List<SlurmEdits.Pair> mappingWritten = List.of();

    /** All that is read at once from the files: app.yaml, the Slurm settings and mapping. */
    private record Loaded(
            SettingsEdits.Values values,
            SettingsEdits.Values slurm,
            List<SlurmEdits.Pair> mapping,
            List<SettingsEdits.Link> links,
            Map<String, String> siteUrls) {}

    /** A site and the Prometheus that answers for it (empty: the main one). */
    public static final class SiteRow {
        public final String site;
        public final StringProperty url;

        SiteRow(String site, String url) {
            this.site = site;
            this.url = new SimpleStringProperty(url);
        }
    }

    private final ObservableList<SiteRow> sites = FXCollections.observableArrayList();
    private Map<String, String> sitesWritten = Map.of();

    /** The tab of the links offered for an entity. */
    public static final String LINKS = "Links";

    /** One link as edited: its name and URL with placeholders ({instance}, {rack}, …). */
    public static final class LinkRow {
        public final StringProperty name;
        public final StringProperty url;

        LinkRow(String name, String url) {
            this.name = new SimpleStringProperty(name);
            this.url = new SimpleStringProperty(url);
        }

        SettingsEdits.Link link() {
            return new SettingsEdits.Link(name.get().strip(), url.get().strip());
        }
    }

    private final ObservableList<LinkRow> links = FXCollections.observableArrayList();
    private List<SettingsEdits.Link> linksWritten = List.of();
    private final StringProperty linkEntity = new SimpleStringProperty(this, "linkEntity", "");
    private final ReadOnlyStringWrapper linkPreview =
            new ReadOnlyStringWrapper(this, "linkPreview", "");

    private final java.util.Optional<String> override;

    /** {@code override}: the Prometheus this window asks instead of app.yaml's, if any. */
    public SettingsViewModel(
            EstateEditing editing,
            ViewOptions options,
            SettingsTester tester,
            java.util.Optional<String> override,
            Executor fx) {
        this.override = override;
        this.editing = editing;
        this.editor = new EstateEditor(editing, options);
        this.tester = tester;
        this.fx = fx;
        for (Setting s : SettingsCatalog.all()) {
            StringProperty p = new SimpleStringProperty(this, s.path(), "");
            p.addListener((o, a, b) -> refreshChanged());
            values.put(s.path(), p);
        }
        for (Setting s : SlurmEdits.fields()) {
            StringProperty p = new SimpleStringProperty(this, s.path(), "");
            p.addListener((o, a, b) -> refreshChanged());
            slurm.put(s.path(), p);
        }
        mapping.addListener(
                (javafx.collections.ListChangeListener<MappingRow>) c -> refreshChanged());
        tests.put(SLURM, new ReadOnlyStringWrapper(this, "slurmTest", ""));
        tests.put(SettingsCatalog.TELEMETRY, new ReadOnlyStringWrapper(this, "telemetryTest", ""));
        tests.put(
                SettingsCatalog.ALERTMANAGER,
                new ReadOnlyStringWrapper(this, "alertmanagerTest", ""));
    }

    /**
     * Said above the telemetry settings when this window asks another Prometheus than app.yaml's
     * (given with --prometheus): what the form shows is not what this window asks.
     */
    public String overrideNotice() {
        return override.map(
                        u ->
                                "This window asks "
                                        + u
                                        + " (given with --prometheus). The settings below are"
                                        + " app.yaml's: what a window opened without it asks.")
                .orElse("");
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editor.onProperty();
    }

    public List<String> groups() {
        List<String> out = new ArrayList<>(SettingsCatalog.groups());
        out.add(LINKS);
        out.add(SLURM);
        return out;
    }

    public List<Setting> settings(String group) {
        return group.equals(SLURM)
                ? SlurmEdits.fields()
                : SettingsCatalog.all().stream().filter(s -> s.group().equals(group)).toList();
    }

    /** The value in the form (a secret: what is typed to replace it; empty keeps it). */
    public StringProperty value(Setting s) {
        return s.group().equals(SLURM) ? slurm.get(s.path()) : values.get(s.path());
    }

    /** The Slurm node mapping's entries as edited (rows added, changed, removed here). */
    public ObservableList<MappingRow> mapping() {
        return mapping;
    }

    /** Every site of the estate with its own Prometheus, as edited. */
    public ObservableList<SiteRow> sites() {
        return sites;
    }

    private Map<String, String> sitesEdited() {
        Map<String, String> out = new LinkedHashMap<>();
        sites.forEach(r -> out.put(r.site, r.url.get().strip()));
        return out;
    }

    private boolean sitesChanged() {
        return sites.stream()
                .anyMatch(r -> !r.url.get().strip().equals(sitesWritten.getOrDefault(r.site, "")));
    }

    /**
     * Tries {@code row}'s Prometheus at the URL typed, with the site's own credentials and TLS
     * where {@code telemetry.sites} gives them, else the form's; nothing written.
     */
    public void testSite(SiteRow row) {
        String url = row.url.get();
        test(
                SettingsCatalog.TELEMETRY,
                changes(),
                "Site " + row.site + ": ",
                yaml -> tester.site(yaml, row.site, url));
    }

    /** The links as edited (rows added, changed, removed here). */
    public ObservableList<LinkRow> links() {
        return links;
    }

    public void addLink() {
        addLink("", "");
    }

    private void addLink(String name, String url) {
        LinkRow r = new LinkRow(name, url);
        r.name.addListener((o, a, b) -> refreshChanged());
        r.url.addListener((o, a, b) -> refreshChanged());
        links.add(r);
    }

    private List<SettingsEdits.Link> linksEdited() {
        return links.stream()
                .map(LinkRow::link)
                .filter(l -> !l.name().isEmpty() && !l.url().isEmpty())
                .toList();
    }

    /** The entity whose links the preview fills in (a node, device or rack id). */
    public StringProperty linkEntityProperty() {
        return linkEntity;
    }

    /** The links as edited, filled in for the entity chosen: one "name: URL" a line. */
    public ReadOnlyStringProperty linkPreviewProperty() {
        return linkPreview.getReadOnlyProperty();
    }

    /** Fills the links in for the entity chosen (the estate's first node when none is). */
    public void previewLinks() {
        RackscopeConfig estate = editor.estate();
        String id = linkEntity.get().strip();
        if (id.isEmpty()) {
            id =
                    estate.topology().instances().stream()
                            .map(InstancePath::instanceId)
                            .findFirst()
                            .orElse("");
            linkEntity.set(id);
        }
        List<AppConfig.Link> edited =
                linksEdited().stream().map(l -> new AppConfig.Link(l.name(), l.url())).toList();
        List<EntityLinks.Link> filled = new EntityLinks(estate).links(target(estate, id), edited);
        linkPreview.set(
                filled.isEmpty()
                        ? "No link fills in for " + id + " (a placeholder it has no value for?)"
                        : String.join(
                                "\n",
                                filled.stream().map(l -> l.name() + ": " + l.url()).toList()));
    }

    private static Target target(RackscopeConfig estate, String id) {
        var topo = estate.topology();
        Target.Type type =
                topo.instance(id).isPresent()
                        ? Target.Type.INSTANCE
                        : topo.device(id).isPresent()
                                ? Target.Type.DEVICE
                                : topo.rack(id).isPresent() ? Target.Type.RACK : Target.Type.SITE;
        return new Target(type, id);
    }

    /** Views a playlist can show: the world, the wallboards, the alerts, every site and room. */
    public List<String> playlistChoices() {
        var topo = editor.estate().topology();
        List<String> out = new ArrayList<>(List.of("world", "wallboard", "alerts"));
        topo.sites().forEach(site -> out.add("site:" + site.id()));
        topo.sites().forEach(site -> out.add("wallboard:" + site.id()));
        topo.sites()
                .forEach(
                        site ->
                                site.rooms()
                                        .forEach(r -> out.add("room:" + site.id() + "/" + r.id())));
        return out;
    }

    /** {@code view} added at the end of the playlist's views. */
    public void addToPlaylist(String view) {
        StringProperty p = values.get("playlist.views");
        p.set(p.get().isBlank() ? view : p.get().strip() + ", " + view);
    }

    public void addMapping() {
        MappingRow r = new MappingRow("", "");
        r.slurm.addListener((o, a, b) -> refreshChanged());
        r.instance.addListener((o, a, b) -> refreshChanged());
        mapping.add(r);
    }

    private void refreshChanged() {
        changed.set(
                !changes().isEmpty()
                        || !slurmChanges().isEmpty()
                        || !mappingEdited().equals(mappingWritten)
                        || !linksEdited().equals(linksWritten)
                        || sitesChanged());
    }

    private List<SlurmEdits.Pair> mappingEdited() {
        return mapping.stream().map(MappingRow::pair).toList();
    }

    /** The Slurm settings the form changes. */
    private Map<String, String> slurmChanges() {
        Map<String, String> out = new LinkedHashMap<>();
        slurm.forEach(
                (k, p) -> {
                    if (!p.get().strip().equals(slurmWritten.get(k))) {
                        out.put(k, p.get().strip());
                    }
                });
        return out;
    }

    /** Whether the secret at {@code path} is written (its value is never shown). */
    public boolean secretSet(String path) {
        return written.secretsSet().contains(path) && !cleared.contains(path);
    }

    /** The secret at {@code path} taken out when applied. */
    public void clearSecret(String path) {
        cleared.add(path);
        values.get(path).set("");
        refreshChanged();
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
        editing.read(
                        e ->
                                new Loaded(
                                        e.settings().values(),
                                        e.slurm().values(),
                                        e.slurm().mapping(),
                                        e.settings().links(),
                                        e.settings().siteUrls()))
                .whenComplete((v, err) -> fx.execute(() -> loaded(v, err)));
    }

    private void loaded(Loaded v, Throwable err) {
        if (err != null) {
            problem.set("The settings cannot be read here: " + cause(err).getMessage());
            return;
        }
        written = v.values();
        slurmWritten = v.slurm();
        mappingWritten = v.mapping();
        cleared.clear();
        values.forEach((k, p) -> p.set(written.get(k)));
        slurm.forEach((k, p) -> p.set(slurmWritten.get(k)));
        mapping.clear();
        mappingWritten.forEach(
                m -> {
                    addMapping();
                    mapping.get(mapping.size() - 1).slurm.set(m.slurm());
                    mapping.get(mapping.size() - 1).instance.set(m.instance());
                });
        sitesWritten = v.siteUrls();
        sites.clear();
        editor.estate()
                .topology()
                .sites()
                .forEach(
                        site -> {
                            SiteRow r =
                                    new SiteRow(
                                            site.id(), sitesWritten.getOrDefault(site.id(), ""));
                            r.url.addListener((o, a, b) -> refreshChanged());
                            sites.add(r);
                        });
        linksWritten = v.links();
        links.clear();
        linksWritten.forEach(l -> addLink(l.name(), l.url()));
        changed.set(false);
        loaded.set(true);
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
        Map<String, String> sc = slurmChanges();
        List<SlurmEdits.Pair> m = mappingEdited();
        boolean mapped = !m.equals(mappingWritten);
        List<SettingsEdits.Link> l = linksEdited();
        boolean linked = !l.equals(linksWritten);
        boolean sited = sitesChanged();
        Map<String, String> su = sitesEdited();
        if (c.isEmpty() && sc.isEmpty() && !mapped && !linked && !sited) {
            return;
        }
        List<String> what = new ArrayList<>(c.keySet());
        if (linked) {
            what.add("the links");
        }
        if (sited) {
            what.add("the sites' Prometheus");
        }
        sc.keySet().forEach(k -> what.add("slurm " + k));
        if (mapped) {
            what.add("the Slurm node mapping");
        }
        editor.edit(
                        "Change " + String.join(", ", what),
                        e -> {
                            e.settings().set(c);
                            e.slurm().set(sc);
                            e.slurm().setMapping(m);
                            e.settings().setLinks(l);
                            e.settings().setSiteUrls(su);
                        })
                .whenComplete((s, err) -> fx.execute(this::load));
    }

    public void revert() {
        loaded(new Loaded(written, slurmWritten, mappingWritten, linksWritten, sitesWritten), null);
    }

    /**
     * The mapping as edited, met with the Slurm nodes the form's Prometheus knows and the estate's
     * nodes: how many are placed, which are not, which entries do not pair up.
     */
    public void checkMapping() {
        ReadOnlyStringWrapper out = tests.get(SLURM);
        Map<String, String> entries = new LinkedHashMap<>();
        mappingEdited().forEach(p -> entries.put(p.slurm(), p.instance()));
        java.util.Set<String> instances =
                editor.estate().topology().instances().stream()
                        .map(io.rackscope.desktop.topology.InstancePath::instanceId)
                        .collect(java.util.stream.Collectors.toSet());
        String metric = or(slurm.get("metric").get(), "slurm_node_status");
        String label = or(slurm.get("label_node").get(), "node");
        Map<String, String> c = changes();
        testing.set(true);
        out.set("Asking Prometheus for the Slurm nodes…");
        editing.read(e -> e.settings().preview(c))
                .thenCompose(yaml -> tester.slurmNodes(yaml, metric, label))
                .whenComplete(
                        (nodes, err) ->
                                fx.execute(
                                        () -> {
                                            testing.set(false);
                                            out.set(
                                                    err != null
                                                            ? "Not checked: "
                                                                    + cause(err).getMessage()
                                                            : String.join(
                                                                    "\n",
                                                                    io.rackscope.desktop.slurm
                                                                            .MappingCheck.check(
                                                                                    entries, nodes,
                                                                                    instances)
                                                                            .lines()));
                                        }));
    }

    private static String or(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /** Tries the group's server as the form has it, nothing written. */
    public void test(String group) {
        test(
                group,
                changes(),
                "",
                group.equals(SettingsCatalog.ALERTMANAGER)
                        ? tester::alertmanager
                        : tester::prometheus);
    }

    private void test(
            String group,
            Map<String, String> c,
            String prefix,
            Function<String, CompletableFuture<SettingsTester.Result>> run) {
        ReadOnlyStringWrapper out = tests.get(group);
        testing.set(true);
        out.set(prefix + "Trying…");
        editing.read(e -> e.settings().preview(c))
                .thenCompose(run)
                .whenComplete(
                        (r, err) ->
                                fx.execute(
                                        () -> {
                                            testing.set(false);
                                            out.set(
                                                    prefix
                                                            + (err != null
                                                                    ? "Not tried: "
                                                                            + cause(err)
                                                                                    .getMessage()
                                                                    : (r.ok()
                                                                                    ? "Connected. "
                                                                                    : "Not connected. ")
                                                                            + String.join(
                                                                                    "\n",
                                                                                    r.lines())));
                                        }));
    }

    private static Throwable cause(Throwable t) {
        return t.getCause() != null ? t.getCause() : t;
    }
}
