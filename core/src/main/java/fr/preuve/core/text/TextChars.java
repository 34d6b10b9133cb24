package fr.preuve.core.text;

/** Character classes of the sentence splitter: white space, line breaks, terminal punctuation. */
final class TextChars {

    /** Punctuation that may end a sentence. */
    static final String TERMINALS = ".!?…";

    private TextChars() {
    }

    /** White space, including no-break spaces (French typography puts U+00A0 / U+202F before {@code ? ! : ;}). */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isHorizontalSpace(char c) {
        return isSpace(c) && !isLineBreak(c);
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u0085' || c == '\u2028'
                || c == '\u2029';
    }

    /** Whether {@code text[s, e)} holds a letter or a digit. */
    static boolean hasLetterOrDigit(String text, int s, int e) {
        for (int p = s; p < e; p++) {
            if (Character.isLetterOrDigit(text.charAt(p))) {
                return true;
            }
        }
        return false;
    }

    static boolean allLetters(String s) {
        for (int p = 0; p < s.length(); p++) {
            if (!Character.isLetter(s.charAt(p))) {
                return false;
            }
        }
        return true;
    }
}
