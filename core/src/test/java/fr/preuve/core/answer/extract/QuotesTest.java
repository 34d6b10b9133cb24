package fr.preuve.core.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotesTest {

    @Test
    void quotesOnlyCompleteSentences() {
        // Real sentences and fragments of the WHO malaria guidelines (p. 199) and of a HAS opinion.
        assertThat(Quotes.usable("The threshold for administering antibiotic treatment should be low in severe malaria.", false)).isTrue();
        assertThat(Quotes.usable("Le service médical rendu par GLIMEZIT (metformine) est important dans le traitement du diabète de type 2.", false)).isTrue();
        assertThat(Quotes.usable("Does artesunate reduce mortality in children with severe malaria?", false)).isFalse();
        assertThat(Quotes.usable("Strong recommendation for , Moderate certainty evidence Pre-referral treatment options (2015)", false)).isFalse();
        assertThat(Quotes.usable("Concomitant use of antibiotics", false)).isFalse();
        assertThat(Quotes.usable("The following should be considered:", false)).isFalse();
        assertThat(Quotes.usable("12.5 24.0 31.2 45.6 (95% CI 1.2-3.4) 0.82 0.91.", false)).isFalse();
    }

}
