package fr.preuve.eval.bench;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.IndexReport;
import fr.preuve.indexer.pipeline.Indexer;
import fr.preuve.indexer.pipeline.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Builds a corpus index from scratch in a fresh directory and reports time, throughput and peak heap. */
public final class IndexBenchmark {
    private IndexBenchmark() {
    }

    /** The results, with a printable table. */
    public record Result(String corpus, String model, IndexCounts counts, IndexReport report, double seconds,
                         double peakHeapMiB) {
        public String table() {
            return String.format(Locale.ROOT, """
                    | corpus | documents | passages | build time | passages/s | peak heap used |
                    |---|---|---|---|---|---|
                    | %s | %d | %d | %.0f s (%.1f min) | %.1f | %.0f MiB |

                    Model %s; build time covers reading, chunking, embedding and writing (one commit every 512 passages).
                    Failures: %d.
                    """, corpus, counts.documents(), counts.passages(), seconds, seconds / 60, counts.passages() / seconds,
                    peakHeapMiB, model, report.failures().size());
        }
    }

    public static Result run(CorpusConfig corpus, Path freshDir, Embedder embedder, ProgressListener progress) {
        try (HeapSampler heap = new HeapSampler(); PassageIndex index = PassageIndex.openForWriting(freshDir)) {
            if (index.counts().documents() > 0) {
                throw new IllegalArgumentException("the benchmark needs an empty directory, " + freshDir + " holds an index");
            }
            long t0 = System.nanoTime();
            IndexReport report = new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), progress).run(corpus, true);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(corpus.name(), embedder.modelId(), index.counts(), report, seconds, heap.peakMiB());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
