package fr.preuve.core.embed;

import java.util.List;

/**
 * Turns text into dense vectors. Implementations are thread-safe; vectors are L2-normalised so that the dot product is
 * the cosine similarity. Closing one frees what it holds (native model memory, threads); it then refuses work.
 */
public interface Embedder extends AutoCloseable {

    /** Embeds passages, in order. Implementations batch internally; callers may pass any number of texts. */
    List<float[]> embedAll(List<String> texts);

    /** Embeds one search query (may add a model-specific query instruction). */
    float[] embedQuery(String query);

    /** Vector dimension. */
    int dimension();

    /** Identifies model and runtime, recorded with the index so that a change forces re-embedding. */
    String modelId();

    /** Frees the model and threads; nothing by default. Idempotent. */
    @Override
    default void close() {
    }
}
