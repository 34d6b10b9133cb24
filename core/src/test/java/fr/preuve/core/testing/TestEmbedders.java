package fr.preuve.core.testing;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.EmbedderFactory;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.EmbeddingSpec;

/**
 * Embedders for tests. {@link #shipped()} is the real shipped model loaded once per test JVM (loading it takes a second
 * or two) and shared: closing what it hands out does nothing, the JVM's exit frees it. Passages of the test corpora get
 * the model's vectors precomputed in {@link TestVectors}; other texts and every query are embedded by the model.
 * {@link #factory()} gives that shared model for the shipped spec and a fresh ONNX model for a model on disk;
 * {@link #hashing()} gives the deterministic {@link HashingEmbedder} whatever the spec, for tests that do not depend
 * on the model's semantics.
 */
public final class TestEmbedders {
    private TestEmbedders() {
    }

    private static Embedder shared;

    /** The shipped model, one per JVM, shared by every test, with the {@link TestVectors}; not closable. */
    public static synchronized Embedder shipped() {
        if (shared == null) {
            Embedder model = TestVectors.over(Embedders.forIndexing());
            Runtime.getRuntime().addShutdownHook(new Thread(model::close, "close-test-model"));
            shared = new Unclosable(model);
        }
        return shared;
    }

    /** The real models: the shared {@link #shipped()} one, or a fresh one for a model on disk. */
    public static EmbedderFactory factory() {
        return Real.INSTANCE;
    }

    /** {@link HashingEmbedder} for every spec. */
    public static EmbedderFactory hashing() {
        return Hashing.INSTANCE;
    }

    private enum Real implements EmbedderFactory {
        INSTANCE;

        @Override
        public Embedder forIndexing(EmbeddingSpec spec) {
            return spec instanceof EmbeddingSpec.Shipped ? shipped() : Embedders.forIndexing(spec);
        }

        @Override
        public Embedder forQueries(EmbeddingSpec spec) {
            return spec instanceof EmbeddingSpec.Shipped ? shipped() : Embedders.forQueries(spec);
        }
    }

    private enum Hashing implements EmbedderFactory {
        INSTANCE;

        @Override
        public Embedder forIndexing(EmbeddingSpec spec) {
            return new HashingEmbedder();
        }

        @Override
        public Embedder forQueries(EmbeddingSpec spec) {
            return new HashingEmbedder();
        }
    }

    /** A shared embedder whose {@link #close()} does nothing. */
    private record Unclosable(Embedder delegate) implements ForwardingEmbedder {
        @Override
        public void close() {
            // shared by the JVM's tests; freed at exit
        }
    }
}
