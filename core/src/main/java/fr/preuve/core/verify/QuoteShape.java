package fr.preuve.core.verify;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells, independently of the answerer's own quoting rules, whether a delivered extractive sentence is something a
 * clinician should not be shown as an answer: a question (a GRADE or PICO question, a title), a heading (no final
 * punctuation), a fragment (it starts in lower case, or mid-list with its marker and no lead-in) or a bibliographic
 * reference.
 */
public final class QuoteShape {

    /** What is wrong with a quote. */
    public enum Flaw { QUESTION, HEADING, FRAGMENT, LIST_ITEM_ALONE, REFERENCE }

    private static final Pattern LIST_START = Pattern.compile("^([-–—•·▪◦*]|o\\s|\\(?[0-9]{1,2}\\)|\\(?[ivx]{1,4}\\)|\\(?[a-h]\\))\\s*");
    private static final Pattern REFERENCE = Pattern.compile("^\\d{1,3}\\.\\s+\\p{Lu}[\\p{L}'’-]+,?\\s+\\p{Lu}{1,4}[,.]"
            + "|\\b(19|20)\\d\\d\\s?;\\s?\\d+\\s?[(:]|\\bdoi\\s?:");
    private static final String ENDS = ".!»\"”')]";

    private QuoteShape() {
    }

    /** The flaw of {@code sentence} as delivered (citation markers removed), if any. */
    public static Optional<Flaw> flaw(String sentence) {
        String s = sentence.strip();
        if (s.isEmpty()) {
            return Optional.of(Flaw.HEADING);
        }
        if (s.endsWith("?")) {
            return Optional.of(Flaw.QUESTION);
        }
        if (ENDS.indexOf(s.charAt(s.length() - 1)) < 0) {
            return Optional.of(Flaw.HEADING);
        }
        if (LIST_START.matcher(s).find()) {
            return Optional.of(Flaw.LIST_ITEM_ALONE);
        }
        if (REFERENCE.matcher(s).find()) {
            return Optional.of(Flaw.REFERENCE);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                String word = s.substring(i, end);
                boolean name = word.chars().anyMatch(Character::isUpperCase) || word.chars().anyMatch(Character::isDigit);
                return Character.isLowerCase(c) && !name ? Optional.of(Flaw.FRAGMENT) : Optional.empty();
            }
            if (Character.isDigit(c)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
