package fr.preuve.indexer.pipeline;

import fr.preuve.core.doc.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comparison phase of a run: which documents read must be (re)indexed, by content hash against the index.
 *
 * @param toIndex   new and changed documents, in reading order; every document read when vectors must be remade
 * @param added     ids of the documents the index does not have
 * @param unchanged documents whose content and vectors are already indexed
 */
record ChangeSet(List<SourceDocument> toIndex, List<String> added, int unchanged) {

    /**
     * Compares {@code documents} with the content hash of each indexed document.
     *
     * @param sameVectors false when the model or the chunking changed: every present document is then re-indexed
     */
    static ChangeSet of(Map<String, SourceDocument> documents, Map<String, String> present, boolean sameVectors) {
        List<SourceDocument> toIndex = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int unchanged = 0;
        for (SourceDocument d : documents.values()) {
            String old = present.get(d.id().toString());
            if (old == null) {
                added.add(d.id().toString());
                toIndex.add(d);
            } else if (!sameVectors || !old.equals(d.contentHash())) {
                // changed content, or a new model or chunking: every present document is re-indexed
                toIndex.add(d);
            } else {
                unchanged++;
            }
        }
        return new ChangeSet(toIndex, added, unchanged);
    }

    /** Documents already indexed whose content (or vectors) must be redone. */
    int changed() {
        return toIndex.size() - added.size();
    }
}
