package fr.preuve.core.guard;

import java.util.Objects;

/**
 * One piece of identifying data found in a text.
 *
 * @param type  what it is
 * @param text  the characters found, {@code text.equals(source.substring(start, end))}
 * @param start offset of the first character (UTF-16 index)
 * @param end   offset after the last character
 */
public record Finding(FindingType type, String text, int start, int end) {
    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for '" + text + "'");
        }
        if (text.length() != end - start) {
            throw new IllegalArgumentException("text '" + text + "' has " + text.length() + " characters but the span ["
                    + start + ", " + end + ") has " + (end - start));
        }
    }

    /** The finding of {@code type} covering {@code source[start, end)}. */
    static Finding of(FindingType type, String source, int start, int end) {
        return new Finding(type, source.substring(start, end), start, end);
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
