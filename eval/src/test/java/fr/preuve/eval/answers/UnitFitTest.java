package fr.preuve.eval.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.answer.ExtractiveAnswerer.ScoredUnit;
import fr.preuve.core.answer.extract.UnitFeatures;
import fr.preuve.core.answer.extract.UnitModel;
import fr.preuve.eval.abstention.LogisticRegression;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitFitTest {

    /** Real sentences of the WHO malaria guideline (case management, p. 203) and a methods sentence. */
    private static final String LOADING = "a loading dose of quinine (20 mg salt/kg bw, twice the maintenance dose) "
            + "should be given";
    private static final String METHODS = "The evidence was assessed with the GRADE approach by the guideline "
            + "development group.";

    private static UnitFeatures answering(double coverage, double rank) {
        return new UnitFeatures(coverage, 1, 1, 1, coverage, 1, rank, rank, 1, 1, 1, 1, 0.3);
    }

    private static UnitFeatures topical(double coverage, double rank) {
        return new UnitFeatures(coverage, 1, 0, 0, 0, 0, rank, rank, 1, 0.3, 1, 0, 0.5);
    }

    @Test
    void aUnitIsPositiveWhenItHoldsAKeyFactWithNumbersNormalised() {
        UnitFit.Question q = UnitFit.Question.label("q1", List.of("20 mg salt/kg"),
                List.of(new ScoredUnit(METHODS, topical(0.5, 1)),
                        new ScoredUnit(LOADING.replace("20 mg", "20mg"), answering(0.8, 0.5))));
        assertThat(q.positive()).containsExactly(false, true);
    }

    @Test
    void theFittedScorerPutsTheUnitsHoldingKeyFactsFirst() {
        List<UnitFit.Question> questions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double c = 0.4 + 0.01 * i;
            // the topical unit comes first in retrieval order; the answering one is further down
            questions.add(new UnitFit.Question("q" + i, List.of(
                    new ScoredUnit(METHODS, topical(c + 0.1, 1)), new ScoredUnit(METHODS, topical(c, 0.5)),
                    new ScoredUnit(METHODS, topical(c, 0.4)), new ScoredUnit(LOADING, answering(c, 0.2))),
                    List.of(false, false, false, true)));
        }
        UnitModel fitted = UnitFit.fit(questions, "units-test");
        assertThat(UnitFit.hitRate(fitted, questions)).isEqualTo(1.0);
        assertThat(fitted.score(answering(0.5, 0.2))).isGreaterThan(fitted.score(topical(0.6, 1)));
        UnitModel rankOnly = new UnitModel("rank", new double[13], ones(), rankWeights(), 0);
        assertThat(UnitFit.hitRate(rankOnly, questions)).isEqualTo(0.0);
        assertThat(UnitFit.toJson(fitted, "test", questions).get("questions").asInt()).isEqualTo(40);
    }

    @Test
    void nothingToFitIsRefused() {
        UnitFit.Question none = new UnitFit.Question("q", List.of(new ScoredUnit(METHODS, topical(0.5, 1))),
                List.of(false));
        assertThatThrownBy(() -> UnitFit.fit(List.of(none), "v")).hasMessageContaining("nothing to fit");
    }

    @Test
    void aRowOfWeightTwoCountsAsTwoRows() {
        double[][] x = {{-1.0}, {-0.5}, {0.2}, {0.4}, {1.0}, {1.5}};
        int[] y = {0, 1, 0, 1, 1, 1};
        double[] weighted = LogisticRegression.fit(x, y, new double[]{2, 1, 1, 1, 1, 1}, 1.0);
        double[][] x2 = {{-1.0}, {-1.0}, {-0.5}, {0.2}, {0.4}, {1.0}, {1.5}};
        int[] y2 = {0, 0, 1, 0, 1, 1, 1};
        double[] duplicated = LogisticRegression.fit(x2, y2, 1.0);
        assertThat(weighted[0]).isCloseTo(duplicated[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weighted[1]).isCloseTo(duplicated[1], org.assertj.core.data.Offset.offset(1e-9));
    }

    private static double[] ones() {
        double[] s = new double[13];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    private static double[] rankWeights() {
        double[] w = new double[13];
        w[6] = 1;
        return w;
    }
}
