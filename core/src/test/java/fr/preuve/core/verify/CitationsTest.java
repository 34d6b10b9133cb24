package fr.preuve.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsTest {

    private static CitedSentence only(String answer) {
        List<CitedSentence> s = Citations.parse(answer);
        assertThat(s).hasSize(1);
        return s.getFirst();
    }

    @Test
    void citationBeforeOrAfterTheFullStopBelongsToItsSentence() {
        List<CitedSentence> before = Citations.parse(
                "La glycémie à jeun doit être inférieure à 0,92 g/L [1]. Un contrôle annuel est conseillé [2, 3].");
        assertThat(before).extracting(CitedSentence::text).containsExactly(
                "La glycémie à jeun doit être inférieure à 0,92 g/L.", "Un contrôle annuel est conseillé.");
        assertThat(before).extracting(CitedSentence::citations).containsExactly(List.of(1), List.of(2, 3));
        assertThat(before.getFirst().raw()).isEqualTo("La glycémie à jeun doit être inférieure à 0,92 g/L [1].");

        List<CitedSentence> after = Citations.parse(
                "La glycémie à jeun doit être inférieure à 0,92 g/L. [1] Un contrôle annuel est conseillé. [2][3]");
        assertThat(after).extracting(CitedSentence::text).containsExactly(
                "La glycémie à jeun doit être inférieure à 0,92 g/L.", "Un contrôle annuel est conseillé.");
        assertThat(after).extracting(CitedSentence::citations).containsExactly(List.of(1), List.of(2, 3));
        assertThat(after.getFirst().raw()).endsWith("0,92 g/L. [1]");
        assertThat(after).allSatisfy(s -> assertThat(s.drifts()).isEmpty());
    }

    @Test
    void canonicalGroupsListsAndRanges() {
        assertThat(only("Artesunate is preferred [1,3].").citations()).containsExactly(1, 3);
        assertThat(only("Artesunate is preferred [1-3].").citations()).containsExactly(1, 2, 3);
        assertThat(only("Artesunate is preferred [2–4] [2].").citations()).containsExactly(2, 3, 4);
        assertThat(only("Artesunate is preferred [1] [2].").citations()).containsExactly(1, 2);
        assertThat(only("Artesunate is preferred [3][1].").citations()).containsExactly(3, 1);
    }

    @Test
    void absurdRangeIsReportedNotExpanded() {
        CitedSentence s = only("Artesunate is preferred [1-100].");
        assertThat(s.citations()).isEmpty();
        assertThat(s.drifts()).singleElement().asString().contains("unreadable citation '[1-100]'");
        assertThat(s.text()).isEqualTo("Artesunate is preferred.");
    }

    @Test
    void driftedFormsAreReadAndReported() {
        assertThat(only("Le paracétamol est recommandé (1).").drifts()).containsExactly("(1) read as [1]");
        assertThat(only("Le paracétamol est recommandé (1, 2).").citations()).containsExactly(1, 2);
        CitedSentence source = only("Le paracétamol est recommandé [Source 2].");
        assertThat(source.citations()).containsExactly(2);
        assertThat(source.drifts()).containsExactly("[Source 2] read as [2]");
        assertThat(source.text()).isEqualTo("Le paracétamol est recommandé.");
        assertThat(only("X est recommandé [Passage 1].").citations()).containsExactly(1);
        assertThat(only("X est recommandé [source 1, source 4].").citations()).containsExactly(1, 4);
        assertThat(only("X est recommandé [S1].").citations()).containsExactly(1);
        assertThat(only("X est recommandé [1†].").citations()).containsExactly(1);
        assertThat(only("X est recommandé 【3】.").citations()).containsExactly(3);
        assertThat(only("X est recommandé [réf. 1].").citations()).containsExactly(1);
        assertThat(only("X est recommandé.^2").citations()).containsExactly(2);
        CitedSentence author = only("Artesunate reduces mortality (Dondorp et al. 2005).");
        assertThat(author.citations()).isEmpty();
        assertThat(author.drifts()).containsExactly("unreadable citation '(Dondorp et al. 2005)'");
        assertThat(author.text()).isEqualTo("Artesunate reduces mortality.");
    }

    @Test
    void numbersInTextAreNotCitations() {
        String[] sentences = {
                "The odds ratio was 2.1 (95 % CI 1.2–3.4).",
                "A cohort was followed (n = 120).",
                "The guideline was updated (2019).",
                "Le risque relatif était de 0,9 [IC 95 % : 0,8-1,2].",
                "Le risque relatif était de 1,5 [1,2-1,8].",
                "Le groupe (2) a reçu le placebo pendant 12 semaines.",
                "Douze patients (120) ont été inclus."};
        for (String text : sentences) {
            CitedSentence s = only(text);
            assertThat(s.citations()).as(text).isEmpty();
            assertThat(s.drifts()).as(text).isEmpty();
            assertThat(s.text()).as(text).isEqualTo(text);
        }
    }

    @Test
    void markdownListItemsAndHeadingsAreSentences() {
        String answer = """
                **Traitement du paludisme grave :**
                - L'artésunate IV est le traitement de première intention [1].
                - À défaut, l'artéméther IM peut être utilisé [2]
                1. Poursuivre par une ACT complète de 3 jours [1, 3].
                2. Surveiller la glycémie (2).""";
        List<CitedSentence> s = Citations.parse(answer);
        assertThat(s).extracting(CitedSentence::text).containsExactly(
                "Traitement du paludisme grave :",
                "L'artésunate IV est le traitement de première intention.",
                "À défaut, l'artéméther IM peut être utilisé",
                "Poursuivre par une ACT complète de 3 jours.",
                "Surveiller la glycémie.");
        assertThat(s).extracting(CitedSentence::citations).containsExactly(
                List.of(), List.of(1), List.of(2), List.of(1, 3), List.of(2));
        assertThat(s.get(3).raw()).startsWith("1. Poursuivre");
    }

    @Test
    void headingLineEndingWithAColonIsItsOwnSentenceWithoutBullets() {
        List<CitedSentence> s = Citations.parse(
                "Recommandations :\nLa vaccination est recommandée chez les personnes de 65 ans et plus [1].");
        assertThat(s).extracting(CitedSentence::text).containsExactly(
                "Recommandations :", "La vaccination est recommandée chez les personnes de 65 ans et plus.");
    }

    @Test
    void boldIsRemovedFromTextButKeptInRaw() {
        CitedSentence s = only("La dose est de **2,4 mg/kg** d'artésunate [1].");
        assertThat(s.text()).isEqualTo("La dose est de 2,4 mg/kg d'artésunate.");
        assertThat(s.raw()).contains("**2,4 mg/kg**");
    }

    @Test
    void englishAbbreviationsAndDecimalsDoNotSplit() {
        List<CitedSentence> s = Citations.parse(
                "Children weighing < 20 kg should receive 3 mg/kg bw per dose, e.g. for severe malaria [1]. "
                        + "Adults receive 2.4 mg/kg bw [1].");
        assertThat(s).hasSize(2);
        assertThat(s.getFirst().text()).contains("e.g. for severe malaria.");
    }

    @Test
    void emptyAnswerHasNoSentencesAndNullFailsFast() {
        assertThat(Citations.parse("")).isEmpty();
        assertThat(Citations.parse("  \n ")).isEmpty();
        assertThatThrownBy(() -> Citations.parse(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("answer");
    }
}
