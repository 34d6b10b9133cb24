package fr.preuve.indexer.source;

import static fr.preuve.indexer.source.golden.GoldenFiles.demo;
import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.moduleDir;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.doc.PublicationType;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.search.Filters;
import fr.preuve.indexer.source.bdpm.BdpmOpinionSource;
import fr.preuve.indexer.source.has.HasApiXmlSource;
import fr.preuve.indexer.source.pubmed.PubMedXmlSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The publication type derived from real documents of each source, as the type filter sees it. */
class PublicationTypeTest {

    @ParameterizedTest
    @CsvSource({
            "pubmed-29768149.xml, 29768149, rct",   // Clinical Trial, Phase III; Randomized Controlled Trial; Journal Article
            "pubmed1.xml, 12091962, review",        // Journal Article; Review
            "pubmed1.xml, 9997, article",           // Journal Article
            "pubmed4.xml, 27797938, article"})      // Journal Article; Observational Study
    void pubmedArticlesFromTheirMedlineTypes(String file, String pmid, String type) {
        List<SourceDocument> docs = documents(readAll(new PubMedXmlSource(moduleDir().resolve("src/test/resources/pubmed/" + file))));
        SourceDocument doc = docs.stream().filter(d -> d.id().nativeId().equals(pmid)).findFirst().orElseThrow();
        assertThat(PublicationType.of(doc).key()).isEqualTo(type);
    }

    @Test
    void hasRecommendationsAreGuidelinesAndTransparencyOpinionsDrugOpinions() {
        List<SourceDocument> has = documents(readAll(new HasApiXmlSource(demo("has/has_rest_RecommandationVaccinale_page0.xml"))));
        assertThat(has).hasSize(2).allSatisfy(d -> assertThat(PublicationType.of(d)).isEqualTo(PublicationType.GUIDELINE));
        List<SourceDocument> opinions = documents(readAll(new BdpmOpinionSource(demo("bdpm"), new BdpmOpinionSource.Options(null, 3))));
        assertThat(opinions).hasSize(3).allSatisfy(d -> assertThat(PublicationType.of(d)).isEqualTo(PublicationType.DRUG_OPINION));
    }

    @Test
    void filterValuesAreCheckedAndNamed() {
        assertThat(PublicationType.fromKey(" RCT ")).isEqualTo(PublicationType.RCT);
        assertThatThrownBy(() -> PublicationType.fromKey("editorial"))
                .hasMessageContaining("unknown publication type 'editorial'").hasMessageContaining("guideline");
        assertThatThrownBy(() -> Filters.parse(List.of(), List.of(), null, null, List.of("trial")))
                .hasMessageContaining("unknown publication type 'trial'");
    }
}
