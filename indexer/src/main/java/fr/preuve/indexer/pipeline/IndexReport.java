package fr.preuve.indexer.pipeline;

import java.util.List;

/**
 * The result of an indexing run.
 *
 * @param corpusVersion version recorded by this run (unchanged when nothing changed)
 * @param upToDate      true when the corpus fingerprint matched the last complete run and nothing was read
 * @param kept          documents no longer declared but kept because some items failed to read
 */
public record IndexReport(String corpusVersion, boolean upToDate, int added, int changed, int unchanged, int deleted,
                          int kept, int passagesWritten, List<DocumentOutcome.Failed> failures, double seconds) {

    public String summary() {
        if (upToDate) {
            return "corpus " + corpusVersion + " is up to date (nothing changed since the last complete run)";
        }
        return String.format(java.util.Locale.ROOT,
                "corpus %s: %d added, %d changed, %d unchanged, %d deleted%s, %d passages embedded, %d failures, %.1f s",
                corpusVersion, added, changed, unchanged, deleted, kept > 0 ? " (" + kept + " kept: failures in this run)" : "",
                passagesWritten, failures.size(), seconds);
    }
}
