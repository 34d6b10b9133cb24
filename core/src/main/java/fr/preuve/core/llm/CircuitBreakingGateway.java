package fr.preuve.core.llm;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Stops calling an endpoint that keeps failing: after {@code failures} consecutive failures, calls fail at once with
 * {@link LlmFailure.Kind#CIRCUIT_OPEN} for {@code open}, then one trial call decides whether to close again
 * (Failsafe's circuit breaker). Each call's outcome and the breaker's state go to an {@link LlmObserver}.
 */
public final class CircuitBreakingGateway implements ChatGateway {

    private final ChatGateway delegate;
    private final CircuitBreaker<String> breaker;
    private final LlmObserver observer;

    public CircuitBreakingGateway(ChatGateway delegate, int failures, Duration open) {
        this(delegate, failures, open, LlmObserver.NONE);
    }

    public CircuitBreakingGateway(ChatGateway delegate, int failures, Duration open, LlmObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
        this.breaker = CircuitBreaker.<String>builder()
                .handle(LlmFailure.class)
                .withFailureThreshold(failures)
                .withDelay(open)
                .onOpen(e -> observer.circuit(LlmObserver.Circuit.OPEN))
                .onHalfOpen(e -> observer.circuit(LlmObserver.Circuit.HALF_OPEN))
                .onClose(e -> observer.circuit(LlmObserver.Circuit.CLOSED))
                .build();
        observer.circuit(LlmObserver.Circuit.CLOSED);
    }

    @Override
    public String chat(Prompt prompt, Consumer<String> onToken) {
        long start = System.nanoTime();
        try {
            String reply = call(prompt, onToken);
            observer.called(Duration.ofNanos(System.nanoTime() - start), null);
            return reply;
        } catch (LlmFailure f) {
            observer.called(Duration.ofNanos(System.nanoTime() - start), f.kind());
            throw f;
        }
    }

    private String call(Prompt prompt, Consumer<String> onToken) {
        try {
            return Failsafe.with(breaker).get(() -> delegate.chat(prompt, onToken));
        } catch (CircuitBreakerOpenException e) {
            throw new LlmFailure(LlmFailure.Kind.CIRCUIT_OPEN, "the endpoint failed " + breaker.getFailureCount()
                    + " times in a row; calls are suspended for " + breaker.getRemainingDelay().toSeconds() + " s", e);
        } catch (FailsafeException e) {
            throw e.getCause() instanceof LlmFailure f ? f : LangChain4jGateway.classify(e.getCause());
        }
    }
}
