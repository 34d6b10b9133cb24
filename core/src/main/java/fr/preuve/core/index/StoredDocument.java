package fr.preuve.core.index;

import java.util.Map;

/**
 * A document as recorded in the index, with its provenance.
 *
 * @param id            {@code source:native-id}
 * @param contentHash   SHA-256 of the parsed content; unchanged hash means nothing to re-index
 * @param passageCount  number of passages indexed for it
 * @param provenance    declared source, licence, parser and indexing time
 */
public record StoredDocument(String id, String source, String title, String language, String date, String url,
                             Map<String, String> metadata, String contentHash, int passageCount, String text,
                             Provenance provenance) {
}
