package fr.preuve.server.metrics;

import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.pipeline.IndexState;
import fr.preuve.indexer.pipeline.ProgressListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The indexing job's progress as gauges (the state, one series per state at 1 or 0; documents read, passages done
 * and expected) and its runs as counters (by outcome, {@code done} or {@code failed}, and the items they skipped).
 */
public final class IndexingMetrics implements ProgressListener {
    private final MeterRegistry registry;
    private final AtomicReference<IndexProgress> latest = new AtomicReference<>(IndexProgress.idle("no run yet"));

    IndexingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (IndexState s : IndexState.values()) {
            Gauge.builder("preuve.indexing.state", latest, l -> l.get().state() == s ? 1 : 0)
                    .description("1 for the indexing job's current state").tag("state", s.key()).strongReference(true).register(registry);
        }
        Gauge.builder("preuve.indexing.documents.read", latest, l -> l.get().documentsRead())
                .description("Documents read by the current or last run").register(registry);
        Gauge.builder("preuve.indexing.passages.done", latest, l -> l.get().passagesDone())
                .description("Passages embedded and written by the current or last run").register(registry);
        Gauge.builder("preuve.indexing.passages.expected", latest, l -> l.get().passagesTotal())
                .description("Passages the current or last run has to embed").register(registry);
        runs("done");
        runs("failed");
        runs("cancelled");
    }

    @Override
    public void onProgress(IndexProgress progress) {
        IndexProgress before = latest.getAndSet(progress);
        boolean newRun = !before.state().over() || !Objects.equals(before.startedAt(), progress.startedAt());
        if (progress.state().over() && newRun) {
            runs(progress.state() == IndexState.DONE ? "done"
                    : progress.state() == IndexState.CANCELLED ? "cancelled" : "failed").increment();
            Counter.builder("preuve.indexing.skipped.items").description("Items indexing runs could not read")
                    .register(registry).increment(progress.failures());
        }
    }

    private Counter runs(String outcome) {
        return Counter.builder("preuve.indexing.runs").description("Indexing runs that ended, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
