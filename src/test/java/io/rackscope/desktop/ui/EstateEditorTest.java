package io.rackscope.desktop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstateEditorTest {
    @Test
    void theNextIdFollowsTheLastNumberedOneKeepingItsWidth() {
        assertEquals("r09", EstateEditor.nextId(List.of("r07", "r08"), "a1", "r01"));
        assertEquals("fra1-a02-r10", EstateEditor.nextId(List.of("fra1-a02-r09"), "a02", "r01"));
        assertEquals("r10", EstateEditor.nextId(List.of("r08", "r09", "mgmt"), "a", "r01"));
        assertEquals("n003", EstateEditor.nextId(List.of("n001", "n003x", "n002"), "x", "1"));
        assertEquals("a02-r01", EstateEditor.nextId(List.of("mgmt"), "a02", "r01"));
        assertEquals("r3", EstateEditor.nextId(List.of("r1", "r2"), "a", "r1"));
    }
}
