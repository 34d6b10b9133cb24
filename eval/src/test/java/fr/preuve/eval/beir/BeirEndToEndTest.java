package fr.preuve.eval.beir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.testing.TestEmbedders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on a real SciFact subset: the first 30 judged test queries, their relevant abstracts and 300 other
 * abstracts (every 17th of the corpus), written as a BEIR directory, indexed by Preuve's Indexer, ranked with BM25,
 * vectors and hybrid. About 360 documents and 500 passages: under a minute on 2 cores.
 */
class BeirEndToEndTest {
    static final int QUERIES = 30;
    static final int DISTRACTORS = 300;

    @TempDir
    static Path tmp;

    static BeirDataset subset;
    static BeirIndex.Info info;
    static RetrievalEvaluation.Result result;
    static List<String> progress = new ArrayList<>();

    @BeforeAll
    static void buildAndEvaluate() throws IOException {
        BeirDataset full = BeirDataset.load(BeirDatasetTest.SCIFACT, "test");
        Path dir = tmp.resolve("scifact-subset");
        writeSubset(full, dir);
        subset = BeirDataset.load(dir, "test");
        Path indexDir = tmp.resolve("home/indexes").resolve(BeirSource.indexName(subset.name()));
        try (Embedder embedder = TestEmbedders.shipped()) {
            info = BeirIndex.build(subset, indexDir, embedder, p -> {
            });
            BeirIndex.Info again = BeirIndex.build(subset, indexDir, embedder, p -> {
            });
            assertThat(again.upToDate()).as("a second build reuses the index").isTrue();
            assertThat(again.corpusVersion()).isEqualTo(info.corpusVersion());
        }
        try (Embedder embedder = TestEmbedders.shipped(); PassageIndex index = PassageIndex.openReadOnly(indexDir)) {
            HybridSearcher searcher = new HybridSearcher(index, embedder, SearchSettings.defaults());
            result = RetrievalEvaluation.run(subset, searcher, null, info.toMap(), progress::add);
            RetrievalEvaluation.Result again = RetrievalEvaluation.run(subset, searcher, 10, info.toMap(), line -> {
            });
            assertThat(again.n()).isEqualTo(10);
        }
    }

    static void writeSubset(BeirDataset full, Path dir) throws IOException {
        List<String> queries = full.judgedQueries().subList(0, QUERIES);
        Set<String> keep = new LinkedHashSet<>();
        for (String q : queries) {
            keep.addAll(full.qrels().get(q).keySet());
        }
        Set<String> relevant = new HashSet<>(keep);
        int i = 0;
        int distractors = 0;
        for (String id : full.corpusIds()) {
            if (i++ % 17 == 0 && !relevant.contains(id) && distractors < DISTRACTORS) {
                keep.add(id);
                distractors++;
            }
        }
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(dir.resolve("qrels"));
        List<String> corpus = new ArrayList<>();
        BeirDataset.forEachDocument(full.corpus(), d -> {
            if (keep.contains(d.id())) {
                corpus.add(json.createObjectNode().put("_id", d.id()).put("title", d.title()).put("text", d.text()).toString());
            }
        });
        Files.write(dir.resolve("corpus.jsonl"), corpus);
        List<String> qs = new ArrayList<>();
        List<String> rows = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
        for (String q : queries) {
            qs.add(json.createObjectNode().put("_id", q).put("text", full.queries().get(q)).toString());
            full.qrels().get(q).forEach((d, g) -> rows.add(q + "\t" + d + "\t" + g));
        }
        Files.write(dir.resolve("queries.jsonl"), qs);
        Files.write(dir.resolve("qrels/test.tsv"), rows);
    }

    @Test
    void subsetIsIndexedByTheIndexerWithOneDocumentPerAbstract() {
        assertThat(subset.queries()).hasSize(QUERIES);
        assertThat(info.documents()).isEqualTo(subset.corpusIds().size()).isGreaterThan(DISTRACTORS + QUERIES);
        assertThat(info.passages()).isGreaterThanOrEqualTo(info.documents());
        assertThat(info.name()).isEqualTo("beir-scifact-subset");
    }

    @Test
    void hybridRanksRelevantAbstractsFarAboveChance() {
        // Chance: about one relevant abstract among ~360, so random nDCG@10 is near 0.02.
        assertThat(result.n()).isEqualTo(QUERIES);
        assertThat(result.value("hybrid", "ndcg@10")).isGreaterThan(0.6);
        assertThat(result.value("bm25", "ndcg@10")).isGreaterThan(0.5);
        assertThat(result.value("vector", "ndcg@10")).isGreaterThan(0.5);
        assertThat(result.value("hybrid", "recall@100")).isGreaterThan(0.9);
        assertThat(result.retrievers().get("hybrid").get("ndcg@10").n()).isEqualTo(QUERIES);
        assertThat(progress).anyMatch(l -> l.contains("hybrid") && l.contains("30/30"));
        assertThat(BeirReport.table(result)).contains("bm25", "vector", "hybrid", "ndcg@10");
    }

    @Test
    void jsonHasTheDocumentedKeys() throws IOException {
        Path file = tmp.resolve("out/result.json");
        result.write(file);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.fieldNames()).toIterable().containsExactly("dataset", "split", "n", "retrievers", "index", "latency");
        assertThat(root.get("dataset").asText()).isEqualTo("scifact-subset");
        assertThat(root.get("split").asText()).isEqualTo("test");
        assertThat(root.get("n").asInt()).isEqualTo(QUERIES);
        assertThat(root.get("retrievers").fieldNames()).toIterable().containsExactly("bm25", "vector", "hybrid");
        for (JsonNode r : root.get("retrievers")) {
            assertThat(r.fieldNames()).toIterable().containsExactly("ndcg@10", "recall@10", "recall@100", "mrr@10");
            for (JsonNode m : r) {
                assertThat(m.fieldNames()).toIterable().containsExactly("value", "n", "ci95");
                assertThat(m.get("ci95")).hasSize(2);
                assertThat(m.get("ci95").get(0).asDouble()).isLessThanOrEqualTo(m.get("value").asDouble());
                assertThat(m.get("ci95").get(1).asDouble()).isGreaterThanOrEqualTo(m.get("value").asDouble());
            }
        }
        assertThat(root.get("index").get("documents").asInt()).isEqualTo(info.documents());
        assertThat(root.get("index").has("corpusVersion")).isTrue();
        assertThat(root.get("latency").get("hybrid").get("p95").asDouble()).isPositive();
    }
}
