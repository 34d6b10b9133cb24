package fr.preuve.core.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.question.AnswerType;
import org.junit.jupiter.api.Test;

/** Sentences of the demo corpus (WHO malaria and schistosomiasis guidelines, HAS opinions, PubMedQA). */
class AnswerCuesTest {

    @Test
    void aDoseSentenceHoldsANumberWithItsUnit() {
        assertThat(AnswerCues.carries(AnswerType.DOSE,
                "a loading dose of quinine (20 mg salt/kg bw, twice the maintenance dose)")).isTrue();
        assertThat(AnswerCues.carries(AnswerType.DOSE,
                "Quinine remains an option for severe malaria when artesunate is not available.")).isFalse();
    }

    @Test
    void durationsFrequenciesThresholdsAndProportionsAreTold() {
        assertThat(AnswerCues.carries(AnswerType.DURATION,
                "due to the persistence of PfHRP2 in the blood for 1–5 weeks after effective treatment")).isTrue();
        assertThat(AnswerCues.carries(AnswerType.FREQUENCY,
                "a series of blood films should be examined at 6–12 h intervals")).isTrue();
        assertThat(AnswerCues.carries(AnswerType.THRESHOLD,
                "malaria should also be suspected in children with palmar pallor or a haemoglobin concentration of < 8 g/dL"))
                .isTrue();
        assertThat(AnswerCues.carries(AnswerType.PROPORTION,
                "Postoperative AF occurred in 16% versus 33% of patients.")).isTrue();
        assertThat(AnswerCues.carries(AnswerType.PROPORTION,
                "Statins have pleiotropic effects, including anti-inflammatory effects.")).isFalse();
        assertThat(AnswerCues.carries(AnswerType.DURATION,
                "Le service médical rendu par TARDYFERON reste important.")).isFalse();
    }

    @Test
    void sectionsAndMethodsWordingSetThePrior() {
        assertThat(SectionPrior.of("CONCLUSIONS", "Preoperative statin therapy reduces AF after CABG."))
                .isGreaterThan(SectionPrior.of("BACKGROUND", "Atrial fibrillation is common after CABG."));
        assertThat(SectionPrior.of(null, "A Medline search was conducted on the use of corticosteroids."))
                .isLessThan(SectionPrior.of(null, "Dexamethasone is as effective as prednisone."));
        assertThat(SectionPrior.of("METHODS", "Patients were randomized.")).isEqualTo(SectionPrior.METHODS);
    }
}
