package fr.preuve.indexer.pipeline;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.index.PassageIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The removal phase of a run: indexed documents that were not read again.
 *
 * @param deleted documents deleted from the index
 * @param kept    documents not read again but kept: given before the cursor of a resumed source, or possibly among
 *                the items that failed to read
 */
record Removal(int deleted, int kept) {

    /**
     * Deletes the documents of {@code present} that {@code reading} did not give, unless something failed to read (it
     * may be among the missing) and the index was not emptied for this run. A resumed source did not give again the
     * documents it gave before its cursor: they stay.
     *
     * @param present  content hash of each document indexed before the run
     * @param restarted whether the index was emptied for this run (nothing is then left to keep)
     */
    static Removal apply(PassageIndex index, Map<String, String> present, SourceReading reading, boolean restarted) {
        SourceCursors resumeFrom = reading.resumedFrom();
        Map<String, String> originOf = new HashMap<>();
        if (!resumeFrom.isEmpty()) {
            index.documentEntries().forEach(e -> originOf.put(e.id(), e.origin()));
        }
        List<String> missing = reading.missing(present);
        Predicate<String> resumed = id -> originOf.containsKey(id) && resumeFrom.bySource().containsKey(originOf.get(id));
        int kept = (int) missing.stream().filter(resumed).count();
        missing = missing.stream().filter(resumed.negate()).toList();
        if (!reading.failures().isEmpty() && !restarted) {
            return new Removal(0, kept + missing.size());
        }
        for (String id : missing) {
            index.delete(DocumentId.parse(id));
        }
        return new Removal(missing.size(), kept);
    }
}
