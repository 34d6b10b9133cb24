package fr.preuve.core.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telephone numbers: French national ({@code 06 12 34 56 78}, dots, dashes or no separator), French international
 * ({@code +33 6 12 34 56 78}, {@code +33 (0)6 …}, {@code 0033 …}), other international numbers starting with {@code +}
 * (8 to 15 digits) and North American {@code (555) 123-4567}. A number glued to letters, digits, {@code /} or
 * {@code -} (ISBN groups, DOIs, trial numbers) is not a phone number.
 */
final class PhoneDetector implements Detector {
    private static final String SEP = "[ .\\-\\u00A0]?";
    private static final String BEFORE = "(?<![\\p{L}0-9+/\\-.,])";
    private static final Pattern FRENCH = Pattern.compile(BEFORE + "(?:0[1-9]|(?:\\+|00)33" + SEP + "(?:\\(0\\)" + SEP
            + ")?[1-9])(?:" + SEP + "[0-9]{2}){4}(?![0-9])");
    private static final Pattern INTERNATIONAL = Pattern.compile(BEFORE + "\\+[1-9][0-9]{0,2}(?:" + SEP
            + "(?:\\([0-9]{1,4}\\)|[0-9]{1,4})){2,6}(?![0-9])");
    private static final Pattern NORTH_AMERICAN = Pattern.compile(BEFORE + "\\([2-9][0-9]{2}\\)[ \\u00A0]?[0-9]{3}[ .\\-][0-9]{4}(?![0-9])");
    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    @Override
    public List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        for (Pattern p : List.of(FRENCH, INTERNATIONAL, NORTH_AMERICAN)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                long digits = DIGIT.matcher(m.group()).results().count();
                if (p != INTERNATIONAL || digits >= 8 && digits <= 15) {
                    out.add(Finding.of(FindingType.PHONE, text, m.start(), m.end()));
                }
            }
        }
        return out;
    }
}
