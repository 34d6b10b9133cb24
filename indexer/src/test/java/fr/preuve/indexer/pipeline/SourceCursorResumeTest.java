package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.DocumentEntry;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.fetch.ReplayServer;
import fr.preuve.indexer.fetch.ReplayServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paged network source (PubMed through the replayed E-utilities: one esearch, three efetch batches of 8 ids giving
 * 2, 2 and 1 articles) indexed in runs that stop early: the Lucene commit holds the source's cursor, and the next run
 * asks only for the batches from that cursor on and ends with exactly the documents of a clean run.
 */
class SourceCursorResumeTest {

    static final Path RES = Path.of("src/test/resources").toAbsolutePath();
    static final Path ESEARCH = RES.resolve("replay/esearch1.xml");
    static final List<Path> BATCHES = List.of(RES.resolve("pubmed/pubmed1.xml"), RES.resolve("pubmed/pubmed2.xml"),
            RES.resolve("pubmed/pubmed4.xml"));
    static final String XML = "text/xml; charset=UTF-8";

    @TempDir
    Path tmp;

    final ReplayServer server = new ReplayServer();
    List<String> ids;
    CorpusConfig corpus;

    @BeforeEach
    void routes() throws Exception {
        ids = Pattern.compile("<Id>(\\d+)</Id>").matcher(Files.readString(ESEARCH)).results().map(m -> m.group(1)).toList();
        server.route("/eutils/esearch.fcgi", Reply.file(ESEARCH, XML));
        server.route("/eutils/efetch.fcgi", r -> Reply.file(BATCHES.get(retstart(r) / 8), XML));
        corpus = DemoData.corpus(tmp.resolve("cfg"), """
                name: paged
                sources:
                  - type: pubmed-search
                    name: biopython
                    term: biopython
                    batch: 8
                    baseUrl: %s/eutils/
                    allowedHosts: [127.0.0.1]
                    email: librarian@example.org
                    licence: NLM terms
                """.formatted(server.base()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    int retstart(ReplayServer.Request r) {
        return ids.indexOf(r.param("id").split(",")[0]);
    }

    /** The retstart of each efetch and "esearch" for each search, in order. */
    List<String> requested() {
        return server.requests().stream().filter(r -> r.path().startsWith("/eutils/"))
                .map(r -> r.path().endsWith("esearch.fcgi") ? "esearch" : "efetch " + retstart(r)).toList();
    }

    static Map<String, String> cursor(PassageIndex index) {
        return SourceCursors.from(index.commitData()).of("biopython");
    }

    IndexReport run(PassageIndex index, Embedder embedder) {
        return new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), p -> {
        }, 4, 4).run(corpus, false);
    }

    /** What a clean run indexes (once for the class: every test serves the same recorded answers). */
    private static List<DocumentEntry> clean;

    List<DocumentEntry> cleanRun() {
        if (clean != null) {
            return clean;
        }
        try (PassageIndex index = PassageIndex.openForWriting(tmp.resolve("clean"))) {
            assertThat(run(index, new IndexerTest.CountingEmbedder()).failures()).isEmpty();
            assertThat(cursor(index)).as("a source read to its end leaves no cursor").isEmpty();
            clean = index.documentEntries();
            return clean;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aBatchThatFailsLeavesTheCursorInTheCommitAndTheNextRunFetchesFromThere() throws Exception {
        List<DocumentEntry> clean = cleanRun();
        server.clearLog();
        server.script("/eutils/efetch.fcgi", Reply.file(BATCHES.getFirst(), XML), Reply.status(404));
        Path dir = tmp.resolve("index");
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            IndexReport first = run(index, new IndexerTest.CountingEmbedder());

            assertThat(first.failures()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo("efetch retstart=8"));
            assertThat(index.counts().documents()).isEqualTo(2);
            assertThat(cursor(index)).containsEntry("retstart", "8").containsKeys("query", "search");
        }
        server.clearLog();
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            IndexReport second = run(index, new IndexerTest.CountingEmbedder());

            assertThat(second.failures()).isEmpty();
            assertThat(requested()).as("no new search, nor the first batch again").containsExactly("efetch 8", "efetch 16");
            assertThat(second.added()).isEqualTo(3);
            assertThat(second.deleted()).isZero();
            assertThat(index.documentEntries()).containsExactlyInAnyOrderElementsOf(clean);
            assertThat(cursor(index)).isEmpty();
            assertThat(CorpusState.from(index.commitData()).complete()).isTrue();
        }
    }

    @Test
    void aCrashAfterACheckpointResumesFromTheCursorOfTheDocumentsItHolds() throws Exception {
        List<DocumentEntry> clean = cleanRun();
        // The run dies in the embedder once the first batch's two articles and one more batch of passages are in.
        int firstBatchPassages = clean.stream().filter(e -> List.of("pubmed:12091962", "pubmed:9997").contains(e.id()))
                .mapToInt(DocumentEntry::passages).sum();
        Path dir = tmp.resolve("index");
        server.clearLog();
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            Embedder real = IndexerTest.HASHING; // the model id the resumed run's CountingEmbedder reports
            Embedder dying = new Embedder() {
                int seen;

                @Override
                public List<float[]> embedAll(List<String> texts) {
                    if (seen >= firstBatchPassages + 4) {
                        throw new IllegalStateException("killed");
                    }
                    seen += texts.size();
                    return real.embedAll(texts);
                }

                @Override
                public float[] embedQuery(String query) {
                    return real.embedQuery(query);
                }

                @Override
                public int dimension() {
                    return real.dimension();
                }

                @Override
                public String modelId() {
                    return real.modelId();
                }
            };
            assertThatThrownBy(() -> run(index, dying)).hasMessage("killed");
        }
        assertThat(requested()).containsExactly("esearch", "efetch 0", "efetch 8", "efetch 16");
        Map<String, String> cursor;
        try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
            assertThat(CorpusState.from(index.commitData()).complete()).isFalse();
            cursor = cursor(index);
            assertThat(cursor.get("retstart")).isIn("8", "16");
            assertThat(index.documentEntries()).extracting(DocumentEntry::id).contains("pubmed:12091962", "pubmed:9997")
                    .hasSizeLessThan(clean.size());
        }
        server.clearLog();
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            IndexReport resumed = run(index, new IndexerTest.CountingEmbedder());

            assertThat(resumed.failures()).isEmpty();
            int from = Integer.parseInt(cursor.get("retstart"));
            assertThat(requested()).as("only the batches from the committed cursor on")
                    .containsExactlyElementsOf(from == 8 ? List.of("efetch 8", "efetch 16") : List.of("efetch 16"));
            assertThat(index.documentEntries()).as("nothing lost, nothing duplicated").containsExactlyInAnyOrderElementsOf(clean);
            assertThat(index.counts().passages()).isEqualTo(clean.stream().mapToInt(DocumentEntry::passages).sum());
            assertThat(cursor(index)).isEmpty();
        }
    }
}
