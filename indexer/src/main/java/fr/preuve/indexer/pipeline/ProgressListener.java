package fr.preuve.indexer.pipeline;

/** Receives progress snapshots of an indexing run (console bar, status endpoint). */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(IndexProgress progress);

    ProgressListener NONE = p -> {
    };
}
