package fr.preuve.indexer.pipeline;

import fr.preuve.core.index.CorpusState;

/**
 * What a run starts from: the state of the last commit, and the declaration and vectors of this run.
 *
 * @param corpus      corpus name
 * @param previous    the state of the last commit
 * @param fingerprint fingerprint of this run's declaration and input files
 * @param model       the embedding model of this run
 * @param pipeline    how this run cuts passages ({@link Indexer#pipelineId})
 */
record RunBasis(String corpus, CorpusState previous, String fingerprint, String model, String pipeline) {

    /** Whether the indexed passages were cut and embedded the way this run would. */
    boolean sameVectors() {
        return model.equals(previous.model()) && pipeline.equals(previous.pipeline());
    }

    /** Whether the last run completed over this very declaration with the same vectors. */
    boolean sameAsLastComplete() {
        return previous.complete() && sameVectors() && fingerprint.equals(previous.fingerprint());
    }

    /**
     * The state recorded at checkpoints. Until the run completes, documents not yet redone keep the previous model's
     * vectors (and the previous pipeline's passages): checkpoints record those, so that a run resumed after a crash
     * redoes every document (the vectors already computed come from the cache) and searches meanwhile refuse the new
     * query model.
     */
    CorpusState checkpoint() {
        boolean same = sameVectors();
        return previous.inProgress(fingerprint, same || previous.model() == null ? model : previous.model(),
                same || previous.pipeline() == null ? pipeline : previous.pipeline());
    }

    /** The state of the complete run that produced {@code version} on {@code date}. */
    CorpusState complete(String version, String date) {
        return new CorpusState(corpus, version, date, true, fingerprint, model, pipeline);
    }

    /** How the passages are cut and embedded, for the version hash. */
    String vectors() {
        return model + "|" + pipeline;
    }
}
