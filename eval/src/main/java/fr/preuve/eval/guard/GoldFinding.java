package fr.preuve.eval.guard;

import fr.preuve.core.guard.FindingType;
import java.util.Objects;

/**
 * A labelled piece of identifying data, located in its item's text.
 *
 * @param type  what it is
 * @param text  the characters as labelled
 * @param start offset in the item's text (the first occurrence not already taken by an earlier gold finding)
 * @param end   offset after the last character
 */
public record GoldFinding(FindingType type, String text, int start, int end) {
    public GoldFinding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end - start != text.length()) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ") for '" + text + "'");
        }
    }
}
