package fr.preuve.core.text;

/**
 * A character range {@code [start, end)} of some text: a sentence found by {@link SentenceSplitter}.
 *
 * @param start offset of the first character
 * @param end   offset just past the last character (exclusive)
 */
public record TextSpan(int start, int end) {
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** Number of characters covered. */
    public int length() {
        return end - start;
    }

    /** The covered characters of {@code text}, the text this span was computed on. */
    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
