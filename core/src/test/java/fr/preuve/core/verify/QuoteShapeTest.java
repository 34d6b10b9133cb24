package fr.preuve.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.verify.QuoteShape.Flaw;
import org.junit.jupiter.api.Test;

/** Delivered sentences quoted in the issue that reported them (demo corpus, wave 1 extractive answers). */
class QuoteShapeTest {

    @Test
    void tellsQuestionsFragmentsListItemsAndReferences() {
        assertThat(QuoteShape.flaw("-- Is intramuscular artemether superior to parenteral quinine in preventing death from "
                + "severe malaria?")).contains(Flaw.QUESTION);
        assertThat(QuoteShape.flaw("ou chez lesquels ces traitements sont mal tolérés ou contre-indiqués.")).contains(Flaw.FRAGMENT);
        assertThat(QuoteShape.flaw("- de la maladie de Crohn active, sévère, chez les enfants.")).contains(Flaw.LIST_ITEM_ALONE);
        assertThat(QuoteShape.flaw("73. Cabello RKSAA, Beck LCNH, Massara CL, Murta FLG, et al. Schistosoma mansoni "
                + "infection. Acta Trop. 2016; 164:208-15.")).contains(Flaw.REFERENCE);
        assertThat(QuoteShape.flaw("Benefits and harms")).contains(Flaw.HEADING);
    }

    @Test
    void wholeStatementsPass() {
        assertThat(QuoteShape.flaw("Thus, concomitant use of artesunate + amodiaquine by patients taking zidovudine should "
                + "be avoided.")).isEmpty();
        assertThat(QuoteShape.flaw("pH-guided therapy reduced reflux symptoms.")).isEmpty();
        assertThat(QuoteShape.flaw("Aussi, le service médical rendu est important dans le traitement : … - de la maladie "
                + "de Crohn active.")).isEmpty();
    }
}
