package fr.preuve.core.doc;

import fr.preuve.core.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A parsed document, ready to be cut into passages: what every source produces and the indexer consumes.
 *
 * @param id       stable id, {@code source:native-id}
 * @param title    title as published
 * @param language ISO 639-1 code of the text ({@code "en"}, {@code "fr"})
 * @param date     publication date as precise as known: {@code "2021"}, {@code "2021-03"} or {@code "2021-03-02"};
 *                 may be {@code null}
 * @param url      where a clinician checks the original (PubMed page, HAS page, WHO IRIS handle); may be {@code null}
 * @param sections the text, in reading order; passages never cross a section
 * @param metadata extra facts shown with citations (MeSH terms, journal, ISBN, licence...), sorted by key
 */
public record SourceDocument(DocumentId id, String title, String language, String date, String url,
                             List<Section> sections, Map<String, String> metadata) {

    /** Separator placed between sections in {@link #text()}; passage offsets count it. */
    public static final String SECTION_SEPARATOR = "\n\n";

    public SourceDocument {
        Objects.requireNonNull(id, "id");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("document " + id + " has no title");
        }
        if (language == null || !language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("document " + id + ": language must be an ISO 639-1 code, got '" + language + "'");
        }
        if (date != null && !date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            throw new IllegalArgumentException("document " + id + ": date must be yyyy, yyyy-MM or yyyy-MM-dd, got '" + date + "'");
        }
        if (sections == null || sections.isEmpty()) {
            throw new IllegalArgumentException("document " + id + " has no text");
        }
        sections = List.copyOf(sections);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    public SourceKind source() {
        return id.source();
    }

    /** Publication year, or {@code null} when the date is unknown. */
    public Integer year() {
        return date == null ? null : Integer.valueOf(date.substring(0, 4));
    }

    /** The whole text: sections joined by {@link #SECTION_SEPARATOR}. Passage offsets point into it. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            if (!sb.isEmpty()) {
                sb.append(SECTION_SEPARATOR);
            }
            sb.append(s.text());
        }
        return sb.toString();
    }

    /** SHA-256 over everything indexed from this document; equal hashes mean nothing to re-index. */
    public String contentHash() {
        MessageDigest md = Sha256.digest();
        update(md, id.toString());
        update(md, title);
        update(md, language);
        update(md, date);
        update(md, url);
        for (Section s : sections) {
            update(md, s.heading());
            update(md, s.page() == null ? null : s.page().toString());
            update(md, s.text());
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            update(md, e.getKey());
            update(md, e.getValue());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        md.update(s == null ? new byte[] {0} : s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0x1f);
    }
}
