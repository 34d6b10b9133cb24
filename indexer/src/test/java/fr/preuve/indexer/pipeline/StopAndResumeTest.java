package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A librarian's cancel: the run stops at its next batch with what it wrote committed, and the next run resumes. */
class StopAndResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aStoppedRunCommitsWhatItWroteAndTheNextRunFinishesWithoutRedoingIt() throws Exception {
        CorpusConfig corpus = DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml());
        IndexReport whole;
        try (PassageIndex reference = PassageIndex.openForWriting(tmp.resolve("reference"))) {
            whole = new Indexer(reference, new IndexerTest.CountingEmbedder(), Chunker.defaults(), Clock.systemUTC(),
                    ProgressListener.NONE, 8, 10_000).run(corpus, false);
        }
        AtomicBoolean stop = new AtomicBoolean();
        IndexerTest.CountingEmbedder first = new IndexerTest.CountingEmbedder();
        IndexerTest.CountingEmbedder second = new IndexerTest.CountingEmbedder();
        try (PassageIndex index = PassageIndex.openForWriting(tmp.resolve("index"))) {
            ProgressListener stopHalfway = p -> {
                if (p.state() == IndexState.EMBEDDING && p.passagesDone() >= p.passagesTotal() / 2) {
                    stop.set(true); // asked while the run is embedding, as the librarian's button does
                }
            };
            Indexer stoppable = new Indexer(index, first, Chunker.defaults(), Clock.systemUTC(), stopHalfway, 8,
                    10_000, stop::get);
            assertThatThrownBy(() -> stoppable.run(corpus, false)).isInstanceOf(RunStopped.class)
                    .hasMessageContaining("committed").hasMessageContaining("resumes");
            int committed = index.counts().passages();
            assertThat(committed).as("the stop commits what it wrote, long before the 10,000-passage checkpoint")
                    .isPositive().isLessThan(whole.passagesWritten());
            assertThat(first.embedded.get()).isLessThan(whole.passagesWritten());

            IndexReport resumed = new Indexer(index, second, Chunker.defaults(), Clock.systemUTC(), ProgressListener.NONE,
                    8, 10_000).run(corpus, false);
            assertThat(resumed.failures()).isEmpty();
            assertThat(index.counts().passages()).isEqualTo(whole.passagesWritten());
            assertThat(index.counts().documents()).isEqualTo(whole.added());
            assertThat(second.embedded.get()).as("what the stopped run committed is not embedded again")
                    .isLessThanOrEqualTo(whole.passagesWritten() - committed + 8);
        }
    }
}
