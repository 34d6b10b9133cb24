package fr.preuve.core.llm;

import java.util.Locale;

/** A generation that did not produce a usable reply, and why. */
public final class LlmFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough to show a clinician and to count. */
    public enum Kind {
        /** No complete reply before the deadline. */
        TIMEOUT,
        /** The endpoint answered with an HTTP error (status in the message). */
        HTTP_ERROR,
        /** The connection failed or the stream broke before its end. */
        CONNECTION,
        /** The reply was empty. */
        EMPTY,
        /** The reply could not be read as a cited answer. */
        GARBLED,
        /** Calls are suspended after repeated failures (circuit breaker open). */
        CIRCUIT_OPEN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    public LlmFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public LlmFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
