package fr.preuve.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.SourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerPromptTest {

    /** Real text: WHO healthy-diet leaflet (WHO-EM/NUT/282/E) p. 9, and the HAS recommendation p_3240117. */
    static final Passage WHO = new Passage("who:WHO-EM-NUT-282-E#9", DocumentId.of(SourceKind.WHO, "WHO-EM-NUT-282-E"), 9,
            "Healthy diet", null, 9, "en", "2019", "https://iris.who.int/", 0, 80,
            "Keeping salt intake to less than 5 g per day helps prevent hypertension.");
    static final Passage HAS = new Passage("has:p_3240117#2", DocumentId.of(SourceKind.HAS, "p_3240117"), 2,
            "Stratégie de vaccination contre la Covid-19", "Recommandations", null, "fr", "2021-03-02",
            "https://www.has-sante.fr/jcms/p_3240117", 0, 60,
            "La HAS recommande la vaccination des femmes enceintes à partir du 2e trimestre.");

    @Test
    void passagesAreNumberedFromOneWithTheirSourceLabels() {
        Prompt p = AnswerPrompt.standard().build("Quelle dose de sel ?", "fr", List.of(WHO, HAS));

        assertThat(p.version()).isEqualTo("answer-v1");
        assertThat(p.user()).contains("[1] (WHO / OMS, 2019, \"Healthy diet\", p. 9)\nKeeping salt intake")
                .contains("[2] (HAS, 2021, \"Stratégie de vaccination contre la Covid-19\", Recommandations)\nLa HAS")
                .endsWith("Question: Quelle dose de sel ?");
        assertThat(p.system()).contains("Answer in French")
                .contains("Aucune preuve trouvée dans le corpus pour répondre à cette question.")
                .contains("[1] or [1, 3]")
                .doesNotContain("{{");
    }

    @Test
    void anEnglishQuestionGetsTheEnglishAbstentionSentence() {
        Prompt p = AnswerPrompt.standard().build("How much salt?", "en", List.of(WHO));
        assertThat(p.system()).contains("Answer in English").contains("No evidence found in the corpus to answer this question.");
    }

    @Test
    void anUnknownTemplateIsNamed() {
        assertThatThrownBy(() -> AnswerPrompt.load("answer-v99")).hasMessageContaining("'answer-v99'");
    }
}
