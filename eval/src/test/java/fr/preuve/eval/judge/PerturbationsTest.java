package fr.preuve.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.checks.ClaimChecks;
import fr.preuve.core.verify.checks.Conflict;
import fr.preuve.core.verify.checks.ConflictKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Perturbations of claims that restate real WHO sentences of the demo corpus (WHO malaria guidelines
 * WHO-UCN-GMP-2023.01-Rev.1 section 5.2.2; WHO IPC core components 9789241549929): each rewrite is the one expected,
 * and the swapped population, the negation and the reversed comparison are rejected by the deterministic checks the
 * gate runs, while the faithful claims are not.
 */
class PerturbationsTest {

    static final String ARTESUNATE = "Children weighing < 20 kg should receive a higher dose of artesunate (3 mg/kg bw "
            + "per dose) than larger children and adults (2.4 mg/kg bw per dose) to ensure equivalent exposure to the "
            + "drug.";
    static final String ISOLATION = "Items used by patients during isolation should not be shared between patients.";

    final Perturbations perturbations = new Perturbations(DrugLexicon.standard());
    final ClaimChecks checks = ClaimChecks.standard(DrugLexicon.standard());

    String perturb(Perturbation p, String claim, String evidence) {
        return perturbations.apply(p, claim, List.of(evidence)).orElseThrow();
    }

    ConflictKind rejection(String claim, String evidence) {
        return checks.check(claim, List.of(evidence)).map(Conflict::kind).orElse(null);
    }

    @Test
    void aSwappedPopulationIsRejected() {
        String faithful = "Artesunate 3 mg/kg bw per dose is given to children weighing < 20 kg.";
        String swapped = perturb(Perturbation.POPULATION, faithful, ARTESUNATE);
        assertThat(swapped).isEqualTo("Artesunate 3 mg/kg bw per dose is given to adults weighing < 20 kg.");
        assertThat(rejection(faithful, ARTESUNATE)).isNull();
        assertThat(rejection(swapped, ARTESUNATE)).isEqualTo(ConflictKind.POPULATION);
    }

    @Test
    void aRemovedNegationIsRejected() {
        String removed = perturb(Perturbation.NEGATION, ISOLATION, ISOLATION);
        assertThat(removed).isEqualTo("Items used by patients during isolation should be shared between patients.");
        assertThat(rejection(ISOLATION, ISOLATION)).isNull();
        assertThat(rejection(removed, ISOLATION)).isEqualTo(ConflictKind.NEGATION);
        String added = perturb(Perturbation.NEGATION, removed, ISOLATION);
        assertThat(added).isEqualTo(ISOLATION);
    }

    @Test
    void aReversedComparisonIsRejected() {
        String faithful = "Children weighing < 20 kg should receive a higher dose of artesunate than larger children "
                + "and adults.";
        String reversed = perturb(Perturbation.COMPARISON, faithful, ARTESUNATE);
        assertThat(reversed).contains("a lower dose");
        assertThat(rejection(faithful, ARTESUNATE)).isNull();
        assertThat(rejection(reversed, ARTESUNATE)).isEqualTo(ConflictKind.COMPARISON);
    }

    @Test
    void numbersDrugsAndCertaintyAreRewrittenForTheModelToLearn() {
        assertThat(perturb(Perturbation.NUMBER, "Artesunate 3 mg/kg bw per dose is given to children.", ARTESUNATE))
                .isEqualTo("Artesunate 2.4 mg/kg bw per dose is given to children.");
        assertThat(perturb(Perturbation.DRUG, "Artesunate 3 mg/kg bw per dose is given to children.", ARTESUNATE))
                .isEqualTo("amoxicillin 3 mg/kg bw per dose is given to children.");
        assertThat(perturb(Perturbation.CERTAINTY, "These results suggest that telephone counseling may be the "
                + "preferred intervention.", ARTESUNATE))
                .isEqualTo("These results suggest that telephone counseling is the preferred intervention.");
        assertThat(perturb(Perturbation.CERTAINTY, "These results suggest that telephone counseling works.",
                ARTESUNATE)).isEqualTo("These results demonstrate that telephone counseling works.");
        assertThat(perturbations.apply(Perturbation.CERTAINTY, "Artesunate is given.", List.of(ARTESUNATE))).isEmpty();
    }
}
