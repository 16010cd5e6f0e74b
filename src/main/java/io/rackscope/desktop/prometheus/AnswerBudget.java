package io.rackscope.desktop.prometheus;

/**
 * What all answers being read at once may hold together, shared by every client of the app: each
 * answer is bounded alone ({@code max_answer_megabytes}), but several within that bound arriving
 * together could still exhaust the heap. An answer that would take the total past the budget is
 * abandoned (its batch fails, named, and is asked again next cycle); the others go on.
 */
public final class AnswerBudget {
    private final long limit;
    private long held;

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

    /**
     * Takes {@code n} more bytes for an answer that holds {@code mine} already, or throws (taking
     * nothing) when that would pass the budget - unless that answer holds at least half of all that
     * is held: the one furthest along goes on (it is bounded by its own limit), so that answers
     * arriving in step cannot all fail, cycle after cycle.
     */
    synchronized void take(long n, long mine) throws ResponseParser.TooLarge {
        if (held + n > limit && mine * 2 < held) {
            throw new OverBudget(
                    "the answers being read at once passed "
                            + (limit >> 20)
                            + " MiB together (a third of the heap); this one was abandoned so that"
                            + " the app keeps running, and is asked again next cycle");
        }
        held += n;
    }

    synchronized void give(long n) {
        held -= n;
    }

    synchronized long held() {
        return held;
    }

    /** An answer abandoned for the others in flight, not for its own size. */
    static final class OverBudget extends ResponseParser.TooLarge {
        OverBudget(String message) {
            super(message);
        }
    }
}
