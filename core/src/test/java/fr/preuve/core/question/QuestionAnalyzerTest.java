package fr.preuve.core.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Questions written for this test, French and English, one per kind of answer. */
class QuestionAnalyzerTest {

    static final QuestionAnalyzer ANALYZER = QuestionAnalyzer.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Quelle dose de charge de quinine dans le paludisme grave ?|dose",
            "Posologie de l'amoxicilline chez l'enfant ?|dose",
            "How many mg/kg of praziquantel for schistosomiasis?|dose",
            "Combien de temps traiter une pneumonie communautaire ?|duration",
            "For how many days should artemether-lumefantrine be given?|duration",
            "Combien de minutes avant le repas faire l'injection d'insuline rapide ?|duration",
            "À quelle fréquence refaire les frottis sanguins ?|frequency",
            "How often should preventive chemotherapy be repeated?|frequency",
            "À partir de quel taux d'hémoglobine faut-il transfuser ?|threshold",
            "Below what level of sodium intake do adults benefit?|threshold",
            "Quelle proportion de patients fait une fibrillation atriale après pontage ?|proportion",
            "What percentage of children relapse after treatment?|proportion",
            "Artésunate ou quinine chez la femme enceinte ?|comparison",
            "Is artesunate better than quinine for severe malaria?|comparison",
            "Faut-il arrêter la metformine avant une injection de produit de contraste ?|yes_no",
            "Does vitamin D supplementation prevent falls in the elderly?|yes_no",
            "Quel traitement de première intention pour le paludisme simple ?|recommendation",
            "What is recommended for pre-referral treatment of severe malaria?|recommendation",
            "Qu'est-ce qu'une zone de faible prévalence de bilharziose ?|definition",
            "How is severe malaria defined?|definition",
            "Chez quels patients la dapagliflozine est-elle remboursée ?|population",
            "Which patients should be vaccinated first against COVID-19?|population",
            "Quel taux de réponse au traitement chez les cardiologues ?|proportion",
            "By how much does annual treatment reduce the prevalence of infection?|proportion",
            "After a night-time bronchoscopy, does the first antibiotic dose come later?|yes_no",
            "Histoire de la découverte de la quinine.|other"})
    void tellsWhatKindOfFactIsAskedFor(String question, String type) {
        assertThat(ANALYZER.analyze(question).type()).as(question).isEqualTo(AnswerType.parse(type));
    }

    @Test
    void findsTheDrugsAndTheRestrictions() {
        QuestionAnalysis a = ANALYZER.analyze(
                "Femme enceinte au premier trimestre avec un paludisme grave : artésunate IV ou quinine ?");
        assertThat(a.drugs()).hasSize(2).contains("artesunate");
        assertThat(a.constraints()).contains(Constraint.PREGNANCY, Constraint.SEVERE);
        assertThat(a.type()).isEqualTo(AnswerType.COMPARISON);
        QuestionAnalysis b = ANALYZER.analyze("Dose of amoxicillin in a child with renal impairment on dialysis?");
        assertThat(b.constraints()).containsExactlyInAnyOrder(Constraint.CHILD, Constraint.RENAL);
        assertThat(b.valued()).isTrue();
    }

    @Test
    void answerTypesHaveKeysAndRefuseUnknownOnes() {
        assertThat(AnswerType.parse("yes_no")).isEqualTo(AnswerType.YES_NO);
        assertThat(AnswerType.YES_NO.key()).isEqualTo("yes_no");
        assertThatThrownBy(() -> AnswerType.parse("dosage")).hasMessageContaining("'dosage'");
    }
}
