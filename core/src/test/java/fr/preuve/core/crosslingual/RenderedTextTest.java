package fr.preuve.core.crosslingual;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedTextTest {

    @Test
    void sharedDrugNamesNumbersAndUnitsDoNotMakeARenderingUntranslated() {
        assertThat(RenderedText.mostlySource("Amoxicillin dosage 50 mg/kg/day in children",
                "Posologie amoxicilline 50 mg/kg/j chez l'enfant")).isFalse();
        assertThat(RenderedText.mostlySource("Dabigatran or warfarin after a stroke?", "Dabigatran ou warfarine après un AVC ?"))
                .isFalse();
    }

    @Test
    void theQuestionUnchangedOrBarelyTouchedIsUntranslated() {
        String q = "Quelle est la dose d'amoxicilline chez l'enfant ?";
        assertThat(RenderedText.mostlySource(q, q)).isTrue();
        assertThat(RenderedText.mostlySource("Quelle est la dose d’Amoxicilline chez l’enfant?", q)).isTrue();
        assertThat(RenderedText.mostlySource("50 mg", "50 mg")).isTrue();
    }

    @Test
    void placeholdersAreTakenOutOfARendering() {
        assertThat(RenderedText.withoutPlaceholders("Can [NOM], born on [DATE_NAISSANCE], take apixaban?"))
                .isEqualTo("Can, born on, take apixaban?");
        assertThat(RenderedText.withoutPlaceholders("[NAME] [TÉLÉPHONE] apixaban")).isEqualTo("apixaban");
    }

    @Test
    void aLabelIsOnlyTakenAtTheStartAndBeforeAColon() {
        assertThat(RenderedText.clean("French guidelines on heart failure?")).isEqualTo("French guidelines on heart failure?");
        assertThat(RenderedText.clean("Question: French guidelines on heart failure?"))
                .isEqualTo("French guidelines on heart failure?");
        assertThat(RenderedText.clean(null)).isEmpty();
    }
}
