package fr.preuve.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.llm.CircuitBreakingGateway;
import fr.preuve.core.llm.LlmFailure;
import fr.preuve.core.llm.LlmObserver;
import fr.preuve.core.llm.Prompt;
import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.pipeline.IndexState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The meters of model calls and indexing runs, over the real circuit breaker and a Prometheus registry. */
class MetricsTest {
    static final Prompt PROMPT = new Prompt("", "Which dose?", "answer-v2");

    @Test
    void modelCallsAreCountedByOutcomeWithTheirTokensAndTheCircuitState() {
        Metrics metrics = Metrics.prometheus();
        LlmObserver observer = metrics.llm("answer");
        AtomicInteger calls = new AtomicInteger();
        CircuitBreakingGateway gateway = new CircuitBreakingGateway((prompt, onToken) -> {
            if (calls.incrementAndGet() == 1) {
                observer.tokens(120, 30);
                return "Two tablets [1].";
            }
            throw new LlmFailure(LlmFailure.Kind.TIMEOUT, "no reply");
        }, 2, Duration.ofMinutes(5), observer);

        assertThat(gateway.chat(PROMPT, t -> { })).isEqualTo("Two tablets [1].");
        String closed = metrics.scrape().orElseThrow();
        assertThat(closed).contains("preuve_llm_circuit_state{gateway=\"answer\"} 0.0");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> gateway.chat(PROMPT, t -> { })).isInstanceOf(LlmFailure.class);
        }
        String m = metrics.scrape().orElseThrow();
        assertThat(m).contains("preuve_llm_calls_total{gateway=\"answer\",outcome=\"ok\"} 1.0")
                .contains("preuve_llm_calls_total{gateway=\"answer\",outcome=\"timeout\"} 2.0")
                .contains("preuve_llm_calls_total{gateway=\"answer\",outcome=\"circuit_open\"} 1.0")
                .contains("preuve_llm_failures_total{gateway=\"answer\",kind=\"timeout\"} 2.0")
                .contains("preuve_llm_tokens_total{gateway=\"answer\",type=\"input\"} 120.0")
                .contains("preuve_llm_tokens_total{gateway=\"answer\",type=\"output\"} 30.0")
                .contains("preuve_llm_circuit_state{gateway=\"answer\"} 2.0")
                .contains("preuve_llm_call_duration_seconds_count{gateway=\"answer\",outcome=\"failed\"} 3")
                .doesNotContain("Which dose");
    }

    @Test
    void indexingRunsAreCountedOnceEachAndTheGaugesFollowTheProgress() {
        Metrics metrics = Metrics.prometheus();
        Instant first = Instant.parse("2026-11-22T08:00:00Z");
        Instant second = first.plusSeconds(60);
        metrics.indexing().onProgress(new IndexProgress(IndexState.EMBEDDING, "has", 3, 40, 100, 1, 5, 12, first, ""));
        String running = metrics.scrape().orElseThrow();
        assertThat(running).contains("preuve_indexing_state{state=\"embedding\"} 1.0")
                .contains("preuve_indexing_passages_done 40.0").contains("preuve_indexing_passages_expected 100.0");
        metrics.indexing().onProgress(new IndexProgress(IndexState.DONE, null, 3, 100, 100, 1, 0, 0, first, ""));
        metrics.indexing().onProgress(new IndexProgress(IndexState.DONE, null, 3, 100, 100, 1, 0, 0, first, ""));
        metrics.indexing().onProgress(new IndexProgress(IndexState.FAILED, null, 0, 0, 0, 0, 0, -1, second, ""));
        String m = metrics.scrape().orElseThrow();
        assertThat(m).contains("preuve_indexing_runs_total{outcome=\"done\"} 1.0")
                .contains("preuve_indexing_runs_total{outcome=\"failed\"} 1.0")
                .contains("preuve_indexing_skipped_items_total 1.0")
                .contains("preuve_indexing_state{state=\"failed\"} 1.0")
                .contains("preuve_indexing_state{state=\"embedding\"} 0.0");
    }
}
