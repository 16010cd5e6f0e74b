package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rackscope.desktop.config.ConfigFixture;
import io.rackscope.desktop.config.ConfigLoader;
import io.rackscope.desktop.config.RackscopeConfig;
import io.rackscope.desktop.handling.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a right-click offers beside handling: the id, the path, Prometheus and configured links. */
class EntityLinksTest {
    @TempDir Path dir;

    private EntityLinks links() {
        Path config = ConfigFixture.copyOfBundled(dir);
        Path app = config.resolve("app.yaml");
        ConfigFixture.write(
                app,
                ConfigFixture.read(app)
                        + """
                        links:
                          - {name: Grafana, url: "https://grafana.example/d/node?var-instance={instance}&var-rack={rack}"}
                          - {name: Rack sheet, url: "https://cmdb.example/racks/{rack}"}
                        """);
        RackscopeConfig cfg = new ConfigLoader(Map.of()).load(config);
        assertTrue(cfg.diagnostics().errors().isEmpty(), cfg.diagnostics().errors().toString());
        return new EntityLinks(cfg);
    }

    @Test
    void aNodeHasItsPathItsSeriesAndEveryLinkItFills() {
        EntityLinks l = links();
        Target node = new Target(Target.Type.INSTANCE, "cn0165");
        assertEquals("fra1 / hall-a / fra1-a01-r03 / fra1-a01r03-c06 / cn0165", l.path(node));
        assertEquals(
                "http://127.0.0.1:9090/graph?g0.expr=up%7Binstance%3D%22cn0165%22%7D&g0.tab=0&g0.range_input=1h",
                l.prometheusGraph(node).orElseThrow());
        assertEquals(
                List.of(
                        new EntityLinks.Link(
                                "Grafana",
                                "https://grafana.example/d/node?var-instance=cn0165&var-rack=fra1-a01-r03"),
                        new EntityLinks.Link(
                                "Rack sheet", "https://cmdb.example/racks/fra1-a01-r03")),
                l.links(node));
    }

    @Test
    void aRackIsOfferedOnlyTheLinksItCanFill() {
        EntityLinks l = links();
        Target rack = new Target(Target.Type.RACK, "fra1-a01-r03");
        assertEquals(
                List.of(
                        new EntityLinks.Link(
                                "Rack sheet", "https://cmdb.example/racks/fra1-a01-r03")),
                l.links(rack),
                "the Grafana link needs an instance");
        assertTrue(l.prometheusGraph(rack).orElseThrow().contains("rack_id%3D%22fra1-a01-r03%22"));
        assertTrue(l.prometheusGraph(new Target(Target.Type.SITE, "fra1")).isEmpty());
    }
}
