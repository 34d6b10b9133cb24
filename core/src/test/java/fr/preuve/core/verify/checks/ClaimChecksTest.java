package fr.preuve.core.verify.checks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.verify.DrugLexicon;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The deterministic checks on real sentences of the demo corpus (text as Preuve extracts it from the PDFs in
 * {@code corpus-config/demo/who}): each claim is a rewrite of the sentence a model could produce, one faithful and
 * one changed in a single place.
 */
class ClaimChecksTest {

    /** WHO guidelines for malaria (WHO-UCN-GMP-2023.01-Rev.1), section 5.2.2, artesunate dosing. */
    static final String ARTESUNATE = "Children weighing < 20 kg should receive a higher dose of artesunate (3 mg/kg bw "
            + "per dose) than larger children and adults (2.4 mg/kg bw per dose) to ensure equivalent exposure to the "
            + "drug.";
    /** Same guideline, section 5.2.2.2, quinine. */
    static final String QUININE = "Studies of pharmacokinetics show that a loading dose of quinine (20 mg salt/kg bw, "
            + "twice the maintenance dose) provides therapeutic plasma concentrations within 4 h. The maintenance dose "
            + "of quinine (10 mg salt/ kg bw) is administered at 8-h intervals, starting 8 h after the first dose.";
    /** WHO guidelines on core components of IPC programmes (9789241549929). */
    static final String ISOLATION = "Items used by patients during isolation should not be shared between patients.";
    /** WHO EMRO healthy diet (WHO-EM-NUT-282-E): a sentence whose "not" is about potassium, not salt. */
    static final String SALT = "(corresponding to an average of 9–12 g of salt per day) and not enough potassium. High "
            + "salt consumption and insufficient potassium intake (less than 3.5 g) contribute to high blood pressure, "
            + "which in turn increases the risk of heart disease and stroke (6,10).";

    final ClaimChecks checks = ClaimChecks.standard(DrugLexicon.standard());

    Optional<Conflict> check(String claim, String... evidence) {
        return checks.check(claim, List.of(evidence));
    }

    @Test
    void aDoseGivenForChildrenIsNotADoseForAdultsThoughTheNumberIsInThePassage() {
        Optional<Conflict> c = check("Adults should receive artesunate 3 mg/kg bw per dose.", ARTESUNATE);
        assertThat(c).get().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(ConflictKind.POPULATION);
            assertThat(x.reason(false)).contains("3 mg/kg").contains("adults").contains("children");
        });
        assertThat(check("Les adultes reçoivent 3 mg/kg d'artésunate par dose.", ARTESUNATE))
                .get().satisfies(x -> assertThat(x.reason(true)).contains("les enfants").contains("les adultes"));
        assertThat(check("Artesunate 3 mg/kg bw per dose is the dose for adults.", ARTESUNATE)).isPresent();
    }

    @Test
    void eachDoseWithItsOwnPopulationPasses() {
        assertThat(check("Children weighing less than 20 kg should receive artesunate 3 mg/kg bw per dose.",
                ARTESUNATE)).isEmpty();
        assertThat(check("Larger children and adults should receive 2.4 mg/kg bw per dose of artesunate.", ARTESUNATE))
                .isEmpty();
        assertThat(check("Les enfants de moins de 20 kg reçoivent 3 mg/kg d'artésunate.", ARTESUNATE)).isEmpty();
        assertThat(check("The loading dose of quinine is 20 mg salt/kg bw.", QUININE)).isEmpty();
    }

    @Test
    void aReversedComparisonIsCaught() {
        Optional<Conflict> c = check("Children weighing < 20 kg should receive a lower dose of artesunate than larger "
                + "children and adults.", ARTESUNATE);
        assertThat(c).get().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(ConflictKind.COMPARISON);
            assertThat(x.claim()).isEqualTo("lower");
            assertThat(x.evidence()).isEqualTo("higher");
        });
        assertThat(check("Children weighing < 20 kg should receive a higher dose of artesunate than larger children "
                + "and adults.", ARTESUNATE)).isEmpty();
    }

    @Test
    void aNegationAddedOrRemovedIsCaught() {
        assertThat(check("Items used by patients during isolation should be shared between patients.", ISOLATION))
                .get().extracting(Conflict::kind).isEqualTo(ConflictKind.NEGATION);
        assertThat(check("Items used by patients during isolation should not be shared between patients.", ISOLATION))
                .isEmpty();
        assertThat(check("High salt consumption does not contribute to high blood pressure.", SALT))
                .get().extracting(Conflict::kind).isEqualTo(ConflictKind.NEGATION);
    }

    @Test
    void aNegationOutsideTheSharedWordsDoesNotCount() {
        assertThat(check("Most people consume an average of 9–12 g of salt per day.", SALT)).isEmpty();
    }

    @Test
    void aDrugMustBeTheSubjectOfTheStatementNotMerelyInThePassage() {
        Optional<Conflict> c = check("A loading dose of artesunate (20 mg salt/kg bw) provides therapeutic plasma "
                + "concentrations within 4 h.", ARTESUNATE, QUININE);
        assertThat(c).get().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(ConflictKind.DRUG_SUBJECT);
            assertThat(x.reason(false)).contains("about quinine, not artesunate");
        });
        assertThat(check("A loading dose of quinine (20 mg salt/kg bw) provides therapeutic plasma concentrations "
                + "within 4 h.", ARTESUNATE, QUININE)).isEmpty();
    }

    @Test
    void objectivesAndQuestionsHaveNoPolarityToContradict() {
        String objective = "To investigate whether the use of an endoscope during VPS procedures increases the "
                + "infection rate.";
        assertThat(check("The use of an endoscope during VPS procedures did not increase the infection rate.",
                objective)).isEmpty();
    }
}
