package io.rackscope.desktop.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditSessionTest {
    @TempDir Path dir;

    @Test
    void aFileChangedOnDiskSinceItWasReadIsAConflictAndNothingIsWritten() throws Exception {
        EditFixture f = EditFixture.example("simple-room", dir);
        f.diff(e -> e.addRack("my-lab/server-room/main-aisle", "rack-05", "simple-42u", null));
        Path aisle = f.root.resolve(EstateEditsTest.AISLE);
        String colleague = Files.readString(aisle) + "  - id: rack-09\n";
        Files.writeString(aisle, colleague);
        EditRefused conflict = assertThrows(EditRefused.class, f.session::save);
        assertTrue(
                conflict.describe(f.root).startsWith(EstateEditsTest.AISLE + ": changed on disk"),
                conflict.describe(f.root));
        assertEquals(colleague, Files.readString(aisle), "the colleague's change stands");
        assertFalse(
                Files.exists(aisle.resolveSibling("racks/rack-05.yaml")),
                "no file of the refused save was written");
    }

    @Test
    void undoAndRedoWalkWholeSteps() {
        EditFixture f = EditFixture.example("simple-room", dir);
        EstateEdits e = new EstateEdits(f.session, f.before);
        e.addSite("paris", "Paris", null, null);
        e.setLocation("my-lab", 1, 2);
        String both = f.session.diff();
        f.session.undo();
        assertTrue(f.session.diff().contains("paris") && !f.session.diff().contains("lat: 1"));
        f.session.undo();
        assertTrue(f.session.touched().isEmpty());
        assertFalse(f.session.canUndo());
        f.session.redo();
        f.session.redo();
        assertEquals(both, f.session.diff());
        assertFalse(f.session.canRedo());
    }

    @Test
    void savingWritesAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        EditFixture f = EditFixture.example("simple-room", dir);
        f.diff(
                e ->
                        e.addDevice(
                                "rack-03",
                                "sw-9",
                                "simple-1u-switch",
                                30,
                                io.rackscope.desktop.topology.Face.FRONT,
                                null));
        List<Path> written = f.session.save();
        assertEquals(1, written.size());
        try (Stream<Path> all = Files.walk(f.root)) {
            assertEquals(List.of(), all.filter(p -> p.toString().endsWith(".tmp")).toList());
        }
        assertTrue(f.session.touched().isEmpty(), "the session starts again from what it wrote");
        // and a second edit of the same file is checked against what this session wrote
        f.diff(
                e ->
                        e.addDevice(
                                "rack-03",
                                "sw-10",
                                "simple-1u-switch",
                                31,
                                io.rackscope.desktop.topology.Face.FRONT,
                                null));
        f.session.save();
        assertTrue(Files.readString(written.get(0)).contains("id: sw-10"));
    }
}
