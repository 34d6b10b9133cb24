package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.ModelMismatchException;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchQuery;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus whose embedding model changes: every document is embedded again, checkpoints keep naming the previous
 * model until the run completes (so a crash cannot leave old vectors under the new model's name), a model of another
 * dimension starts the index over, and searches refuse a query model that is not the index's.
 */
class ModelChangeTest {

    /**
     * The real model's vectors, transformed: {@code copies} concatenated copies (another dimension) or the vector
     * negated (another model, same dimension); fails after {@code failAfter} texts when positive.
     */
    static final class DerivedEmbedder implements Embedder {
        final String modelId;
        final int copies;
        final boolean negate;
        final int failAfter;
        final AtomicInteger embedded = new AtomicInteger();

        DerivedEmbedder(String modelId, int copies, boolean negate, int failAfter) {
            this.modelId = modelId;
            this.copies = copies;
            this.negate = negate;
            this.failAfter = failAfter;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            if (failAfter > 0 && embedded.get() + texts.size() > failAfter) {
                throw new IllegalStateException("simulated crash after " + embedded.get() + " texts");
            }
            embedded.addAndGet(texts.size());
            return DemoData.embedder().embedAll(texts).stream().map(this::derive).toList();
        }

        @Override
        public float[] embedQuery(String query) {
            return derive(DemoData.embedder().embedQuery(query));
        }

        private float[] derive(float[] v) {
            float[] out = new float[v.length * copies];
            float scale = (float) ((negate ? -1 : 1) / Math.sqrt(copies));
            for (int c = 0; c < copies; c++) {
                for (int i = 0; i < v.length; i++) {
                    out[c * v.length + i] = v[i] * scale;
                }
            }
            return out;
        }

        @Override
        public int dimension() {
            return DemoData.embedder().dimension() * copies;
        }

        @Override
        public String modelId() {
            return modelId;
        }
    }

    @TempDir
    Path tmp;

    private IndexReport run(PassageIndex index, CorpusConfig corpus, Embedder embedder, ProgressListener listener) {
        return new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), listener, 16, 32).run(corpus, false);
    }

    @Test
    void aCrashWhileReEmbeddingLeavesThePreviousModelRecordedAndTheNextRunRedoesEveryDocument() throws Exception {
        CorpusConfig corpus = DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml());
        Path dir = tmp.resolve("index");
        String first = DemoData.embedder().modelId();
        int passages;
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            passages = run(index, corpus, DemoData.embedder(), p -> { }).passagesWritten();
        }
        List<String> recorded = new ArrayList<>();
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            DerivedEmbedder crashing = new DerivedEmbedder("negated", 1, true, 40);
            assertThatThrownBy(() -> run(index, corpus, crashing,
                    p -> recorded.add(CorpusState.from(index.commitData()).model())))
                    .hasMessageContaining("simulated crash");
            assertThat(crashing.embedded.get()).isEqualTo(32);
        } // closing drops what was not committed, as a crash would
        assertThat(recorded).as("the checkpoint still names the model of the vectors not yet redone")
                .isNotEmpty().containsOnly(first);
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            CorpusState afterCrash = CorpusState.from(index.commitData());
            assertThat(afterCrash.complete()).isFalse();
            assertThat(afterCrash.model()).isEqualTo(first);

            DerivedEmbedder negated = new DerivedEmbedder("negated", 1, true, 0);
            IndexReport resumed = run(index, corpus, negated, p -> { });
            assertThat(resumed.changed()).as("every document is redone, not only those after the checkpoint")
                    .isEqualTo(3);
            assertThat(resumed.passagesWritten()).isEqualTo(passages);
            assertThat(resumed.reused()).as("vectors computed before the crash come from the cache").isEqualTo(32);
            assertThat(negated.embedded.get()).isEqualTo(passages - 32);
            assertThat(CorpusState.from(index.commitData()).model()).isEqualTo("negated");

            HybridSearcher right = new HybridSearcher(index, negated, SearchSettings.defaults());
            assertThat(right.search(new SearchQuery("salt intake", 3, null, Retriever.HYBRID, null)).hits()).isNotEmpty();
            HybridSearcher wrong = new HybridSearcher(index, DemoData.embedder(), SearchSettings.defaults());
            assertThatThrownBy(() -> wrong.search(new SearchQuery("salt intake", 3, null, Retriever.VECTOR, null)))
                    .isInstanceOf(ModelMismatchException.class)
                    .hasMessageContaining("holds vectors of embedding model 'negated' but queries are embedded with '"
                            + first + "'")
                    .hasMessageContaining("preuve index");
            assertThat(wrong.search(new SearchQuery("salt intake", 3, null, Retriever.BM25, null)).hits())
                    .as("BM25 needs no vectors").isNotEmpty();
        }
    }

    @Test
    void aModelOfAnotherDimensionStartsTheIndexOver() throws Exception {
        CorpusConfig corpus = DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml());
        try (PassageIndex index = PassageIndex.openForWriting(tmp.resolve("index"))) {
            IndexReport first = run(index, corpus, DemoData.embedder(), p -> { });
            assertThat(index.vectorDimension()).hasValue(384);

            DerivedEmbedder wide = new DerivedEmbedder("wide", 2, false, 0);
            IndexReport second = run(index, corpus, wide, p -> { });
            assertThat(second.failures()).isEmpty();
            assertThat(second.passagesWritten()).isEqualTo(first.passagesWritten());
            assertThat(wide.embedded.get()).isEqualTo(first.passagesWritten());
            assertThat(index.vectorDimension()).hasValue(768);
            assertThat(index.counts().documents()).isEqualTo(3);
            assertThat(index.counts().passages()).isEqualTo(first.passagesWritten());
            HybridSearcher searcher = new HybridSearcher(index, wide, SearchSettings.defaults());
            assertThat(searcher.search(new SearchQuery("how much salt per day should adults eat", 3, null,
                    Retriever.VECTOR, null)).hits().getFirst().passage().docId()).hasToString("who:WHO-EM-NUT-282-E");

            IndexReport third = run(index, corpus, wide, p -> { });
            assertThat(third.upToDate()).isTrue();
        }
    }
}
