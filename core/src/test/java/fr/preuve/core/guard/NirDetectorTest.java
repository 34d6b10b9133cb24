package fr.preuve.core.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NirDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"1 85 05 78 006 084 91", "185057800608491", "2 58 03 12 075 123 35", "1.85.05.78.006.084.91",
            "1 83 06 2A 004 112 84", "183062A00411284", "2 75 11 2B 033 078 85", "2 70 08 2a 012 345 36"})
    void acceptsAValidKey(String nir) {
        assertThat(NirDetector.isValid(nir)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1 85 05 78 006 084 36", // the key of 185057800608 4 is 91, not 36
            "185057800608490", "2 58 03 12 075 123 36",
            "1 83 06 2A 004 112 85", // Corsica read as 19: the key is 84
            "1 83 06 2B 004 112 84", // same digits in 2B (read as 18): the key is not 84
            "5 85 05 78 006 084 91", // no sex digit 5
            "1 85 05 78 006 084", "18505780060849100"})
    void rejectsAWrongKeyOrShape(String nir) {
        assertThat(NirDetector.isValid(nir)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NIR 1 85 05 78 006 084 91.", "(185057800608491)", "sécu : 1 83 06 2A 004 112 84 ;"})
    void findsItInText(String text) {
        assertThat(new NirDetector().find(text)).singleElement().satisfies(f -> assertThat(f.type()).isEqualTo(FindingType.NIR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 85 05 78 006 084 36", "1850578006084910", "A185057800608491", "PMID 31535829 et 12345678"})
    void ignoresInvalidOrEmbeddedNumbers(String text) {
        assertThat(new NirDetector().find(text)).isEmpty();
    }
}
