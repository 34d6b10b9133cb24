package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.testing.HashingEmbedder;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {

    /** The embedder under the counting one: what these tests count and compare does not depend on the model. */
    static final Embedder HASHING = new HashingEmbedder();

    /** Counts what is sent to the embedder ({@link #HASHING}), to prove unchanged documents are not re-embedded. */
    static final class CountingEmbedder implements Embedder {
        final AtomicInteger embedded = new AtomicInteger();
        final String modelId;

        CountingEmbedder() {
            this(HASHING.modelId());
        }

        CountingEmbedder(String modelId) {
            this.modelId = modelId;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            embedded.addAndGet(texts.size());
            return HASHING.embedAll(texts);
        }

        @Override
        public float[] embedQuery(String query) {
            return HASHING.embedQuery(query);
        }

        @Override
        public int dimension() {
            return HASHING.dimension();
        }

        @Override
        public String modelId() {
            return modelId;
        }
    }

    @TempDir
    Path tmp;

    private IndexReport run(PassageIndex index, CorpusConfig corpus, CountingEmbedder embedder, boolean force,
                            List<IndexProgress> progress) {
        return new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), progress::add, 16, 32).run(corpus, force);
    }

    @Test
    void indexesIncrementallyAndRecordsVersions() throws Exception {
        CorpusConfig corpus = DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml());
        CountingEmbedder embedder = new CountingEmbedder();
        List<IndexProgress> progress = new ArrayList<>();
        try (PassageIndex index = PassageIndex.openForWriting(tmp.resolve("index"))) {
            IndexReport first = run(index, corpus, embedder, false, progress);
            assertThat(first.failures()).isEmpty();
            assertThat(first.added()).isEqualTo(3);
            assertThat(first.passagesWritten()).isEqualTo(embedder.embedded.get()).isGreaterThan(20);
            assertThat(index.counts().perSource()).containsOnlyKeys("who", "has");
            assertThat(index.counts().perSource().get("has").documents()).isEqualTo(2);
            CorpusState state = CorpusState.from(index.commitData());
            assertThat(state.complete()).isTrue();
            assertThat(state.version()).isEqualTo(first.corpusVersion()).startsWith("small-");
            // Progress went through reading and embedding to done, with a rate.
            assertThat(progress).extracting(IndexProgress::state).contains(IndexState.READING, IndexState.EMBEDDING, IndexState.DONE);
            assertThat(progress.getLast().passagesDone()).isEqualTo(first.passagesWritten());

            // Same declaration and files: nothing is read again.
            IndexReport second = run(index, corpus, embedder, false, progress);
            assertThat(second.upToDate()).isTrue();
            assertThat(second.corpusVersion()).isEqualTo(first.corpusVersion());

            // Forced: everything read, nothing re-embedded, same version.
            int before = embedder.embedded.get();
            IndexReport forced = run(index, corpus, embedder, true, progress);
            assertThat(forced.unchanged()).isEqualTo(3);
            assertThat(forced.added() + forced.changed()).isZero();
            assertThat(embedder.embedded.get()).isEqualTo(before);
            assertThat(forced.corpusVersion()).isEqualTo(first.corpusVersion());

            // A source removed from the declaration: its documents are deleted and the version changes.
            CorpusConfig whoOnly = DemoData.corpus(tmp.resolve("cfg2"), DemoData.smallCorpusYaml()
                    .replaceAll("(?s)  - type: has-api-xml.*", ""));
            IndexReport third = run(index, whoOnly, embedder, false, progress);
            assertThat(third.deleted()).isEqualTo(2);
            assertThat(index.counts().perSource()).containsOnlyKeys("who");
            assertThat(index.document("has:p_3240117")).isEmpty();
            assertThat(third.corpusVersion()).isNotEqualTo(first.corpusVersion());
        }
    }

    @Test
    void aPlanSaysWhatARunWouldDoAndDatesItsProgressByTheGivenClock() {
        CorpusConfig corpus = DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml());
        Instant at = Instant.parse("2024-03-01T09:30:00Z");
        List<IndexProgress> progress = new ArrayList<>();

        IndexPlan plan = Indexer.plan(corpus, tmp.resolve("index"),
                Map.of("who:WHO-EM-NUT-282-E", "an older hash", "has:gone", "any"), progress::add,
                Clock.fixed(at, ZoneOffset.UTC));

        assertThat(plan.added()).hasSize(2).allSatisfy(id -> assertThat(id).startsWith("has:"));
        assertThat(plan.changed()).containsExactly("who:WHO-EM-NUT-282-E");
        assertThat(plan.removed()).containsExactly("has:gone");
        assertThat(plan.kept()).isEmpty();
        assertThat(plan.failures()).isEmpty();
        assertThat(progress).isNotEmpty().allSatisfy(p -> {
            assertThat(p.state()).isEqualTo(IndexState.READING);
            assertThat(p.startedAt()).isEqualTo(at);
        });
    }

    @Test
    void aNewEmbeddingModelReEmbedsEverythingAndStillRemovesUndeclaredDocuments() throws Exception {
        try (PassageIndex index = PassageIndex.openForWriting(tmp.resolve("index"))) {
            IndexReport first = run(index, DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml()),
                    new CountingEmbedder(), false, new ArrayList<>());
            CountingEmbedder other = new CountingEmbedder("another-model");
            CorpusConfig whoOnly = DemoData.corpus(tmp.resolve("cfg2"), DemoData.smallCorpusYaml()
                    .replaceAll("(?s)  - type: has-api-xml.*", ""));
            IndexReport second = run(index, whoOnly, other, false, new ArrayList<>());
            assertThat(second.changed()).isEqualTo(1);
            assertThat(second.deleted()).isEqualTo(2);
            assertThat(other.embedded.get()).isEqualTo(second.passagesWritten()).isPositive();
            assertThat(CorpusState.from(index.commitData()).model()).isEqualTo("another-model");
            assertThat(second.corpusVersion()).isNotEqualTo(first.corpusVersion());
            // Back to the first declaration with new vectors: the content is the same but the version still differs.
            IndexReport third = run(index, DemoData.corpus(tmp.resolve("cfg3"), DemoData.smallCorpusYaml()), other, false,
                    new ArrayList<>());
            assertThat(third.added()).isEqualTo(2);
            assertThat(third.corpusVersion()).isNotEqualTo(first.corpusVersion()).isNotEqualTo(second.corpusVersion());
        }
    }

    @Test
    void badFilesAreReportedAndSkippedAndNothingIsLost() throws Exception {
        Path corrupt = tmp.resolve("corrupt.pdf");
        Files.write(corrupt, "%PDF-1.7 this is not really a PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path empty = tmp.resolve("empty.xml");
        Files.createFile(empty);
        CountingEmbedder embedder = new CountingEmbedder();
        try (PassageIndex index = PassageIndex.openForWriting(tmp.resolve("index"))) {
            run(index, DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml()), embedder, false, new ArrayList<>());
            String broken = DemoData.smallCorpusYaml().replaceAll("(?s)  - type: has-api-xml.*", "") + """
                      - type: who-pdf
                        path: %s
                        title: A corrupt file
                      - type: has-api-xml
                        path: %s
                    """.formatted(corrupt, empty);
            IndexReport report = run(index, DemoData.corpus(tmp.resolve("cfg2"), broken), embedder, false, new ArrayList<>());
            assertThat(report.failures()).hasSize(2);
            assertThat(report.failures()).extracting(DocumentOutcome.Failed::location)
                    .anySatisfy(l -> assertThat(l).contains("corrupt.pdf"))
                    .anySatisfy(l -> assertThat(l).contains("empty.xml"));
            // The HAS documents are no longer declared, but a failure happened: they are kept, not deleted.
            assertThat(report.deleted()).isZero();
            assertThat(report.kept()).isEqualTo(2);
            assertThat(index.document("has:p_3240117")).isPresent();
            assertThat(index.document("who:WHO-EM-NUT-282-E")).isPresent();
        }
    }

    @Test
    void documentsAreReplacedAsAWholeWithStablePassageIds() throws Exception {
        CorpusConfig corpus = DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml());
        try (PassageIndex a = PassageIndex.openForWriting(tmp.resolve("a"))) {
            run(a, corpus, new CountingEmbedder(), false, new ArrayList<>());
            List<String> idsA = a.passagesOf("has:p_3240117").stream().map(p -> p.id() + "@" + p.start()).toList();
            try (PassageIndex b = PassageIndex.openForWriting(tmp.resolve("b"))) {
                run(b, corpus, new CountingEmbedder(), false, new ArrayList<>());
                List<String> idsB = b.passagesOf("has:p_3240117").stream().map(p -> p.id() + "@" + p.start()).toList();
                assertThat(idsA).isNotEmpty().isEqualTo(idsB);
                assertThat(idsA.getFirst()).startsWith("has:p_3240117#0@0");
            }
            // Passage offsets point into the stored document text.
            var doc = a.document("has:p_3240117").orElseThrow();
            for (var p : a.passagesOf("has:p_3240117")) {
                assertThat(doc.text().substring(p.start(), p.end())).isEqualTo(p.text());
            }
            assertThat(doc.passageCount()).isEqualTo(a.passagesOf("has:p_3240117").size());
            assertThat(doc.url()).isEqualTo("https://www.has-sante.fr/jcms/p_3240117");
        }
    }
}
