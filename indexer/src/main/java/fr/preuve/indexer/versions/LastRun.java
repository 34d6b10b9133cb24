package fr.preuve.indexer.versions;

import fr.preuve.indexer.pipeline.DocumentOutcome;
import java.util.List;

/**
 * The last indexing run that read the sources, kept next to the index so that status pages show it after a restart.
 *
 * @param version  corpus version the run left
 * @param started  ISO instant
 * @param finished ISO instant
 * @param embedded passages embedded by the model
 * @param reused   passages whose vectors came from the embedding cache
 * @param failures number of items that could not be read or indexed
 * @param failed   each failure: source name, file or URL, reason
 */
public record LastRun(String version, String started, String finished, double seconds, int added, int changed,
                      int unchanged, int removed, int kept, int embedded, int reused, int failures,
                      List<DocumentOutcome.Failed> failed) {
    public LastRun {
        failed = failed == null ? List.of() : List.copyOf(failed);
    }
}
