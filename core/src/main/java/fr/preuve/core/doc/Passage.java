package fr.preuve.core.doc;

import java.util.Objects;

/**
 * A retrievable passage of about 100–200 words, cut on sentence boundaries inside one section.
 *
 * @param id      stable id, {@code <document id>#<ordinal>} (for example {@code pubmed:21645374#2})
 * @param docId   the document it comes from
 * @param ordinal 0-based position among the document's passages
 * @param title   document title
 * @param section section heading, or {@code null}
 * @param page    1-based PDF page, or {@code null}
 * @param language ISO 639-1 code
 * @param date    document date ({@code yyyy[-MM[-dd]]}) or {@code null}
 * @param url     link to the original, or {@code null}
 * @param start   offset of the passage's first character in {@link SourceDocument#text()}
 * @param end     offset just past its last character
 * @param text    the passage text, equal to {@code document.text().substring(start, end)}
 */
public record Passage(String id, DocumentId docId, int ordinal, String title, String section, Integer page,
                      String language, String date, String url, int start, int end, String text) {
    public Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("passage " + id + ": bad offsets [" + start + ", " + end + ")");
        }
    }

    public static String idOf(DocumentId docId, int ordinal) {
        return docId + "#" + ordinal;
    }

    public SourceKind source() {
        return docId.source();
    }

    public Integer year() {
        return date == null ? null : Integer.valueOf(date.substring(0, 4));
    }
}
