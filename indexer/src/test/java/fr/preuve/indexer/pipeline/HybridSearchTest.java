package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchHit;
import fr.preuve.core.search.SearchQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid search over a real mixed corpus: an English WHO PDF and two French HAS recommendations. */
class HybridSearchTest {

    @TempDir
    static Path tmp;
    static PassageIndex index;
    static HybridSearcher searcher;

    @BeforeAll
    static void build() {
        index = PassageIndex.openForWriting(tmp.resolve("index"));
        DemoData.index(index, DemoData.corpus(tmp.resolve("cfg"), DemoData.smallCorpusYaml()));
        searcher = new HybridSearcher(index, DemoData.embedder(), SearchSettings.defaults());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private List<SearchHit> search(String q, Filters f, Retriever r, Integer maxPerDoc) {
        return searcher.search(new SearchQuery(q, 10, f, r, maxPerDoc)).hits();
    }

    @Test
    void findsTheRightDocumentInEachLanguage() {
        assertThat(search("how much salt per day should adults eat", Filters.NONE, Retriever.HYBRID, null).getFirst()
                .passage().docId()).hasToString("who:WHO-EM-NUT-282-E");
        assertThat(search("vaccination des femmes enceintes contre la Covid-19", Filters.NONE, Retriever.HYBRID, null)
                .getFirst().passage().docId()).hasToString("has:p_3240117");
        assertThat(search("quels professionnels de santé peuvent administrer le vaccin", Filters.NONE, Retriever.HYBRID, null)
                .getFirst().passage().docId()).hasToString("has:p_3240075");
    }

    @Test
    void frenchQuestionsFindEnglishEvidenceThroughTheBridgeAndEnglishOnesFrenchEvidence() {
        HybridSearcher monolingual = new HybridSearcher(index, DemoData.embedder(), SearchSettings.defaults(),
                fr.preuve.core.crosslingual.QueryBridge.NONE);
        String fr = "Quelle quantité maximale de sel par jour chez l'adulte pour prévenir l'hypertension ?";
        List<SearchHit> bridged = search(fr, Filters.NONE, Retriever.HYBRID, null);
        assertThat(bridged.getFirst().passage().docId()).hasToString("who:WHO-EM-NUT-282-E");
        assertThat(bridged.getFirst().crossBm25Rank()).isEqualTo(1);
        assertThat(bridged.getFirst().passage().text()).containsIgnoringCase("salt");
        SearchHit alone = monolingual.search(new SearchQuery(fr, 10, Filters.NONE, Retriever.HYBRID, null)).hits().getFirst();
        assertThat(alone.crossBm25Rank()).isNull();
        // the bridge's English query is what finds it: BM25 alone on the French words gives French passages first
        assertThat(monolingual.search(new SearchQuery(fr, 10, Filters.NONE, Retriever.BM25, null)).hits().getFirst()
                .passage().language()).isEqualTo("fr");
        assertThat(search(fr, Filters.NONE, Retriever.BM25, null).getFirst().passage().docId())
                .hasToString("who:WHO-EM-NUT-282-E");

        List<SearchHit> en = search("Which pregnant women should be vaccinated against COVID-19?", Filters.NONE,
                Retriever.HYBRID, null);
        assertThat(en.stream().limit(3).map(h -> h.passage().docId().toString())).contains("has:p_3240117");
        assertThat(en).anySatisfy(h -> assertThat(h.crossBm25Rank()).isNotNull());
    }

    @Test
    void theIndexVocabularyKnowsEachLanguagesWordsAndTheirNeighbours() {
        var v = searcher.vocabulary();
        assertThat(v.docFreq("en", "salt")).isPositive();
        assertThat(v.docFreq("en", "paludisme")).isZero();
        assertThat(v.docFreq("fr", "vaccination")).isPositive();
        assertThat(v.closest("en", "hypertensio", 0.6)).hasValueSatisfying(s -> assertThat(s.term()).startsWith("hypertens"));
        assertThat(v.closest("en", "zzzzzzzz", 0.6)).isEmpty();
    }

    @Test
    void filtersBySourceLanguageAndYear() {
        String q = "vaccination and healthy diet recommendations";
        assertThat(search(q, new Filters(Set.of(SourceKind.HAS), Set.of(), null, null), Retriever.HYBRID, null))
                .isNotEmpty().allSatisfy(h -> assertThat(h.passage().source()).isEqualTo(SourceKind.HAS));
        assertThat(search(q, new Filters(Set.of(), Set.of("en"), null, null), Retriever.HYBRID, null))
                .isNotEmpty().allSatisfy(h -> assertThat(h.passage().language()).isEqualTo("en"));
        assertThat(search(q, new Filters(Set.of(), Set.of(), 2020, 2022), Retriever.HYBRID, null))
                .isNotEmpty().allSatisfy(h -> assertThat(h.passage().year()).isBetween(2020, 2022));
        assertThat(search(q, new Filters(Set.of(SourceKind.PUBMED), Set.of(), null, null), Retriever.HYBRID, null)).isEmpty();
        assertThat(search(q, new Filters(Set.of(SourceKind.WHO), Set.of("fr"), null, null), Retriever.VECTOR, null)).isEmpty();
        // WHO leaflets and HAS recommendations are guidelines; this corpus holds no trial report.
        assertThat(search(q, new Filters(Set.of(), Set.of(), null, null, Set.of(fr.preuve.core.doc.PublicationType.GUIDELINE)), Retriever.HYBRID, null))
                .hasSameSizeAs(search(q, Filters.NONE, Retriever.HYBRID, null));
        assertThat(search(q, new Filters(Set.of(), Set.of(), null, null, Set.of(fr.preuve.core.doc.PublicationType.RCT, fr.preuve.core.doc.PublicationType.REVIEW)), Retriever.HYBRID, null)).isEmpty();
    }

    @Test
    void capsPassagesPerDocument() {
        List<SearchHit> hits = search("vaccin Covid-19 priorisation", Filters.NONE, Retriever.HYBRID, 1);
        assertThat(hits).extracting(h -> h.passage().docId().toString()).doesNotHaveDuplicates();
        assertThat(search("vaccin Covid-19 priorisation", Filters.NONE, Retriever.HYBRID, 2).stream()
                .filter(h -> h.passage().docId().toString().equals("has:p_3240117")).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void fusesBm25AndVectorRanksByReciprocalRank() {
        List<SearchHit> hybrid = search("sugar intake and dental caries", Filters.NONE, Retriever.HYBRID, 10);
        SearchSettings s = SearchSettings.defaults();
        for (SearchHit h : hybrid) {
            double expected = (h.bm25Rank() == null ? 0 : s.bm25Weight() / (s.rrfK() + h.bm25Rank()))
                    + (h.vectorRank() == null ? 0 : s.vectorWeight() / (s.rrfK() + h.vectorRank()));
            assertThat(h.score()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(hybrid).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(search("sugar intake and dental caries", Filters.NONE, Retriever.BM25, 10))
                .allSatisfy(h -> assertThat(h.vector()).isNull()).allSatisfy(h -> assertThat(h.bm25()).isNotNull());
        assertThat(search("sugar intake and dental caries", Filters.NONE, Retriever.VECTOR, 10))
                .allSatisfy(h -> assertThat(h.bm25()).isNull())
                .allSatisfy(h -> assertThat(h.vector()).isBetween(-1.0, 1.0));
    }

    @Test
    void pagesAndSectionsSurviveTheRoundTrip() {
        SearchHit top = search("free sugars less than 10% of total energy intake", Filters.NONE, Retriever.HYBRID, null).getFirst();
        assertThat(top.passage().page()).isNotNull().isPositive();
        assertThat(top.passage().title()).isEqualTo("Healthy diet");
        assertThat(index.passage(top.passage().id())).contains(top.passage());
    }
}
