package fr.preuve.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.testing.TestEmbedders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real claim/evidence pairs: MedHallu item 58 (eval/datasets/support) and a sentence of WHO's malaria guidelines. */
class DefaultSupportJudgeTest {
    /** Quoted from WHO's malaria guidelines (who:WHO-UCN-GMP-2023.01-Rev.1, also gold text of fr-demo.jsonl). */
    private static final String WHO = "Parenteral artesunate is the treatment of choice for all severe malaria.";

    private static Embedder embedder;
    private static DefaultSupportJudge judge;

    @BeforeAll
    static void load() {
        embedder = TestEmbedders.shipped(); // the JVM's shared model
        judge = new DefaultSupportJudge(embedder);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    /** claim and evidence of one judgement of eval/datasets/support/medhallu-dev.jsonl. */
    private static List<Object> medhallu(String id) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("eval/datasets/support"))) {
            root = root.getParent();
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(root.resolve("eval/datasets/support/medhallu-dev.jsonl"),
                StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(line);
            if (n.get("id").asText().equals(id)) {
                List<String> evidence = new ArrayList<>();
                n.get("evidence").forEach(e -> evidence.add(e.asText()));
                return List.of(n.get("claim").asText(), evidence);
            }
        }
        throw new AssertionError("no judgement " + id);
    }

    @SuppressWarnings("unchecked")
    private static SupportJudge.Judgement judgeRow(String id) throws IOException {
        List<Object> row = medhallu(id);
        return judge.judge((String) row.get(0), (List<String>) row.get(1));
    }

    @Test
    void medHalluGroundTruthIsSupported() throws IOException {
        SupportJudge.Judgement j = judgeRow("medhallu-dev-0058-truth");
        assertThat(j.supported()).as(j.reason()).isTrue();
        assertThat(j.score()).isGreaterThanOrEqualTo(Defaults.SUPPORT_MIN_SIMILARITY);
        assertThat(j.reason()).matches("similarity 0\\.\\d\\d and \\d+ % of \\d+ content words found; reaches threshold "
                + String.format(java.util.Locale.ROOT, "%.2f", Defaults.SUPPORT_MIN_SIMILARITY));
    }

    @Test
    void medHalluHallucinationIsNotSupported() throws IOException {
        // "Men would likely appreciate the beauty of a rose..." against an abstract on breast cancer screening
        SupportJudge.Judgement j = judgeRow("medhallu-dev-0058-hallucinated");
        assertThat(j.supported()).as(j.reason()).isFalse();
        assertThat(j.score()).isLessThan(Defaults.SUPPORT_MIN_SIMILARITY);
        assertThat(j.reason()).contains("under");
    }

    @Test
    void onTopicFabricationsCitingARealPassageAreNotSupported() {
        // WHO healthy-diet leaflet (WHO-EM/NUT/282/E), p. 9: the passage an answer about salt would cite
        String salt = "LIMIT SALT INTAKE\nKeeping salt intake to less than 5 g per day helps prevent hypertension and "
                + "reduces the risk of heart disease and stroke in the adult population (6).\n2025 GOALS\nWHO Member "
                + "States have agreed to reduce the global population's intake of salt by 30% and halt the rise in "
                + "diabetes and obesity in adults and adolescents as well as in childhood overweight by 2025 (7,8,9).";
        for (String fabricated : List.of("Eating more salt improves memory in older adults.",
                "Salt is recommended to treat dementia in older adults.",
                "Salt intake has no effect on blood pressure.")) {
            SupportJudge.Judgement j = judge.judge(fabricated, List.of(salt));
            assertThat(j.supported()).as(fabricated + ": " + j.reason()).isFalse();
        }
        SupportJudge.Judgement faithful = judge.judge(
                "Keeping salt intake under 5 g per day helps prevent hypertension in adults.", List.of(salt));
        assertThat(faithful.supported()).as(faithful.reason()).isTrue();
    }

    @Test
    void frenchParaphraseOfEnglishEvidenceIsSupportedOnSimilarityAlone() {
        String claim = "Une dose unique de primaquine de 0,25 mg/kg est recommandée pour réduire la transmission de "
                + "P. falciparum.";
        String evidence = "A single low dose of primaquine (0.25 mg/kg bw) should be added to artemisinin-based "
                + "combination therapy to reduce the transmission of P. falciparum malaria.";
        DefaultSupportJudge.Features f = judge.features(claim, List.of(evidence));
        assertThat(f.crossLanguage()).isTrue();
        assertThat(f.lexical()).isNaN();
        SupportJudge.Judgement j = judge.judge(claim, List.of(evidence));
        assertThat(j.supported()).as(j.reason()).isTrue();
        assertThat(j.reason()).contains("different languages: similarity only");
    }

    @Test
    void unrelatedClaimsAreNotSupported() {
        SupportJudge.Judgement fr = judge.judge(
                "Les statines réduisent le risque de fibrillation auriculaire après pontage coronarien.", List.of(WHO));
        assertThat(fr.supported()).as(fr.reason()).isFalse();
        SupportJudge.Judgement en = judge.judge(
                "Statins reduce the risk of atrial fibrillation after coronary artery bypass grafting.", List.of(WHO));
        assertThat(en.supported()).as(en.reason()).isFalse();
        assertThat(en.reason()).contains("but only 0 % of").contains("content words found (under 35 %)");
        assertThat(en.score()).isEqualTo(0.0);
    }

    @Test
    void verbatimClaimScoresOneAndCitationsAreIgnored() {
        SupportJudge.Judgement j = judge.judge(WHO + " [1]", List.of("Severe malaria. " + WHO + " Other text."));
        assertThat(j.supported()).isTrue();
        assertThat(j.score()).isGreaterThan(0.99);
        assertThat(j.reason()).contains("100 % of 6 content words found");
        assertThat(judge.judge("[2, 3]", List.of(WHO)).reason()).isEqualTo("no claim text once citations are removed");
    }

    @Test
    void evidenceUnitsAreSentencesPairsAndWholePassages() {
        assertThat(DefaultSupportJudge.units(List.of("One here. Two here. Three here.", "Alone.")))
                .containsExactly("One here.", "One here. Two here.", "Two here.", "Two here. Three here.", "Three here.",
                        "One here. Two here. Three here.", "Alone.");
    }

    @Test
    void contentWordsAreStemmedFoldedAndWithoutStopWords() {
        assertThat(ContentWords.of("The patients were treated with 0.25 mg/kg of primaquine.", "en"))
                .containsExactly("patient", "treat", "0.25", "mg", "kg", "primaquin");
        assertThat(ContentWords.of("Les patientes ont été traitées par l'artésunate à 2,4 mg/kg.", "fr"))
                .containsExactly("patient", "trait", "artesunat", "2,4", "mg", "kg");
    }

    @Test
    void badInputsFailFast() {
        assertThatThrownBy(() -> judge.judge("A claim.", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evidence must not be empty");
        assertThatThrownBy(() -> new DefaultSupportJudge.Settings(1.2, 0.2, 0.7))
                .hasMessageContaining("minSimilarity must be in [0, 1], got 1.2");
        assertThatThrownBy(() -> new DefaultSupportJudge.Settings(0.7, Double.NaN, 0.7))
                .hasMessageContaining("minLexicalShare");
        assertThat(judge.name()).isEqualTo("default-v1");
    }
}
