package fr.preuve.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionFingerprintTest {

    static final byte[] KEY_A = "a-secret-key-of-at-least-32-chars!!".getBytes(StandardCharsets.UTF_8);
    static final byte[] KEY_B = "another-secret-key-of-32-chars-min".getBytes(StandardCharsets.UTF_8);

    @Test
    void sameQuestionAndKeyGiveTheSameFingerprintAnotherKeyAnother() {
        String q = "Mme Dupont, NIR 1 84 12 75 123 456 40 : quelle dose de metformine ?";
        QuestionFingerprint a = new QuestionFingerprint(KEY_A);
        assertThat(a.of(q)).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(new QuestionFingerprint(KEY_A).of(q));
        assertThat(new QuestionFingerprint(KEY_B).of(q)).isNotEqualTo(a.of(q));
        assertThat(a.of("quelle dose de metformine ?")).isNotEqualTo(a.of(q));
    }

    @Test
    void spacingCaseAndUnicodeFormDoNotChangeTheFingerprint() {
        QuestionFingerprint f = new QuestionFingerprint(KEY_A);
        String composed = "Quelle dose chez l'enfant ?";
        String decomposed = "  quelle   dose chez l'enfant ?\n";
        assertThat(f.of(decomposed)).isEqualTo(f.of(composed));
        assertThat(f.of("Fièvre")).isEqualTo(f.of("Fie\u0300vre"));
        assertThat(f.toString()).doesNotContain("secret");
    }

    @Test
    void theKeyFileIsGeneratedOnceOwnerOnlyAndAConfiguredKeyWins(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("home/audit.key");
        byte[] first = AuditKey.resolve(null, file, 32);
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AuditKey.resolve(null, file, 32)).isEqualTo(first);
        assertThat(AuditKey.resolve("configured-key-of-at-least-32-characters", file, 32))
                .isEqualTo("configured-key-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8));
        assertThat(tmp.resolve("home").toFile().list()).containsExactly("audit.key");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> AuditKey.resolve(null, file, 32)).hasMessageContaining("audit.key is empty");
    }
}
