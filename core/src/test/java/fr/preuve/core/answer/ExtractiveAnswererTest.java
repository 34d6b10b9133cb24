package fr.preuve.core.answer;

import fr.preuve.core.text.Language;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

    @Test
    void quotesOnlyCompleteSentences() {
        // Real sentences and fragments of the WHO malaria guidelines (p. 199) and of a HAS opinion.
        assertThat(ExtractiveAnswerer.usable("The threshold for administering antibiotic treatment should be low in severe malaria.")).isTrue();
        assertThat(ExtractiveAnswerer.usable("Le service médical rendu par GLIMEZIT (metformine) est important dans le traitement du diabète de type 2.")).isTrue();
        assertThat(ExtractiveAnswerer.usable("Does artesunate reduce mortality in children with severe malaria?")).isTrue();
        assertThat(ExtractiveAnswerer.usable("Strong recommendation for , Moderate certainty evidence Pre-referral treatment options (2015)")).isFalse();
        assertThat(ExtractiveAnswerer.usable("Concomitant use of antibiotics")).isFalse();
        assertThat(ExtractiveAnswerer.usable("The following should be considered:")).isFalse();
        assertThat(ExtractiveAnswerer.usable("12.5 24.0 31.2 45.6 (95% CI 1.2-3.4) 0.82 0.91.")).isFalse();
    }

    @Test
    void detectsTheQuestionsLanguage() {
        assertThat(Language.detect("Quel est le traitement du paludisme grave chez l'enfant ?")).isEqualTo("fr");
        assertThat(Language.detect("Faut-il vacciner les femmes enceintes contre la Covid-19 ?")).isEqualTo("fr");
        assertThat(Language.detect("What is the treatment of severe malaria in children?")).isEqualTo("en");
        assertThat(Language.detect("Metformin")).isEqualTo("en");
    }
}
