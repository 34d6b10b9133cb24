package fr.preuve.indexer.pipeline;

import java.util.List;

/**
 * The result of an indexing run.
 *
 * @param corpusVersion version recorded by this run (unchanged when nothing changed)
 * @param upToDate      true when the corpus fingerprint matched the last complete run and nothing was read
 * @param kept          documents no longer declared but kept because some items failed to read
 * @param passagesWritten passages written (of new and changed documents)
 * @param embedded      of those, passages embedded by the model
 * @param reused        of those, passages whose vectors came from the embedding cache
 */
public record IndexReport(String corpusVersion, boolean upToDate, int added, int changed, int unchanged, int deleted,
                          int kept, int passagesWritten, int embedded, int reused, List<DocumentOutcome.Failed> failures,
                          double seconds) {

    public String summary() {
        if (upToDate) {
            return "corpus " + corpusVersion + " is up to date (nothing changed since the last complete run)";
        }
        return String.format(java.util.Locale.ROOT,
                "corpus %s: %d added, %d changed, %d unchanged, %d deleted%s, %d passages written (%d embedded, %d from "
                        + "the cache), %d failures, %.1f s",
                corpusVersion, added, changed, unchanged, deleted, kept > 0 ? " (" + kept + " kept: failures in this run)" : "",
                passagesWritten, embedded, reused, failures.size(), seconds);
    }
}
