package fr.preuve.core.llm;

import java.time.Duration;

/**
 * Told what happens to the calls of one gateway, for metrics: each call's outcome and time, the tokens the endpoint
 * reports, and the circuit breaker's state. Implementations are quick and never throw.
 */
public interface LlmObserver {

    /** Observes nothing. */
    LlmObserver NONE = new LlmObserver() {
        @Override
        public void called(Duration elapsed, LlmFailure.Kind failure) {
        }
    };

    /** The circuit breaker's state. */
    enum Circuit {
        CLOSED, HALF_OPEN, OPEN
    }

    /** A call ended after {@code elapsed}: with a reply when {@code failure} is null, else with that failure. */
    void called(Duration elapsed, LlmFailure.Kind failure);

    /** The token counts the endpoint reported for one reply (null when it reported none). */
    default void tokens(Integer input, Integer output) {
    }

    /** The circuit breaker moved to {@code state}. */
    default void circuit(Circuit state) {
    }
}
