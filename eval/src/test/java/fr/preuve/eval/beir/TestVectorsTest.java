package fr.preuve.eval.beir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.EmbeddingCache;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.testing.ForwardingEmbedder;
import fr.preuve.core.testing.HashingEmbedder;
import fr.preuve.core.testing.TestVectors;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.Indexer;
import fr.preuve.indexer.pipeline.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@link TestVectors} hold the real model's vector of every passage of the test corpora (the 1,000
 * PubMedQA demo abstracts, the smoke corpus, the SciFact subset of {@link BeirEndToEndTest}) and nothing else, and
 * they are still what the model gives. The passages are those Preuve's {@link Indexer} embeds, collected by indexing
 * each corpus with a recording embedder. With {@code -Dpreuve.testVectors.refresh=true} ({@code ./preuve
 * test-vectors}) it first embeds them all with the model and rewrites the file in the source tree.
 */
class TestVectorsTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final boolean REFRESH = Boolean.getBoolean("preuve.testVectors.refresh");

    @TempDir
    static Path tmp;

    static Set<String> passages;
    static Embedder model;
    static EmbeddingCache shipped;

    @BeforeAll
    static void collect() throws IOException {
        Recording recording = new Recording();
        index(recording, CorpusConfig.load(pubmedqa()), "pubmedqa");
        index(recording, CorpusConfig.load(ROOT.resolve("corpus-config/smoke.yaml")), "smoke");
        Path beir = tmp.resolve("scifact-subset");
        BeirEndToEndTest.writeSubset(BeirDataset.load(BeirDatasetTest.SCIFACT, "test"), beir);
        BeirIndex.build(BeirDataset.load(beir, "test"), tmp.resolve("beir-index"), recording, p -> {
        });
        passages = recording.texts;
        model = Embedders.forIndexing();
        if (REFRESH) {
            List<String> texts = new ArrayList<>(passages);
            List<float[]> vectors = model.embedAll(texts);
            Map<String, float[]> all = new LinkedHashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                all.put(texts.get(i), vectors.get(i));
            }
            TestVectors.write(ROOT.resolve(TestVectors.SOURCE), model.modelId(), model.dimension(), all);
            System.out.println("wrote " + all.size() + " vectors to " + TestVectors.SOURCE);
            shipped = TestVectors.open(ROOT.resolve(TestVectors.SOURCE), tmp.resolve("written"), model.modelId(),
                    model.dimension());
        } else {
            shipped = TestVectors.open(model.modelId(), model.dimension());
        }
    }

    @AfterAll
    static void close() throws IOException {
        shipped.close();
        model.close();
    }

    @Test
    void everyPassageOfTheTestCorporaHasItsVectorAndNoOtherIsShipped() {
        List<String> missing = passages.stream().filter(t -> shipped.get(t).isEmpty()).toList();
        assertThat(passages).hasSizeGreaterThan(4_500);
        assertThat(missing).as("passages without a shipped vector (refresh them: ./preuve test-vectors)").isEmpty();
        assertThat(shipped.size()).as("vectors shipped for passages no test corpus has (./preuve test-vectors)")
                .isEqualTo(passages.size());
    }

    @Test
    void theShippedVectorsAreTheModelsOwn() {
        List<String> sample = new ArrayList<>();
        int i = 0;
        for (String text : passages) {
            if (i++ % 250 == 0) {
                sample.add(text);
            }
        }
        List<float[]> live = model.embedAll(sample);
        for (int s = 0; s < sample.size(); s++) {
            float[] stored = shipped.get(sample.get(s)).orElseThrow();
            double dot = 0;
            double maxDiff = 0;
            for (int d = 0; d < stored.length; d++) {
                dot += stored[d] * live.get(s)[d];
                maxDiff = Math.max(maxDiff, Math.abs(stored[d] - live.get(s)[d]));
            }
            // float32 as computed; another CPU's kernels may change the last bits, not more
            assertThat(maxDiff).as("vector of %s", sample.get(s).substring(0, 40)).isLessThan(1e-4);
            assertThat(dot).isGreaterThan(0.9999);
        }
        assertThat(sample).hasSizeGreaterThan(10);
    }

    /** The PubMedQA demo abstracts alone, as the indexer's tests index them. */
    static Path pubmedqa() throws IOException {
        Path yaml = tmp.resolve("pubmedqa/corpus.yaml");
        Files.createDirectories(yaml.getParent());
        return Files.writeString(yaml, """
                name: pubmedqa
                sources:
                  - type: pubmedqa
                    path: %s
                """.formatted(ROOT.resolve("corpus-config/demo/pubmedqa/ori_pqal.json")), StandardCharsets.UTF_8);
    }

    static void index(Embedder embedder, CorpusConfig corpus, String name) {
        try (PassageIndex index = PassageIndex.openForWriting(tmp.resolve(name + "-index"))) {
            new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), ProgressListener.NONE).run(corpus, false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Records the passage texts it is asked to embed, and gives hashed vectors. */
    static final class Recording implements ForwardingEmbedder {
        final Set<String> texts = Collections.synchronizedSet(new LinkedHashSet<>());
        final HashingEmbedder vectors = new HashingEmbedder();

        @Override
        public Embedder delegate() {
            return vectors;
        }

        @Override
        public List<float[]> embedAll(List<String> batch) {
            texts.addAll(batch);
            return vectors.embedAll(batch);
        }
    }
}
