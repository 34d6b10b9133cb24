package fr.preuve.core.answer;

import fr.preuve.core.text.Language;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

    @Test
    void detectsTheQuestionsLanguage() {
        assertThat(Language.detect("Quel est le traitement du paludisme grave chez l'enfant ?")).isEqualTo("fr");
        assertThat(Language.detect("Faut-il vacciner les femmes enceintes contre la Covid-19 ?")).isEqualTo("fr");
        assertThat(Language.detect("What is the treatment of severe malaria in children?")).isEqualTo("en");
        assertThat(Language.detect("Metformin")).isEqualTo("en");
    }
}
