package fr.preuve.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // 8/10: Wilson 95% interval [0.4902, 0.9433] (Newcombe 1998, Table I style computation)
        Estimate e = Estimate.proportion(8, 10);
        assertThat(e.value()).isEqualTo(0.8);
        assertThat(e.n()).isEqualTo(10);
        assertThat(e.lo()).isCloseTo(0.4902, within(1e-4));
        assertThat(e.hi()).isCloseTo(0.9433, within(1e-4));
    }

    @Test
    void wilsonIntervalAtTheBoundsStaysInsideZeroOne() {
        Estimate none = Estimate.proportion(0, 10);
        assertThat(none.lo()).isZero();
        assertThat(none.hi()).isCloseTo(0.2775, within(1e-4));
        Estimate all = Estimate.proportion(10, 10);
        assertThat(all.hi()).isEqualTo(1.0);
        assertThat(all.lo()).isCloseTo(0.7225, within(1e-4));
        assertThatThrownBy(() -> Estimate.proportion(0, 0)).hasMessageContaining("n >= 1");
        assertThatThrownBy(() -> Estimate.proportion(3, 2)).hasMessageContaining("successes");
    }

    @Test
    void meanWithNormalApproximationInterval() {
        // mean 0.4, s = 0.2, half-width 1.959964 * 0.2 / sqrt(3) = 0.226317
        Estimate e = Estimate.mean(new double[] {0.2, 0.4, 0.6});
        assertThat(e.value()).isCloseTo(0.4, within(1e-12));
        assertThat(e.n()).isEqualTo(3);
        assertThat(e.lo()).isCloseTo(0.173683, within(1e-6));
        assertThat(e.hi()).isCloseTo(0.626317, within(1e-6));
    }

    @Test
    void meanIntervalIsClampedAndDegenerateForOneValue() {
        Estimate wide = Estimate.mean(new double[] {0, 1, 1, 0});
        assertThat(wide.ci95()).containsExactly(0.0, 1.0);
        Estimate one = Estimate.mean(new double[] {0.7});
        assertThat(one.ci95()).containsExactly(0.7, 0.7);
        Estimate ties = Estimate.mean(new double[] {0.5, 0.5, 0.5});
        assertThat(ties.ci95()).containsExactly(0.5, 0.5);
        assertThatThrownBy(() -> Estimate.mean(new double[0])).hasMessageContaining("zero values");
    }
}
