package fr.preuve.core.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * French social security numbers (NIR): 13 characters (sex, year, month, department with Corsica as {@code 2A} or
 * {@code 2B}, commune, order) and a 2-digit key, written with or without spaces or dots between digits. Only numbers
 * whose key checks are reported: key = 97 − (number mod 97), with {@code 2A} read as 19 and {@code 2B} as 18.
 */
final class NirDetector implements Detector {
    private static final String SEP = "[ .\\u00A0]?";
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9\\p{L}])[1-478](?:" + SEP + "[0-9]){4}" + SEP
            + "(?:[0-9]" + SEP + "[0-9]|2" + SEP + "[AaBb])(?:" + SEP + "[0-9]){8}(?![0-9])");
    private static final Pattern SEPARATORS = Pattern.compile("[ .\\u00A0]");
    private static final Pattern NORMALISED = Pattern.compile("[1-478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{8}");

    @Override
    public List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (isValid(m.group())) {
                out.add(Finding.of(FindingType.NIR, text, m.start(), m.end()));
            }
        }
        return out;
    }

    /** True when {@code nir} (spaces and dots allowed) is 15 characters of NIR shape whose key checks. */
    static boolean isValid(String nir) {
        String s = SEPARATORS.matcher(nir).replaceAll("").toUpperCase(Locale.ROOT);
        if (!NORMALISED.matcher(s).matches()) {
            return false;
        }
        String body = s.substring(0, 13);
        if (body.startsWith("2A", 5)) {
            body = body.substring(0, 5) + "19" + body.substring(7);
        } else if (body.startsWith("2B", 5)) {
            body = body.substring(0, 5) + "18" + body.substring(7);
        }
        long key = 97 - Long.parseLong(body) % 97;
        return key == Integer.parseInt(s.substring(13));
    }
}
