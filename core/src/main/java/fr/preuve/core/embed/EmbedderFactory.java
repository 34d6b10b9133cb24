package fr.preuve.core.embed;

/**
 * Makes the embedders of a corpus's {@link EmbeddingSpec}: the seam where wiring (runtime, indexing job) gets its
 * models, so that tests can inject others. {@link #onnx()} is the production one, {@link Embedders}. Callers close
 * what they get.
 */
public interface EmbedderFactory {

    /** The embedder that indexes a corpus declared with {@code spec}. */
    Embedder forIndexing(EmbeddingSpec spec);

    /** The embedder for the search queries and answer sentences of a corpus declared with {@code spec}. */
    Embedder forQueries(EmbeddingSpec spec);

    /** The ONNX models of {@link Embedders}, loaded anew on each call. */
    static EmbedderFactory onnx() {
        return Onnx.INSTANCE;
    }

    /** {@link Embedders}, as a factory. */
    enum Onnx implements EmbedderFactory {
        INSTANCE;

        @Override
        public Embedder forIndexing(EmbeddingSpec spec) {
            return Embedders.forIndexing(spec);
        }

        @Override
        public Embedder forQueries(EmbeddingSpec spec) {
            return Embedders.forQueries(spec);
        }
    }
}
