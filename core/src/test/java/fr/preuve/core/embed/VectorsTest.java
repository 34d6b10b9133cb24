package fr.preuve.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void normalisesToUnitLengthAndKeepsZeroVectors() {
        float[] v = Vectors.normalize(new float[] {3, 4});
        assertThat(v).containsExactly(0.6f, 0.8f);
        assertThat(Vectors.normalize(new float[] {0, 0})).containsExactly(0f, 0f);
    }

    @Test
    void cosineAndDotAgreeOnUnitVectors() {
        float[] a = Vectors.normalize(new float[] {1, 2, 3});
        float[] b = Vectors.normalize(new float[] {3, 2, 1});
        assertThat(Vectors.cosine(a, b)).isCloseTo(10.0 / 14.0, Offset.offset(1e-6));
        assertThat((double) Vectors.dot(a, b)).isCloseTo(Vectors.cosine(a, b), Offset.offset(1e-6));
        assertThat(Vectors.cosine(new float[] {2, 0}, new float[] {5, 0})).isEqualTo(1.0);
        assertThatThrownBy(() -> Vectors.cosine(new float[1], new float[2])).hasMessageContaining("1 vs 2");
    }
}
