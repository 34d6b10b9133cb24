package fr.preuve.eval.answers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How key facts are found in an answer: case-insensitively, after collapsing white space (no-break spaces included)
 * and normalising how numbers are written: dashes of ranges ({@code 6–12}, {@code 6-12}), decimal commas
 * ({@code 2,4} = {@code 2.4}), the space before a percent sign or between a number and its unit ({@code 42 %} =
 * {@code 42%}, {@code 20 mg} = {@code 20mg}).
 */
public final class KeyFacts {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F\\u2009]+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212]");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("(\\d),(\\d)");
    private static final Pattern NUMBER_SPACE = Pattern.compile("(\\d) (?=[%\\p{L}µ/])");
    private static final Pattern RANGE_SPACE = Pattern.compile("(\\d) ?- ?(\\d)");

    private KeyFacts() {
    }

    /** The comparable form of a fact or an answer. */
    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String t = SPACES.matcher(s).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        t = DASHES.matcher(t).replaceAll("-");
        t = DECIMAL_COMMA.matcher(t).replaceAll("$1.$2");
        t = RANGE_SPACE.matcher(t).replaceAll("$1-$2");
        return NUMBER_SPACE.matcher(t).replaceAll("$1");
    }

    /** Whether {@code answer} states {@code fact}. */
    public static boolean found(String fact, String answer) {
        return normalise(answer).contains(normalise(fact));
    }
}
