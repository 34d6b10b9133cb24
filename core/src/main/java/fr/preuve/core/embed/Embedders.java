package fr.preuve.core.embed;

/**
 * The embedders Preuve uses by default. Both are {@link OnnxBatchEmbedder} running the bge-small-en-v1.5 quantized
 * model that LangChain4j ships; its vectors are identical to LangChain4j's default path and it is about 1.25× faster
 * on 200-word passages (docs/benchmarks.md). Callers close what they get.
 */
public final class Embedders {
    private Embedders() {
    }

    /** The embedder for search queries and answer sentences. */
    public static OnnxBatchEmbedder forQueries() {
        return OnnxBatchEmbedder.bgeSmall();
    }

    /** The embedder for bulk indexing. */
    public static OnnxBatchEmbedder forIndexing() {
        return OnnxBatchEmbedder.bgeSmall();
    }
}
