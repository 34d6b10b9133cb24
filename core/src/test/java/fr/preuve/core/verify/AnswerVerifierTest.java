package fr.preuve.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.answer.Verdict;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.testing.TestEmbedders;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verification chain with the real judge and lexicon, on a real WHO malaria passage (English) and French claims. */
class AnswerVerifierTest {

    /** WHO guidelines for malaria (2023), severe malaria, artesunate dosing. */
    static final Passage WHO = new Passage("who:WHO-UCN-GMP-2023.01-Rev.1#170", DocumentId.of(SourceKind.WHO,
            "WHO-UCN-GMP-2023.01-Rev.1"), 170, "WHO guidelines for malaria", null, 195, "en", "2023", null, 0, 300,
            "Children weighing < 20 kg should receive a higher dose of artesunate (3 mg/kg bw per dose) than larger "
                    + "children and adults (2.4 mg/kg bw per dose) to ensure equivalent exposure to the drug.");

    static Embedder embedder;
    static AnswerVerifier verifier;

    @BeforeAll
    static void load() {
        embedder = TestEmbedders.shipped(); // the JVM's shared model
        verifier = new AnswerVerifier(new DefaultSupportJudge(embedder), DrugLexicon.standard());
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    static AnswerVerifier.Checked check(String answer) {
        return verifier.verify(Citations.parse(answer), List.of(WHO), "fr").get(0);
    }

    @Test
    void aFaithfulFrenchSentenceCitingTheEnglishPassageIsSupported() {
        AnswerVerifier.Checked c = check("Les enfants de moins de 20 kg doivent recevoir une dose plus élevée "
                + "d'artésunate (3 mg/kg par dose) que les enfants plus grands et les adultes (2,4 mg/kg par dose) [1].");
        assertThat(c.verdict()).as(c.reason()).isEqualTo(Verdict.SUPPORTED);
        assertThat(c.reason()).contains("[1]");
    }

    @Test
    void aChangedDoseIsUnsupportedAndNamed() {
        AnswerVerifier.Checked c = check("Les adultes doivent recevoir 3,4 mg/kg d'artésunate par dose [1].");
        assertThat(c.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(c.reason()).startsWith("3,4 mg/kg").contains("absent du passage cité [1]");
    }

    @Test
    void aDrugTheCitedPassageNeverNamesIsUnsupported() {
        AnswerVerifier.Checked c = check("Les enfants de moins de 20 kg doivent recevoir de la quinine à 3 mg/kg par dose [1].");
        assertThat(c.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(c.reason()).contains("médicament absent").contains("quinine");
    }

    @Test
    void citingAPassageThatWasNotGivenIsInvalidAndUncitedIsUnsupported() {
        assertThat(check("L'artésunate est dosé à 2,4 mg/kg chez l'adulte [4].").verdict()).isEqualTo(Verdict.INVALID_CITATION);
        assertThat(check("L'artésunate est dosé à 2,4 mg/kg chez l'adulte.").reason()).startsWith("aucune citation");
    }
}
