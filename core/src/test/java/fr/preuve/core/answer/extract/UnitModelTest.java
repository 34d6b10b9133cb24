package fr.preuve.core.answer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitModelTest {

    @Test
    void theShippedScorerPrefersAUnitThatStatesTheFactAskedOverOneThatSharesTheTopic() {
        UnitModel m = UnitModel.standard();
        // a results sentence holding most concepts and a dose, in the second document read
        UnitFeatures answers = new UnitFeatures(0.7, 1, 1, 1, 0.7, 1, 0.67, 0.25, 1, 1, 1, 1, 0.4);
        // a background sentence of the first passage holding more of the question's words, but no dose
        UnitFeatures topical = new UnitFeatures(0.8, 1, 0, 0, 0, 1, 1, 1, 1, 0.3, 1, 0, 0.4);
        assertThat(m.score(answers)).isGreaterThan(m.score(topical));
        assertThat(m.version()).isEqualTo("units-v1");
    }

    @Test
    void aModelWithTheWrongNumberOfValuesNamesTheFeatures() {
        assertThatThrownBy(() -> new UnitModel("v", new double[2], new double[2], new double[2], 0))
                .hasMessageContaining("expected 13 values").hasMessageContaining("typed_coverage");
        double[] zero = new double[13];
        assertThatThrownBy(() -> new UnitModel("v", zero, zero, zero, 0)).hasMessageContaining("scale of coverage");
    }
}
