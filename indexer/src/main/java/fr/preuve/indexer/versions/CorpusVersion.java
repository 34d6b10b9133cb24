package fr.preuve.indexer.versions;

import fr.preuve.core.index.IndexCounts;
import java.util.Map;

/**
 * One line of a corpus's version history: a complete indexing run that produced a new version, or a rollback.
 *
 * @param event      {@code indexed} or {@code rollback}
 * @param version    the corpus version ({@code demo-20261122-3f2a9c1b}); for a rollback, the version restored
 * @param date       ISO instant of the event
 * @param corpus     corpus name
 * @param configHash fingerprint of the declaration and its input files
 * @param model      embedding model id
 * @param pipeline   parsing and chunking version
 * @param documents  documents in this version
 * @param passages   passages in this version
 * @param perSource  documents and passages per declared source name
 * @param added      documents new since the version before
 * @param changed    documents whose content changed
 * @param removed    documents no longer present
 * @param unchanged  documents carried over as they were
 * @param failures   items that could not be read in the run
 * @param note       for people: {@code rolled back to X from Y}, or null
 */
public record CorpusVersion(String event, String version, String date, String corpus, String configHash, String model,
                            String pipeline, int documents, int passages, Map<String, IndexCounts.SourceCount> perSource,
                            int added, int changed, int removed, int unchanged, int failures, String note) {

    public static final String INDEXED = "indexed";
    public static final String ROLLBACK = "rollback";

    public CorpusVersion {
        perSource = perSource == null ? Map.of() : Map.copyOf(perSource);
    }

    /** This version restored at {@code when}, with the differences from the version it replaced. */
    CorpusVersion asRollback(String when, String from, VersionDiff diff) {
        return new CorpusVersion(ROLLBACK, version, when, corpus, configHash, model, pipeline, documents, passages,
                perSource, diff.added().size(), diff.changed().size(), diff.removed().size(),
                documents - diff.added().size() - diff.changed().size(), 0, "rolled back to " + version + " from " + from);
    }
}
