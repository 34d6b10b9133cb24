package fr.preuve.indexer.pipeline;

import java.time.Instant;
import java.util.List;

/** Counts, rate and ETA of the embedding phase of a run, reported as {@code embedding} snapshots. */
final class EmbeddingProgress {
    private final ProgressListener listener;
    private final Instant started;
    private final int total;
    private final int documents;
    private final List<DocumentOutcome.Failed> failures;
    private final long t0 = System.nanoTime();
    private int done;
    private int embedded;
    private int reused;

    /**
     * @param total     passages to embed in this run
     * @param documents documents read
     * @param failures  the run's failures so far (read live)
     */
    EmbeddingProgress(ProgressListener listener, Instant started, int total, int documents,
                      List<DocumentOutcome.Failed> failures) {
        this.listener = listener;
        this.started = started;
        this.total = total;
        this.documents = documents;
        this.failures = failures;
    }

    /** Passages to embed in this run. */
    int total() {
        return total;
    }

    /** Passages embedded or taken from the cache so far. */
    int doneCount() {
        return done;
    }

    /** Passages embedded by the model. */
    int embedded() {
        return embedded;
    }

    /** Passages whose vectors came from the cache. */
    int reused() {
        return reused;
    }

    /** Counts a batch: {@code fresh} passages embedded, {@code cached} from the cache. */
    void vectors(int fresh, int cached) {
        embedded += fresh;
        reused += cached;
    }

    /** Counts passages written or about to be. */
    void done(int passages) {
        done += passages;
    }

    /** Passages per second since embedding started. */
    double rate() {
        double secs = (System.nanoTime() - t0) / 1e9;
        return secs <= 0 ? 0 : done / secs;
    }

    void report() {
        double r = rate();
        long eta = r <= 0 ? -1 : Math.round((total - done) / r);
        listener.onProgress(new IndexProgress(IndexState.EMBEDDING, null, documents, done, total, failures.size(), r, eta, started,
                done + "/" + total + " passages embedded"));
    }
}
