package fr.preuve.indexer.pipeline;

import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Indexes a corpus in its own process, for {@link CrashResumeTest} to kill: {@code IndexMain CORPUS INDEX_DIR BATCH
 * COMMIT_EVERY}. Prints the report summary when done.
 */
public final class IndexMain {
    private IndexMain() {
    }

    public static void main(String[] args) throws Exception {
        CorpusConfig corpus = CorpusConfig.load(Path.of(args[0]));
        try (OnnxBatchEmbedder embedder = Embedders.forIndexing();
             PassageIndex index = PassageIndex.openForWriting(Path.of(args[1]))) {
            IndexReport report = new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), ProgressListener.NONE,
                    Integer.parseInt(args[2]), Integer.parseInt(args[3])).run(corpus, false);
            System.out.println(report.summary());
        }
    }
}
