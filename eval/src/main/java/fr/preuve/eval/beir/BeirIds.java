package fr.preuve.eval.beir;

import fr.preuve.core.hash.Sha256;
import java.util.regex.Pattern;

/**
 * Maps BEIR document ids to Preuve native ids ({@code local:<native id>}). An id that already fits the native-id
 * pattern is kept as is (SciFact's numeric ids); any other is sanitised (bad characters become '_') and suffixed with
 * 8 hex digits of its SHA-256, so two different BEIR ids never share a native id.
 */
public final class BeirIds {
    private static final Pattern NATIVE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]*");

    private BeirIds() {
    }

    public static String nativeId(String beirId) {
        if (NATIVE.matcher(beirId).matches()) {
            return beirId;
        }
        String clean = beirId.replaceAll("[^A-Za-z0-9._\\-/]", "_");
        if (clean.isEmpty() || !Character.isLetterOrDigit(clean.charAt(0))) {
            clean = "x" + clean;
        }
        return clean + "-" + hash(beirId);
    }

    private static String hash(String s) {
        return Sha256.hex(s).substring(0, 8);
    }
}
