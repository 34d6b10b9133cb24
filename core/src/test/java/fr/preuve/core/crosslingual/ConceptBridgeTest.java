package fr.preuve.core.crosslingual;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.text.Folding;
import fr.preuve.core.verify.DrugLexicon;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lexical bridge on real clinicians' wording, with the shipped term table and drug lexicon, checked against the
 * vocabulary of real corpus sentences (WHO malaria guidelines p. 203, a HAS opinion on empagliflozin).
 */
class ConceptBridgeTest {

    /** WHO guidelines for malaria (2023), p. 203. */
    static final String WHO_P203 = "Studies of pharmacokinetics show that a loading dose of quinine (20 mg salt/kg bw, "
            + "twice the maintenance dose) provides therapeutic plasma concentrations within 4 h. The maintenance dose of "
            + "quinine (10 mg salt/ kg bw) is administered at 8-h intervals, starting 8 h after the first dose. "
            + "Severe malaria in children; bacterial meningitis and anaemia are frequent; tuberculosis.";
    /** HAS, avis de la Commission de la transparence, JARDIANCE (empagliflozine). */
    static final String HAS_JARDIANCE = "Le service médical rendu par JARDIANCE (empagliflozine) est important dans "
            + "le traitement de l'insuffisance cardiaque chronique symptomatique à fraction d'éjection réduite chez les "
            + "patients adultes.";

    /** Words of real text, analysed as a Preuve index does (English stems, French light stems). */
    static final class TextVocabulary implements Vocabulary {
        private final Set<String> en = new HashSet<>();
        private final Set<String> fr = new HashSet<>();

        TextVocabulary(String english, String french) {
            for (Words.Word w : Words.of(english, "en")) {
                en.add(Words.englishStem(w.text()));
            }
            for (Words.Word w : Words.of(french, "fr")) {
                fr.add(w.folded());
            }
        }

        @Override
        public long docFreq(String lang, String word) {
            return "en".equals(lang) ? (en.contains(Words.englishStem(word)) ? 1 : 0)
                    : (fr.contains(Folding.fold(word)) ? 1 : 0);
        }

        @Override
        public Optional<Similar> closest(String lang, String word, double minSimilarity) {
            return Optional.empty();
        }
    }

    private final ConceptBridge bridge = ConceptBridge.standard(new TextVocabulary(WHO_P203, HAS_JARDIANCE));

    @Test
    void multiWordTermsAndDrugsAreRenderedAndFramingIsLeftOut() {
        BridgedQuery q = bridge.bridge("Je suis pharmacien : quelle dose de charge de quinine l'OMS recommande-t-elle "
                + "dans le paludisme grave ?", "fr", "en");
        assertThat(q.concepts()).extracting(Concept::source)
                .containsSubsequence("dose de charge", "quinine", "paludisme grave")
                .noneMatch(s -> s.equalsIgnoreCase("pharmacien") || s.equalsIgnoreCase("OMS")
                        || s.startsWith("recommande") || s.equalsIgnoreCase("quelle"));
        Concept dose = q.concepts().stream().filter(c -> c.source().equals("dose de charge")).findFirst().orElseThrow();
        assertThat(dose.origin()).isEqualTo(Origin.TERM_TABLE);
        assertThat(dose.alternatives()).contains("loading dose");
        assertThat(q.concepts()).filteredOn(c -> c.source().equals("paludisme grave"))
                .singleElement().satisfies(c -> assertThat(c.alternatives()).contains("severe malaria"));
        assertThat(q.concepts()).filteredOn(c -> c.source().equals("quinine")).singleElement()
                .satisfies(c -> assertThat(c.origin()).isEqualTo(Origin.DRUG_LEXICON));
        assertThat(q.rendering()).contains("loading dose").contains("quinine").contains("severe malaria");
        assertThat(q.unknown()).isEmpty();
    }

    @Test
    void inflectedFormsMatchThroughLemmas() {
        BridgedQuery q = bridge.bridge("Chez les insuffisants cardiaques, les insuffisances rénales ?", "fr", "en");
        assertThat(q.concepts()).anySatisfy(c -> assertThat(c.alternatives()).contains("renal failure"));
    }

    @Test
    void englishQuestionsAreRenderedInFrenchForFrenchDocuments() {
        BridgedQuery q = bridge.bridge("What actual benefit did HAS give empagliflozin in chronic heart failure?",
                "en", "fr");
        assertThat(q.concepts()).anySatisfy(c -> assertThat(c.alternatives()).contains("insuffisance cardiaque"));
        assertThat(q.concepts()).filteredOn(c -> c.origin() == Origin.DRUG_LEXICON).singleElement()
                .satisfies(c -> assertThat(c.alternatives().get(0)).isEqualTo("empagliflozine"));
        assertThat(q.concepts()).extracting(Concept::source).noneMatch(s -> s.equalsIgnoreCase("what")
                || s.equalsIgnoreCase("HAS") || s.equalsIgnoreCase("did"));
    }

    @Test
    void spellingRulesOnlyGiveWordsTheTargetCorpusHas() {
        assertThat(Cognates.toEnglish("meningite")).contains("meningitis");
        assertThat(Cognates.toEnglish("anemie")).contains("anemia", "anaemia");
        assertThat(Cognates.toEnglish("tuberculose")).contains("tuberculosis");
        assertThat(Cognates.toFrench("meningitis")).contains("meningite");
        ConceptBridge noTable = new ConceptBridge(emptyTable(), DrugLexicon.standard(),
                new TextVocabulary(WHO_P203, HAS_JARDIANCE));
        BridgedQuery q = noTable.bridge("méningite et anémie, tuberculose, zygomycose", "fr", "en");
        assertThat(q.concepts()).filteredOn(c -> c.origin() == Origin.COGNATE).extracting(c -> c.alternatives().get(0))
                .containsExactly("meningitis", "anaemia", "tuberculosis");
        assertThat(q.unknown()).containsExactly("zygomycose");
    }

    @Test
    void aSameLanguageBridgeIsEmpty() {
        assertThat(bridge.bridge("paludisme grave", "fr", "fr").isEmpty()).isTrue();
    }

    @Test
    void numbersPassThrough() {
        BridgedQuery q = bridge.bridge("20 mg/kg de quinine", "fr", "en");
        assertThat(q.concepts()).filteredOn(c -> c.origin() == Origin.NUMBER).extracting(Concept::source).contains("20");
    }

    @Test
    void theShippedTableHasItsDocumentedShape() {
        TermTable t = TermTable.standard();
        assertThat(t.entries()).hasSizeGreaterThan(1_000);
        assertThat(t.entries()).allSatisfy(e -> {
            assertThat(e.french()).isNotEmpty();
            assertThat(e.english()).isNotEmpty();
            assertThat(TermTable.CATEGORIES).contains(e.category());
        });
        Set<String> seen = new HashSet<>();
        List<String> repeated = t.entries().stream().flatMap(e -> e.french().stream())
                .filter(f -> !seen.add(f.toLowerCase(java.util.Locale.ROOT))).toList();
        assertThat(repeated).as("French variants on two lines").isEmpty();
    }

    @Test
    void badTableLinesAreRejectedWithTheirLineNumber() {
        var bad = "# comment\nparaludisme\tmalaria\tdisease\nfoo\tbar\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TermTable.read(new java.io.StringReader(bad), "t.tsv"))
                .hasMessageContaining("t.tsv, line 3").hasMessageContaining("3 tab-separated columns");
        var category = "sel\tsalt\tcondiment\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TermTable.read(new java.io.StringReader(category), "t.tsv"))
                .hasMessageContaining("line 1").hasMessageContaining("unknown category 'condiment'");
    }

    private static TermTable emptyTable() {
        try {
            return TermTable.read(new java.io.StringReader(""), "empty");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
