package fr.preuve.indexer.pipeline;

/** What happened to one document in an indexing run. */
public sealed interface DocumentOutcome permits DocumentOutcome.Indexed, DocumentOutcome.Skipped, DocumentOutcome.Failed {

    /** Added (new) or replaced (changed), with its passage count. */
    record Indexed(String docId, boolean changed, int passages) implements DocumentOutcome {
    }

    /** Unchanged since the last run: nothing re-embedded. */
    record Skipped(String docId) implements DocumentOutcome {
    }

    /** Could not be read or indexed; the run went on. */
    record Failed(String source, String location, String reason) implements DocumentOutcome {
    }
}
