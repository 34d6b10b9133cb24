package fr.preuve.indexer.pipeline;

import java.util.List;

/**
 * What an indexing run would do ({@code preuve index --dry-run}), by document id.
 *
 * @param removed  indexed documents no longer declared, which the run would delete
 * @param kept     indexed documents no longer declared but kept because some items failed to read
 * @param failures items that could not be read
 */
public record IndexPlan(List<String> added, List<String> changed, List<String> removed, List<String> kept,
                        int unchanged, List<DocumentOutcome.Failed> failures) {
    public IndexPlan {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
        failures = List.copyOf(failures);
    }
}
