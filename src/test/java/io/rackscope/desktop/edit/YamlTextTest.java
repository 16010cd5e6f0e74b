package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Patching text spans: what is not edited stays byte for byte. */
class YamlTextTest {
    @Test
    void everyFileOfEveryExampleRoundTripsByteIdentical() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(EditFixture.EXAMPLES)) {
            files =
                    all.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                            .toList();
        }
        assertTrue(files.size() > 100, "the examples were found: " + files.size());
        for (Path f : files) {
            String text = Files.readString(f);
            assertEquals(text, YamlText.parse(text).text(), f.toString());
        }
    }

    static SequenceNode list(YamlText t, String key) {
        return YamlText.sequence(t.top(), key).orElseThrow();
    }

    @Test
    void aBlockListGainsAnItemInItsOwnIndentationAfterATrailingComment() {
        YamlText t = YamlText.parse("racks:\n- a   # first\n- b  # last one\n# the end\n");
        assertEquals(
                "racks:\n- a   # first\n- b  # last one\n- c\n# the end\n",
                t.append(list(t, "racks"), Item.scalar("c")).text());
        YamlText nested = YamlText.parse("x:\n    racks:\n      -   id: a\n          name: A\n");
        SequenceNode racks =
                YamlText.sequence(YamlText.mapping(nested.top(), "x").orElseThrow(), "racks")
                        .orElseThrow();
        assertEquals(
                "x:\n    racks:\n      -   id: a\n          name: A\n      -   id: b\n          name: B\n",
                nested.append(racks, Item.map(Item.fields("id", "b", "name", "B"))).text());
    }

    @Test
    void flowListsAndMapsStayFlow() {
        YamlText t = YamlText.parse("racks: [a, b]   # two\nloc: {lat: 1, lon: 2}\n");
        assertEquals(
                "racks: [a, b, c]   # two\nloc: {lat: 1, lon: 2}\n",
                t.append(list(t, "racks"), Item.scalar("c")).text());
        assertEquals(
                "racks: [c, a, b]   # two\nloc: {lat: 1, lon: 2}\n",
                t.insert(list(t, "racks"), 0, Item.scalar("c")).text());
        MappingNode loc = YamlText.mapping(t.top(), "loc").orElseThrow();
        assertEquals(
                "racks: [a, b]   # two\nloc: {lat: 3.5, lon: 2}\n",
                t.set(loc, "lat", Scalars.number(3.5)).text());
        assertEquals(
                "racks: [a, b]   # two\nloc: {lat: 1, lon: 2, city: Paris}\n",
                t.set(loc, "city", Scalars.text("Paris")).text());
        assertEquals(
                "racks: [b]   # two\nloc: {lat: 1, lon: 2}\n",
                t.remove(t.top(), "racks", list(t, "racks"), 0).text());
    }

    @Test
    void anEmptyFlowListUnderItsKeyBecomesABlockList() {
        YamlText t = YamlText.parse("id: a\ndevices: []\n");
        assertEquals(
                "id: a\ndevices:\n  - id: d1\n    u_position: 3\n",
                t.append(list(t, "devices"), Item.map(Item.fields("id", "d1", "u_position", "3")))
                        .text());
    }

    @Test
    void theLastItemOfABlockListLeavesAnEmptyList() {
        YamlText t = YamlText.parse("racks:\n  - id: a\n# after\nname: x\n");
        assertEquals(
                "racks: []\n# after\nname: x\n",
                t.remove(t.top(), "racks", list(t, "racks"), 0).text());
    }

    @Test
    void anchorsAliasesQuotingAndWindowsLineEndsSurvive() {
        String text = "base: &b [x, y]\r\nuse: *b\r\nname: 'it''s'\r\nlist:\r\n  - \"a\"\r\n";
        YamlText t = YamlText.parse(text);
        String out = t.append(list(t, "list"), Item.scalar(Scalars.text("b c"))).text();
        assertEquals(
                "base: &b [x, y]\r\nuse: *b\r\nname: 'it''s'\r\nlist:\r\n  - \"a\"\r\n  - b c\r\n",
                out);
        ScalarNode name = (ScalarNode) YamlText.value(t.top(), "name").orElseThrow();
        assertEquals(
                "base: &b [x, y]\r\nuse: *b\r\nname: 'Bob''s'\r\nlist:\r\n  - \"a\"\r\n",
                t.setScalar(name, Scalars.text("Bob's", name.getScalarStyle())).text());
    }

    @Test
    void charactersBeyondTheBasicPlaneDoNotShiftTheSpans() {
        YamlText t = YamlText.parse("note: \"rack 🚀 row\"\nracks: [a]\n");
        assertEquals(
                "note: \"rack 🚀 row\"\nracks: [a, b]\n",
                t.append(list(t, "racks"), Item.scalar("b")).text());
    }

    @Test
    void scalarsAreQuotedOnlyWhenTheyWouldNotReadBackAsTheSameString() {
        assertEquals("Paris DC", Scalars.text("Paris DC"));
        assertEquals("\"007\"", Scalars.text("007"));
        assertEquals("\"yes\"", Scalars.text("yes"));
        assertEquals("\"a: b\"", Scalars.text("a: b"));
        assertEquals("\"x # y\"", Scalars.text("x # y"));
        assertEquals("cn[0001-0004]", Scalars.text("cn[0001-0004]"));
        assertEquals("48.85", Scalars.number(48.850));
        assertEquals("-73.56", Scalars.number(-73.56));
    }

    @Test
    void aBlockListValueIsReplacedBesideItsKeyAndAnItemCarriedIntoAnotherListIsReIndented() {
        YamlText t =
                YamlText.parse(
                        "devices:\n  - id: a\n    instance:\n      - n1   # first\n      - n2\n"
                                + "    face: front\n");
        org.yaml.snakeyaml.nodes.MappingNode a =
                (org.yaml.snakeyaml.nodes.MappingNode)
                        YamlText.sequence(t.top(), "devices").orElseThrow().getValue().get(0);
        assertEquals(
                "devices:\n  - id: a\n    instance: n7\n    face: front\n",
                t.replace(a, "instance", "n7").text());
        YamlText other = YamlText.parse("devices:\n- id: b\n  face: rear\n");
        String item = t.itemText(YamlText.sequence(t.top(), "devices").orElseThrow(), 0);
        assertEquals(
                "devices:\n- id: b\n  face: rear\n- id: a\n  instance:\n    - n1   # first\n"
                        + "    - n2\n  face: front\n",
                other.appendText(YamlText.sequence(other.top(), "devices").orElseThrow(), item)
                        .text());
    }
}
