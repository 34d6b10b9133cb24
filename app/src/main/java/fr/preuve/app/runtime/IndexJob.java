package fr.preuve.app.runtime;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.EmbedderFactory;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.pipeline.IndexReport;
import fr.preuve.indexer.pipeline.IndexState;
import fr.preuve.indexer.pipeline.Indexer;
import fr.preuve.indexer.pipeline.ProgressListener;
import fr.preuve.indexer.pipeline.RunStopped;
import fr.preuve.indexer.pipeline.StopSignal;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the indexer in the background while the server answers; keeps the latest progress for the status endpoint. */
public final class IndexJob implements ProgressListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexJob.class);

    private final AtomicReference<IndexProgress> latest = new AtomicReference<>(IndexProgress.idle("no run yet"));
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "preuve-indexer");
        t.setDaemon(true);
        return t;
    });
    private final ProgressListener console;
    private final EmbedderFactory embedders;
    private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();

    /** A job indexing with the ONNX models ({@link EmbedderFactory#onnx()}). */
    public IndexJob(ProgressListener console) {
        this(console, EmbedderFactory.onnx());
    }

    /** A job whose runs index with {@code embedders}' indexing embedder. */
    public IndexJob(ProgressListener console, EmbedderFactory embedders) {
        this.console = console;
        this.embedders = embedders;
    }

    /**
     * Starts a run in the background with a fresh indexing embedder of the corpus's model (closed when the run ends);
     * the returned future completes with its report.
     */
    public Future<IndexReport> start(Function<Embedder, Indexer> indexer, CorpusConfig corpus, boolean force) {
        stop.set(false);
        latest.set(new IndexProgress(IndexState.READING, null, 0, 0, 0, 0, 0, -1, null, "starting: loading the model"));
        return executor.submit(() -> {
            try (Embedder embedder = embedders.forIndexing(corpus.embedding())) {
                IndexReport report = indexer.apply(embedder).run(corpus, force);
                for (var f : report.failures()) {
                    LOG.warn("skipped {} ({}): {}", f.location(), f.source(), f.reason());
                }
                LOG.info("{}", report.summary());
                return report;
            } catch (RunStopped e) {
                IndexProgress prev = latest.get();
                onProgress(new IndexProgress(IndexState.CANCELLED, null, prev.documentsRead(), prev.passagesDone(),
                        prev.passagesTotal(), prev.failures(), 0, -1, prev.startedAt(), e.getMessage()));
                LOG.info("indexing {}", e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                IndexProgress prev = latest.get();
                onProgress(new IndexProgress(IndexState.FAILED, null, prev.documentsRead(), prev.passagesDone(),
                        prev.passagesTotal(), prev.failures(), 0, -1, prev.startedAt(), "indexing failed: " + e.getMessage()));
                LOG.error("indexing failed", e);
                throw e;
            }
        });
    }

    @Override
    public void onProgress(IndexProgress progress) {
        latest.set(progress);
        console.onProgress(progress);
    }

    public IndexProgress progress() {
        return latest.get();
    }

    /** What the indexer asks between batches: whether {@link #requestStop()} was called during this run. */
    public StopSignal stopSignal() {
        return stop::get;
    }

    /**
     * Asks the run in progress to stop at its next batch, committed (the next run resumes); false when no run is in
     * progress.
     */
    public boolean requestStop() {
        if (!latest.get().running()) {
            return false;
        }
        stop.set(true);
        return true;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop waiting; the caller sees the interrupt
        }
    }
}
