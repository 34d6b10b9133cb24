package fr.preuve.core.index;

/**
 * Where an indexed document came from, recorded on its doc entry (the URL and the checksum are the document's own
 * {@code url} and content hash).
 *
 * @param origin    name of the declared source that produced it ({@code pubmedqa}, {@code who-healthy-diet})
 * @param licence   licence declared for that source, or null when none was declared
 * @param parser    source type and pipeline version that parsed and cut it ({@code who-pdf/pipeline 3})
 * @param indexedAt ISO instant at which it was written to the index
 */
public record Provenance(String origin, String licence, String parser, String indexedAt) {
    public Provenance {
        if (origin == null || origin.isBlank()) {
            throw new IllegalArgumentException("provenance needs the source's name, got '" + origin + "'");
        }
    }

    /** For documents written without provenance (indexes built before provenance was recorded). */
    public static Provenance unknown() {
        return new Provenance("unknown", null, null, null);
    }
}
