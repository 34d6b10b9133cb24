package fr.preuve.indexer.pipeline;

import fr.preuve.core.config.Keyed;

/** Where an indexing run is; {@code GET /api/status} and the librarian page read the lower-case key. */
public enum IndexState implements Keyed {
    /** No run has started. */
    IDLE,
    /** Reading the sources. */
    READING,
    /** Embedding and writing passages. */
    EMBEDDING,
    /** The run is over and its corpus version published. */
    DONE,
    /** The run stopped on an error. */
    FAILED,
    /** A librarian stopped the run; what it wrote is committed and the next run resumes from there. */
    CANCELLED;

    /** Whether a run is under way. */
    public boolean running() {
        return this == READING || this == EMBEDDING;
    }

    /** Whether the run is over, well or not. */
    public boolean over() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
