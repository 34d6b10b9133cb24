package fr.preuve.core.testing;

import fr.preuve.core.embed.Embedder;
import java.util.List;

/** An {@link Embedder} that hands every call to {@link #delegate()}; an implementation overrides what it changes. */
public interface ForwardingEmbedder extends Embedder {
    Embedder delegate();

    @Override
    default List<float[]> embedAll(List<String> texts) {
        return delegate().embedAll(texts);
    }

    @Override
    default float[] embedQuery(String query) {
        return delegate().embedQuery(query);
    }

    @Override
    default int dimension() {
        return delegate().dimension();
    }

    @Override
    default String modelId() {
        return delegate().modelId();
    }

    @Override
    default void close() {
        delegate().close();
    }
}
