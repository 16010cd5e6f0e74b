package io.rackscope.desktop.prometheus;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What all answers being read at once may hold together, shared by every client of the app: each
 * answer is bounded alone ({@code max_answer_megabytes}), but several within that bound arriving
 * together could still exhaust the heap. An answer that would take the total past the budget is
 * abandoned (its batch fails, named, and is asked again next cycle); the others go on.
 */
public final class AnswerBudget {
    private final long limit;
    private final AtomicLong held = new AtomicLong();

    public AnswerBudget(long limitBytes) {
        this.limit = limitBytes;
    }

    private static final AnswerBudget SHARED =
            new AnswerBudget(Runtime.getRuntime().maxMemory() / 3);

    /**
     * The app's one budget: a third of the heap the JVM may use, leaving room for the answers'
     * objects and everything else.
     */
    public static AnswerBudget shared() {
        return SHARED;
    }

    public long limit() {
        return limit;
    }

    /** Takes {@code n} bytes, or throws (taking nothing) when that would pass the budget. */
    void take(long n) throws ResponseParser.TooLarge {
        if (held.addAndGet(n) > limit) {
            held.addAndGet(-n);
            throw new OverBudget(
                    "the answers being read at once passed "
                            + (limit >> 20)
                            + " MiB together (a third of the heap); this one was abandoned so that"
                            + " the app keeps running, and is asked again next cycle");
        }
    }

    void give(long n) {
        held.addAndGet(-n);
    }

    long held() {
        return held.get();
    }

    /** An answer abandoned for the others in flight, not for its own size. */
    static final class OverBudget extends ResponseParser.TooLarge {
        OverBudget(String message) {
            super(message);
        }
    }
}
