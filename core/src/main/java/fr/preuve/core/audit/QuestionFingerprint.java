package fr.preuve.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256, hex) of a question, so the audit trail can tell that two answers were to the same
 * question without keeping a question that held identifying data. Without the key, a fingerprint cannot be checked
 * against guessed questions. The question is normalised first (Unicode NFC, lower case, spaces collapsed), so
 * {@code "Quelle dose ?"} and {@code "quelle  dose ?"} share a fingerprint. Thread-safe.
 */
public final class QuestionFingerprint {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public QuestionFingerprint(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("the fingerprint key is empty");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The fingerprint of {@code question}: 64 lower-case hex digits. */
    public String of(String question) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalise(question).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }

    static String normalise(String question) {
        return Normalizer.normalize(question, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "QuestionFingerprint[HmacSHA256]";
    }
}
