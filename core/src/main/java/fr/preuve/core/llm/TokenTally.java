package fr.preuve.core.llm;

/**
 * The tokens model endpoints reported for the calls made on one thread while the tally is open: an answer opens one,
 * and every gateway call it makes (the answer, the LLM support judge, the question renderer) adds to it.
 * Tallies nest; outside any, {@link #record} does nothing.
 */
public final class TokenTally implements AutoCloseable {
    private static final ThreadLocal<TokenTally> CURRENT = new ThreadLocal<>();

    private final TokenTally outer;
    private long sent;
    private long received;

    private TokenTally(TokenTally outer) {
        this.outer = outer;
    }

    /** Opens a tally on this thread; close it on the same thread. */
    public static TokenTally open() {
        TokenTally t = new TokenTally(CURRENT.get());
        CURRENT.set(t);
        return t;
    }

    /** Adds a reply's reported counts (null when the endpoint reported none) to the open tally, and to its outers. */
    public static void record(Integer input, Integer output) {
        for (TokenTally t = CURRENT.get(); t != null; t = t.outer) {
            t.sent += input == null ? 0 : input;
            t.received += output == null ? 0 : output;
        }
    }

    public long sent() {
        return sent;
    }

    public long received() {
        return received;
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
