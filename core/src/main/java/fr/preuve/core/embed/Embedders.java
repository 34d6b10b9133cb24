package fr.preuve.core.embed;

/**
 * The embedders Preuve uses by default: separate instances for queries (low latency) and for indexing (throughput),
 * since one ONNX session tuned for one is slower at the other.
 */
public final class Embedders {
    private Embedders() {
    }

    /** The embedder for search queries and answer sentences. */
    public static Embedder forQueries() {
        return LangChain4jEmbedder.bgeSmall();
    }

    /** The embedder for bulk indexing. */
    public static Embedder forIndexing() {
        return LangChain4jEmbedder.bgeSmall();
    }
}
