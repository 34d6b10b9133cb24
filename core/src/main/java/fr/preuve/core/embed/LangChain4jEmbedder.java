package fr.preuve.core.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The in-process default: LangChain4j's {@code bge-small-en-v1.5} quantized ONNX model, shipped in a Maven artifact, so
 * nothing is downloaded at run time. This is also the baseline the embedding benchmark compares against.
 */
public final class LangChain4jEmbedder implements Embedder {

    /** Model id recorded with indexes built by this embedder. */
    public static final String BGE_SMALL_EN_V15_Q = "bge-small-en-v1.5-q";

    private final EmbeddingModel model;
    private final String queryPrefix;
    private final String modelId;

    public LangChain4jEmbedder(EmbeddingModel model, String modelId, String queryPrefix) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.queryPrefix = queryPrefix == null ? "" : queryPrefix;
    }

    /** The default bge-small-en-v1.5 quantized model, no query instruction. */
    public static LangChain4jEmbedder bgeSmall() {
        return new LangChain4jEmbedder(new BgeSmallEnV15QuantizedEmbeddingModel(), BGE_SMALL_EN_V15_Q, "");
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(Vectors.normalize(e.vector()));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return Vectors.normalize(model.embed(queryPrefix + query).content().vector());
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public String modelId() {
        return modelId;
    }
}
