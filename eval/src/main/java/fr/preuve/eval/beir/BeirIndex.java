package fr.preuve.eval.beir;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.DocumentOutcome;
import fr.preuve.indexer.pipeline.IndexReport;
import fr.preuve.indexer.pipeline.Indexer;
import fr.preuve.indexer.pipeline.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds, or brings up to date, the index of a BEIR corpus with Preuve's {@link Indexer}. */
public final class BeirIndex {
    private BeirIndex() {
    }

    /**
     * What the evaluation reports about the index.
     *
     * @param seconds  time of this indexing run (near 0 when the index was already up to date)
     * @param upToDate true when nothing had to be (re-)indexed
     */
    public record Info(String name, String dir, String corpusVersion, String model, int documents, int passages,
                       double seconds, boolean upToDate) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("dir", dir);
            m.put("corpusVersion", corpusVersion);
            m.put("model", model);
            m.put("documents", documents);
            m.put("passages", passages);
            m.put("indexSeconds", Math.round(seconds * 10) / 10.0);
            m.put("upToDate", upToDate);
            return m;
        }
    }

    /**
     * Indexes {@code dataset}'s corpus into {@code dir} (incrementally: unchanged documents are not re-embedded). Fails
     * if any document could not be indexed, since metrics over a partial corpus would mislead.
     */
    public static Info build(BeirDataset dataset, Path dir, Embedder embedder, ProgressListener listener) {
        CorpusConfig corpus = BeirSource.corpusConfig(dataset);
        IndexReport report;
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            report = new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), listener).run(corpus, false);
            if (!report.failures().isEmpty()) {
                throw new IllegalStateException(report.failures().size() + " document(s) of " + dataset.corpus()
                        + " could not be indexed, e.g. " + report.failures().stream().limit(3)
                        .map(DocumentOutcome.Failed::toString).collect(Collectors.joining("; ")));
            }
            IndexCounts counts = index.counts();
            CorpusState state = CorpusState.from(index.commitData());
            if (counts.documents() != dataset.corpusIds().size()) {
                throw new IllegalStateException("the index at " + dir + " holds " + counts.documents()
                        + " documents but " + dataset.corpus() + " has " + dataset.corpusIds().size());
            }
            return new Info(corpus.name(), dir.toString(), state.version(), state.model(), counts.documents(),
                    counts.passages(), report.seconds(), report.upToDate() || report.added() + report.changed() == 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
