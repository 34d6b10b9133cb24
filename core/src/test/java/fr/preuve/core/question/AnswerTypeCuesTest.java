package fr.preuve.core.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTypeCuesTest {

    @Test
    void theAlternativesOfATypeMakeOneGroup() {
        var cues = AnswerTypeCues.read(List.of("# comment", "", "[DOSE]", "\\bdoses?\\b", "mg/kg", "[DURATION]", "how long"));
        assertThat(cues.keySet()).containsExactly(AnswerType.DOSE, AnswerType.DURATION);
        assertThat(cues.get(AnswerType.DOSE).pattern()).isEqualTo("(\\bdoses?\\b|mg/kg)");
    }

    @Test
    void theShippedCuesCoverEveryTypeButYesNoAndOther() {
        assertThat(AnswerTypeCues.standard().keySet()).hasSize(AnswerType.values().length - 2)
                .doesNotContain(AnswerType.YES_NO, AnswerType.OTHER);
    }

    @Test
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> AnswerTypeCues.read(List.of("[DOSAGE]", "x")))
                .hasMessageContaining("line 1").hasMessageContaining("'DOSAGE'");
        assertThatThrownBy(() -> AnswerTypeCues.read(List.of("mg/kg"))).hasMessageContaining("line 1")
                .hasMessageContaining("'mg/kg'");
        assertThatThrownBy(() -> AnswerTypeCues.read(List.of("[DOSE]", "x", "[DOSE]", "y")))
                .hasMessageContaining("line 3").hasMessageContaining("twice");
        assertThatThrownBy(() -> AnswerTypeCues.read(List.of("[DOSE]"))).hasMessageContaining("DOSE has no cue");
    }
}
