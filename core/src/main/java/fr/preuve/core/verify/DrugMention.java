package fr.preuve.core.verify;

import java.util.Objects;

/**
 * A drug name found in a text.
 *
 * @param text  the name as written ({@code "amoxicilline"}, {@code "Amoxicillin"})
 * @param key   canonical key shared by the French and English spellings ({@code "amoxicillin"}): an identifier,
 *              accent-free and lower-case, not a display name
 * @param start offset of the name in the text
 * @param end   offset just past the name
 */
public record DrugMention(String text, String key, int start, int end) {
    public DrugMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(key, "key");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad mention span [" + start + ", " + end + ") for '" + text + "'");
        }
    }
}
