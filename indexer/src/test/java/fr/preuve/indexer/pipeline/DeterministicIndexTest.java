package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.index.IndexSchema;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.testing.HashingEmbedder;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same corpus indexed twice gives the same index: the same segments, hence the same HNSW graphs, hence the same
 * vector search results. Many small checkpoints make segments the writer must merge on the way.
 */
class DeterministicIndexTest {
    @TempDir
    Path tmp;

    @Test
    void theSameDocumentsInTheSameOrderGiveTheSameSegmentsAndTheSameNearestNeighbours() throws IOException {
        Path data = DemoData.pubmedqaSubset(tmp.resolve("data/pqal.json"), 0, 120, x -> {
        });
        CorpusConfig corpus = DemoData.corpus(tmp.resolve("cfg"), DemoData.pubmedqaYaml("same-twice", data));
        Built a = build(corpus, tmp.resolve("a"));
        Built b = build(corpus, tmp.resolve("b"));
        assertThat(a.segments()).as("documents per segment").hasSizeGreaterThan(1).isEqualTo(b.segments());
        assertThat(a.neighbours()).isEqualTo(b.neighbours());
        assertThat(a.neighbours()).hasSize(20).allSatisfy(ids -> assertThat(ids).hasSize(10));
    }

    private record Built(List<Integer> segments, List<List<String>> neighbours) {
    }

    private static Built build(CorpusConfig corpus, Path dir) throws IOException {
        HashingEmbedder embedder = new HashingEmbedder();
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), ProgressListener.NONE, 8, 16)
                    .run(corpus, false);
        }
        try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
            return index.withSearcher(searcher -> {
                List<Integer> segments = searcher.getIndexReader().leaves().stream()
                        .map(LeafReaderContext::reader).map(r -> r.maxDoc()).toList();
                List<List<String>> neighbours = new ArrayList<>();
                for (int q = 0; q < 20; q++) {
                    float[] v = embedder.embedQuery("question " + q + " about outcomes of surgery and therapy");
                    List<String> ids = new ArrayList<>();
                    try {
                        for (ScoreDoc d : searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, v, 10), 10)
                                .scoreDocs) {
                            ids.add(searcher.storedFields().document(d.doc).get(IndexSchema.ID));
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    neighbours.add(ids);
                }
                return new Built(segments, neighbours);
            });
        }
    }
}
