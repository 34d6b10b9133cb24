package fr.preuve.server.metrics;

import fr.preuve.core.llm.LlmFailure;
import fr.preuve.core.llm.LlmObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts one gateway's model calls by outcome ({@code ok} or the failure's kind), times them, adds up the tokens the
 * endpoint reports, and shows its circuit breaker's state (0 closed, 1 half-open, 2 open).
 */
final class LlmMetrics implements LlmObserver {
    private final MeterRegistry registry;
    private final String gateway;
    private final AtomicInteger circuit = new AtomicInteger();

    LlmMetrics(MeterRegistry registry, String gateway) {
        this.registry = registry;
        this.gateway = gateway;
    }

    @Override
    public void called(Duration elapsed, LlmFailure.Kind failure) {
        String outcome = failure == null ? "ok" : failure.key();
        Counter.builder("preuve.llm.calls").description("Calls to the model, by outcome")
                .tag("gateway", gateway).tag("outcome", outcome).register(registry).increment();
        if (failure != null) {
            Counter.builder("preuve.llm.failures").description("Model calls that failed, by kind")
                    .tag("gateway", gateway).tag("kind", failure.key()).register(registry).increment();
        }
        Timer.builder("preuve.llm.call.duration").description("Time of a model call")
                .tag("gateway", gateway).tag("outcome", failure == null ? "ok" : "failed")
                .serviceLevelObjectives(Metrics.BUCKETS).register(registry).record(elapsed);
    }

    @Override
    public void tokens(Integer input, Integer output) {
        tokens("input", input);
        tokens("output", output);
    }

    private void tokens(String type, Integer count) {
        if (count != null && count > 0) {
            Counter.builder("preuve.llm.tokens").description("Tokens the endpoint reported, prompt (input) and reply")
                    .tag("gateway", gateway).tag("type", type).register(registry).increment(count);
        }
    }

    @Override
    public void circuit(Circuit state) {
        circuit.set(state.ordinal());
        // registered once a gateway exists: without a model there is no circuit to show
        Gauge.builder("preuve.llm.circuit.state", circuit, AtomicInteger::get)
                .description("The model gateway's circuit breaker: 0 closed, 1 half-open, 2 open")
                .tag("gateway", gateway).strongReference(true).register(registry);
    }
}
