package fr.preuve.core.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.preuve.core.text.SentenceSplitter.MAX_TOKEN;
import static fr.preuve.core.text.SplitterLexicon.AMBIGUOUS;
import static fr.preuve.core.text.SplitterLexicon.AMBIGUOUS_BEFORE_NUMBER;
import static fr.preuve.core.text.SplitterLexicon.BEFORE_NUMBER;
import static fr.preuve.core.text.SplitterLexicon.INITIAL_PRECEDERS;
import static fr.preuve.core.text.SplitterLexicon.NON_TERMINAL;
import static fr.preuve.core.text.SplitterLexicon.NON_TERMINAL_CASED;
import static fr.preuve.core.text.SplitterLexicon.STARTERS;
import static fr.preuve.core.text.TextChars.allLetters;
import static fr.preuve.core.text.TextChars.isHorizontalSpace;
import static fr.preuve.core.text.TextChars.isSpace;

/**
 * Whether a single full stop followed by white space ends a sentence, from the token before it (number, initial,
 * abbreviation, dotted abbreviation) and the word after it; and whether a full stop glued to a capitalised word does.
 */
final class FullStops {

    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern NUMBER = Pattern.compile("[-+±<>≤≥~]?\\d+(?:[.,]\\d+)?");
    /** All-capital acronyms ({@code ART}, {@code PR}) are words, not abbreviations. */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,}");
    /** French elision before a token: {@code d’E. coli}, {@code l’AMM}. */
    private static final Pattern ELISION = Pattern.compile("\\p{L}{1,2}['’](?=\\p{L})");
    private static final Pattern ROMAN = Pattern.compile("[ivxIVX]{1,5}");
    /** Dotted abbreviations and initials: {@code U.S}, {@code n.s}, {@code J.-P}, {@code b.i.d}. */
    private static final Pattern DOTTED = Pattern.compile("\\p{L}{1,4}(?:\\.-?\\p{L}{1,4})+");
    private static final String OPENERS = "([{\"'“‘«‹¿¡";

    private FullStops() {
    }

    /**
     * Whether the full stop at {@code dot}, directly followed at {@code next} by a capitalised word ("transmission.Thus"),
     * ends a sentence: the word before is at least three lower-case letters, so initials, abbreviations with capitals
     * and "e.g." are left alone.
     */
    static boolean gluedSentence(String text, int dot, int next) {
        if (next + 1 >= text.length() || !Character.isUpperCase(text.charAt(next))
                || !Character.isLowerCase(text.charAt(next + 1))) {
            return false;
        }
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        if (dot - start < 3 || (start > 0 && text.charAt(start - 1) == '.')) {
            return false;
        }
        for (int p = start; p < dot; p++) {
            if (!Character.isLowerCase(text.charAt(p))) {
                return false;
            }
        }
        return !NON_TERMINAL.contains(text.substring(start, dot).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the full stop at {@code dot}, followed by white space and a non-space character at {@code next}, ends
     * the sentence that starts at {@code sentStart}.
     */
    static boolean fullStopEnds(String text, int dot, int next, int sentStart) {
        int ts = tokenStart(text, dot);
        if (ts < 0) {
            return true;
        }
        int a = ts;
        while (a < dot && OPENERS.indexOf(text.charAt(a)) >= 0) {
            a++;
        }
        if (a == dot) {
            return true; // "biliaires ." or "». "
        }
        Matcher elision = ELISION.matcher(text).region(a, dot);
        if (elision.lookingAt()) {
            a = elision.end(); // "d’E. coli" is about "E."
        }
        String tok = text.substring(a, dot);
        char nc = text.charAt(next);
        boolean atSentenceStart = ts == sentStart || a == sentStart;
        boolean singleLetter = tok.length() == 1 && Character.isLetter(tok.charAt(0));
        if (atSentenceStart && (singleLetter || SMALL_NUMBER.matcher(tok).matches() || ROMAN.matcher(tok).matches())) {
            return false; // list or heading number: "1. Prendre", "II. Résultats", "a. ..."
        }
        if (SMALL_NUMBER.matcher(tok).matches()
                && (Character.isLowerCase(nc) || previousToken(text, ts).endsWith(":"))) {
            return false; // enumerations: "Posologie : 1. Prendre", "twofold: 1. to assess ... and 2. to compare"
        }
        if (NON_TERMINAL_CASED.contains(tok)) {
            return false;
        }
        String lower = ACRONYM.matcher(tok).matches() ? "" : tok.toLowerCase(Locale.ROOT); // "ART." is a word
        if (NON_TERMINAL.contains(lower)) {
            return false;
        }
        if (BEFORE_NUMBER.contains(lower) && Character.isDigit(nc)) {
            return false;
        }
        if (AMBIGUOUS.contains(lower)) {
            if (Character.isDigit(nc)) {
                return !AMBIGUOUS_BEFORE_NUMBER.contains(lower); // "20-40 min. 244 parents" vs "Smith et al. 2005"
            }
            return startsCapitalisedWord(text, next);
        }
        if (singleLetter) {
            return singleLetterEnds(text, ts, tok.charAt(0), next);
        }
        if (DOTTED.matcher(tok).matches()) {
            if (Character.isLowerCase(nc) || Character.isDigit(nc)) {
                return false;
            }
            return !Character.isUpperCase(nc) || isStarter(text, next);
        }
        return true;
    }

    private static boolean singleLetterEnds(String text, int ts, char letter, int next) {
        char nc = text.charAt(next);
        String prev = previousToken(text, ts);
        if (NUMBER.matcher(prev).matches()) {
            // a unit: "24 h. The" and "-0.5 D. Cycloplegic" end, "24 h. after" does not
            return Character.isDigit(nc) || startsCapitalisedWord(text, next);
        }
        if (Character.isLowerCase(nc) || Character.isDigit(nc)) {
            return false; // "A. madagascariensis", "p. ex.", "p. 12"
        }
        if (!Character.isUpperCase(nc)) {
            return true;
        }
        if (isStarter(text, next)) {
            return true; // "vitamin C. The ..."
        }
        if (letter == 'M' || Character.isLowerCase(letter)) {
            return false; // French title "M. Dupont"
        }
        // "J. Smith" is an initial unless the letter follows an ordinary lower-case word ("hepatitis B. Patients")
        boolean plainLowerWord = !prev.isEmpty() && Character.isLowerCase(prev.charAt(0)) && allLetters(prev);
        return plainLowerWord && !INITIAL_PRECEDERS.contains(prev);
    }

    /** Start of the white-space-delimited token ending just before {@code end}, or -1 if longer than the cap. */
    private static int tokenStart(String text, int end) {
        int p = end;
        while (p > 0 && !isSpace(text.charAt(p - 1))) {
            p--;
            if (end - p > MAX_TOKEN) {
                return -1;
            }
        }
        return p;
    }

    /** The token before the one starting at {@code ts}, or "" (at the start, or after a line break). */
    private static String previousToken(String text, int ts) {
        int p = ts;
        int limit = Math.max(0, ts - MAX_TOKEN);
        while (p > limit && isHorizontalSpace(text.charAt(p - 1))) {
            p--;
        }
        if (p == ts || p <= limit) {
            return "";
        }
        int e = p;
        while (p > limit && !isSpace(text.charAt(p - 1))) {
            p--;
        }
        return text.substring(p, e);
    }

    private static boolean startsCapitalisedWord(String text, int at) {
        if (isStarter(text, at)) {
            return true;
        }
        if (!Character.isUpperCase(text.charAt(at)) || at + 1 >= text.length()) {
            return false;
        }
        char c1 = text.charAt(at);
        char c2 = text.charAt(at + 1);
        // "Overall", "L’ivabradine", or the one-letter words "A ..." / "I ..."
        return Character.isLowerCase(c2) || c2 == '’' || c2 == '\'' || (c1 == 'A' || c1 == 'I') && isSpace(c2);
    }

    private static boolean isStarter(String text, int at) {
        int n = text.length();
        int e = at;
        while (e < n && e - at < 32 && Character.isLetter(text.charAt(e))) {
            e++;
        }
        if (e == at || !Character.isUpperCase(text.charAt(at))) {
            return false;
        }
        if (e < n && e - at <= 2 && (text.charAt(e) == '’' || text.charAt(e) == '\'')) {
            return true; // elided French article or pronoun: "L’ivabradine", "D’autres", "Qu’il"
        }
        return STARTERS.contains(text.substring(at, e));
    }
}
