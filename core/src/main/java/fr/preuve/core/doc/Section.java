package fr.preuve.core.doc;

import java.util.Objects;

/**
 * A block of a document's text that passages never cross: an abstract section, a PDF page, a part of an HTML summary.
 *
 * @param heading section heading or label as printed in the source ("BACKGROUND", "Recommandations"), or {@code null}
 * @param page    1-based page number in the source PDF, or {@code null} when the source has no pages
 * @param text    the section's text, whitespace-normalised, never blank
 */
public record Section(String heading, Integer page, String text) {
    public Section {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("section text is blank (heading=" + heading + ", page=" + page + ")");
        }
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be >= 1, got " + page);
        }
        if (heading != null && heading.isBlank()) {
            heading = null;
        }
    }

    public static Section of(String heading, String text) {
        return new Section(heading, null, text);
    }

    public static Section page(int page, String heading, String text) {
        return new Section(heading, page, text);
    }
}
