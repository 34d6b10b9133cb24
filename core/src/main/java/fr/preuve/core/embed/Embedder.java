package fr.preuve.core.embed;

import java.util.List;

/**
 * Turns text into dense vectors. Implementations are thread-safe; vectors are L2-normalised so that the dot product is
 * the cosine similarity.
 */
public interface Embedder {

    /** Embeds passages, in order. Implementations batch internally; callers may pass any number of texts. */
    List<float[]> embedAll(List<String> texts);

    /** Embeds one search query (may add a model-specific query instruction). */
    float[] embedQuery(String query);

    /** Vector dimension. */
    int dimension();

    /** Identifies model and runtime, recorded with the index so that a change forces re-embedding. */
    String modelId();
}
