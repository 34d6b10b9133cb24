package fr.preuve.core.embed;

/**
 * The embedders Preuve uses, made from a corpus's {@link EmbeddingSpec}. All are {@link OnnxBatchEmbedder}: for the
 * shipped spec, the bge-small-en-v1.5 quantized model that LangChain4j ships (its vectors are identical to
 * LangChain4j's default path and it is about 1.25× faster on 200-word passages, docs/benchmarks.md); for a model on
 * disk, that model with its declared pooling and prefixes. The no-argument methods give the shipped model. Callers
 * close what they get.
 */
public final class Embedders {
    private Embedders() {
    }

    /** The embedder for search queries and answer sentences, shipped model. */
    public static OnnxBatchEmbedder forQueries() {
        return forQueries(EmbeddingSpec.shipped());
    }

    /** The embedder for bulk indexing, shipped model. */
    public static OnnxBatchEmbedder forIndexing() {
        return forIndexing(EmbeddingSpec.shipped());
    }

    /** The embedder for search queries and answer sentences of a corpus embedded with {@code spec}. */
    public static OnnxBatchEmbedder forQueries(EmbeddingSpec spec) {
        return create(spec, OnnxBatchEmbedder.Options.defaults());
    }

    /** The embedder that indexes a corpus with {@code spec}. */
    public static OnnxBatchEmbedder forIndexing(EmbeddingSpec spec) {
        return create(spec, OnnxBatchEmbedder.Options.defaults());
    }

    /** The embedder of {@code spec} with the given threads and batching. */
    public static OnnxBatchEmbedder create(EmbeddingSpec spec, OnnxBatchEmbedder.Options options) {
        return switch (spec) {
            case EmbeddingSpec.Shipped s -> OnnxBatchEmbedder.bgeSmall(options);
            case EmbeddingSpec.OnDisk d -> OnnxBatchEmbedder.fromFiles(d, options);
        };
    }

    /**
     * The model id the embedders of {@code spec} report (unbatched), without loading the model: what an index built
     * with it records. For a model on disk this reads its files to hash them.
     */
    public static String modelId(EmbeddingSpec spec) {
        return switch (spec) {
            case EmbeddingSpec.Shipped s -> s.id();
            case EmbeddingSpec.OnDisk d -> ModelIds.of(d);
        };
    }
}
