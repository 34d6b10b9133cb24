package fr.preuve.core.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.preuve.core.text.SplitterLexicon.CONTINUING;
import static fr.preuve.core.text.TextChars.TERMINALS;
import static fr.preuve.core.text.TextChars.isHorizontalSpace;
import static fr.preuve.core.text.TextChars.isLineBreak;
import static fr.preuve.core.text.TextChars.isSpace;

/**
 * Which line breaks of one text end a sentence: a form feed or paragraph separator, a blank line, a line that opens
 * with a list marker, or the end of a heading. A single break inside a sentence (a wrapped line) does not.
 */
final class LineBreaks {

    /** A list marker at the start of a line, followed by white space. */
    private static final Pattern LIST_MARKER = Pattern.compile(
            "(?:[•●▪■◦‣○□➢►▶✓✔*·?\\-–—]|\\d{1,3}[.)]|\\(\\d{1,3}\\)|\\(?[a-zA-Z]\\)|[ivxIVX]{1,5}[.)])"
                    + "(?=[\\s\\u00A0\\u202F])");
    /** A line of at most this many words, without terminal punctuation, before a capitalised line is a heading. */
    private static final int MAX_HEADING_WORDS = 12;

    private final String text;
    private final Matcher marker;

    LineBreaks(String text) {
        this.text = text;
        this.marker = LIST_MARKER.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Whether the line break at {@code i} ends the sentence. */
    boolean endsSentence(int i) {
        char c = text.charAt(i);
        if (c == '\f' || c == '\u2029') {
            return true;
        }
        int n = text.length();
        int k = i + 1;
        if (c == '\r' && k < n && text.charAt(k) == '\n') {
            k++;
        }
        while (k < n && isHorizontalSpace(text.charAt(k))) {
            k++;
        }
        if (k >= n) {
            return false;
        }
        if (isLineBreak(text.charAt(k))) {
            return true; // blank line: paragraph break
        }
        return marker.region(k, Math.min(n, k + 8)).lookingAt() || headingBefore(text, i, k);
    }

    /**
     * Whether the line ending at {@code lineEnd} is a heading: short, no terminal punctuation, and the next line (at
     * {@code next}) opens with a capital or a digit. Sources unwrap their lines, so such a line is not a wrapped one:
     * "Concomitant use of antibiotics\nThe threshold for administering…".
     */
    private static boolean headingBefore(String text, int lineEnd, int next) {
        char nc = text.charAt(next);
        if (!Character.isUpperCase(nc) && !Character.isDigit(nc)) {
            return false;
        }
        int start = lineEnd;
        while (start > 0 && !isLineBreak(text.charAt(start - 1))) {
            start--;
        }
        int end = lineEnd;
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (end == start || TERMINALS.indexOf(text.charAt(end - 1)) >= 0 || ",;:".indexOf(text.charAt(end - 1)) >= 0) {
            return false;
        }
        if (!Character.isUpperCase(text.charAt(start)) && !Character.isDigit(text.charAt(start))) {
            return false;
        }
        int lastWord = end;
        while (lastWord > start && Character.isLetter(text.charAt(lastWord - 1))) {
            lastWord--;
        }
        if (CONTINUING.contains(text.substring(lastWord, end).toLowerCase(Locale.ROOT))) {
            return false; // "Patients were treated with\nArtesunate": the sentence goes on
        }
        return Chunker.countWords(text.subSequence(start, end)) <= MAX_HEADING_WORDS;
    }
}
