package fr.preuve.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The energy estimate of an answer: CPU time at a core's power, plus the model's tokens. */
class EnergySettingsTest {

    @Test
    void cpuTimeAtTenWattsPerCoreAndTokensAtTheirRate() {
        EnergySettings d = EnergySettings.defaults();
        assertThat(d.wattsPerCore()).isEqualTo(10.0);
        assertThat(d.whPer1kTokens()).isEqualTo(0.6);
        // 36 s of one core at 10 W = 0.1 Wh
        assertThat(d.wattHours(36_000, 0, 0)).isCloseTo(0.1, within(1e-12));
        // 2,000 tokens read count as 200 generated; with 500 generated: 0.7 × 0.6 Wh
        assertThat(d.wattHours(0, 2_000, 500)).isCloseTo(0.42, within(1e-12));
        assertThat(new EnergySettings(5, 0).wattHours(72_000, 10_000, 10_000)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void badParametersAreRefusedByName() {
        assertThatThrownBy(() -> new EnergySettings(-1, 0.6)).hasMessageContaining("answer.wattsPerCore")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new EnergySettings(10, Double.NaN)).hasMessageContaining("answer.whPer1kTokens");
    }
}
