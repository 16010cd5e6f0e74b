package io.rackscope.desktop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloserTest {
    @Test
    void everyPartIsClosedWhenOneFailsAndEveryFailureIsKept() {
        List<String> closed = new ArrayList<>();
        IllegalStateException thrown =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                Closer.closeAll(
                                        List.of(
                                                new Closer.Part("a", () -> closed.add("a")),
                                                new Closer.Part(
                                                        "b",
                                                        () -> {
                                                            throw new IllegalStateException("b");
                                                        }),
                                                new Closer.Part("c", () -> closed.add("c")),
                                                new Closer.Part(
                                                        "d",
                                                        () -> {
                                                            throw new IllegalArgumentException("d");
                                                        }),
                                                new Closer.Part("e", () -> closed.add("e")))));
        assertEquals(List.of("a", "c", "e"), closed, "every part after a failure still closed");
        assertEquals("b", thrown.getMessage());
        assertEquals("d", thrown.getSuppressed()[0].getMessage());
    }
}
