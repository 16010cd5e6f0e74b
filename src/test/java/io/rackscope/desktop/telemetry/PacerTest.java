package io.rackscope.desktop.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class PacerTest {
    /** Requests handed out by a pacer, answered by the test when it chooses. */
    static final class Server {
        final List<CompletableFuture<String>> open = new ArrayList<>();
        int started;

        CompletableFuture<String> request() {
            started++;
            CompletableFuture<String> f = new CompletableFuture<>();
            open.add(f);
            return f;
        }
    }

    @Test
    void oneAtATimeSendsTheNextOnlyWhenTheLastIsAnswered() {
        Pacer pacer = Pacer.oneAtATime(1, 0, System::nanoTime, e -> false);
        Server server = new Server();
        CompletableFuture<String> a = pacer.send(server::request);
        CompletableFuture<String> b = pacer.send(server::request);
        CompletableFuture<String> c = pacer.send(server::request);
        assertEquals(1, server.started, "the second waits for the first");
        server.open.get(0).complete("a");
        assertEquals("a", a.join());
        assertEquals(2, server.started);
        server.open.get(1).completeExceptionally(new IllegalStateException("refused"));
        assertThrows(CompletionException.class, b::join);
        assertEquals(3, server.started, "a failure frees its place as an answer does");
        server.open.get(2).complete("c");
        assertEquals("c", c.join());
        CompletableFuture<String> d = pacer.send(server::request);
        assertEquals(4, server.started, "nothing in flight: sent at once");
        server.open.get(3).complete("d");
        assertEquals("d", d.join());
    }

    @Test
    void whatAnAnswerSetsOffIsDoneBeforeTheNextIsSent() {
        Pacer pacer = Pacer.oneAtATime(1, 0, System::nanoTime, e -> false);
        Server server = new Server();
        List<Integer> startedWhileHandled = new ArrayList<>();
        pacer.send(server::request).thenRun(() -> startedWhileHandled.add(server.started));
        pacer.send(server::request);
        server.open.get(0).complete("a");
        assertEquals(List.of(1), startedWhileHandled, "the second not sent yet");
        assertEquals(2, server.started, "then sent");
    }

    @Test
    void pastItsBudgetASteadyCycleGoesWider() {
        long[] now = {0};
        Pacer pacer = Pacer.oneAtATime(3, 1_000, () -> now[0], e -> false);
        Server server = new Server();
        for (int i = 0; i < 6; i++) {
            pacer.send(server::request);
        }
        assertEquals(1, server.started, "one at a time within the budget");
        server.open.get(0).complete("a");
        assertEquals(2, server.started);
        now[0] = 1_000;
        server.open.get(1).complete("b");
        assertEquals(5, server.started, "three in flight once the budget is spent");
        server.open.get(2).complete("c");
        assertEquals(6, server.started);
    }

    @Test
    void anAnswerThatNeverComesHoldsTheRestOnlyUntilTheBudget() throws Exception {
        Pacer pacer = Pacer.oneAtATime(4, 50_000_000, System::nanoTime, e -> false);
        Server server = new Server();
        pacer.send(server::request);
        CompletableFuture<String> behind = pacer.send(server::request);
        assertEquals(1, server.started);
        long until = System.nanoTime() + 5_000_000_000L;
        while (server.started < 2) {
            assertTrue(System.nanoTime() < until, "still held after the budget");
            Thread.sleep(5);
        }
        server.open.get(1).complete("sent past the budget, the first still hanging");
        assertEquals("sent past the budget, the first still hanging", behind.join());
    }

    @Test
    void twoAtATimeKeepTwoInFlight() {
        Pacer pacer = Pacer.oneAtATime(2, 0, System::nanoTime, e -> false);
        Server server = new Server();
        for (int i = 0; i < 5; i++) {
            pacer.send(server::request);
        }
        assertEquals(2, server.started);
        server.open.get(1).complete("x");
        assertEquals(3, server.started);
    }

    @Test
    void aRequestThatThrowsFailsItsFutureAndFreesItsPlace() {
        Pacer pacer = Pacer.oneAtATime(1, 0, System::nanoTime, e -> false);
        Server server = new Server();
        CompletableFuture<String> broken =
                pacer.send(
                        () -> {
                            throw new IllegalArgumentException("bad query");
                        });
        assertTrue(broken.isCompletedExceptionally());
        pacer.send(server::request);
        assertEquals(1, server.started);
    }

    @Test
    void unlimitedSendsEverythingAtOnce() {
        Server server = new Server();
        for (int i = 0; i < 10; i++) {
            Pacer.unlimited().send(server::request);
        }
        assertEquals(10, server.started);
    }

    @Test
    void aServerFoundDownIsNotAskedTheRest() {
        Pacer pacer =
                Pacer.oneAtATime(1, 0, System::nanoTime, e -> e.getMessage().contains("refused"));
        Server server = new Server();
        CompletableFuture<String> a = pacer.send(server::request);
        CompletableFuture<String> b = pacer.send(server::request);
        CompletableFuture<String> c = pacer.send(server::request);
        server.open.get(0).completeExceptionally(new IllegalStateException("connection refused"));
        assertTrue(a.isCompletedExceptionally());
        assertTrue(b.isCompletedExceptionally() && c.isCompletedExceptionally());
        assertEquals(1, server.started, "the waiting requests fail with the first's error");
        assertThrows(CompletionException.class, c::join);
    }
}
