package fr.preuve.core.embed;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which embedding model a corpus is indexed and searched with: the model shipped with Preuve, named by its id, or a
 * BERT-like ONNX encoder on disk with its tokenizer, pooling and instructions. {@link Embedders} makes the embedders of
 * a spec; {@link Embedders#modelId} names the vectors it gives.
 */
public sealed interface EmbeddingSpec permits EmbeddingSpec.Shipped, EmbeddingSpec.OnDisk {

    /** The model used when a corpus declares none. */
    String DEFAULT_ID = LangChain4jEmbedder.BGE_SMALL_EN_V15_Q;

    /** Ids of the models that ship with Preuve. */
    List<String> SHIPPED = List.of(DEFAULT_ID);

    /** Tokens a text is cut at (special tokens included) when a model on disk declares no {@code maxTokens}. */
    int DEFAULT_MAX_TOKENS = 512;

    /** Largest {@code maxTokens} accepted (bge-m3 reads 8,192 tokens). */
    int MAX_TOKENS_LIMIT = 8192;

    /** The model's name, for people and for its model id. */
    String name();

    /** This spec with relative paths resolved against {@code base} (the corpus file's directory). */
    EmbeddingSpec resolve(Path base);

    /** The default: {@code bge-small-en-v1.5-q}, shipped inside a Maven artifact. */
    static Shipped shipped() {
        return new Shipped(DEFAULT_ID);
    }

    /**
     * A model shipped with Preuve.
     *
     * @param id one of {@link #SHIPPED}
     */
    record Shipped(String id) implements EmbeddingSpec {
        public Shipped {
            Objects.requireNonNull(id, "id");
            if (!SHIPPED.contains(id)) {
                throw new IllegalArgumentException("unknown embedding '" + id + "'; available: "
                        + String.join(", ", SHIPPED) + ", or a model on disk {name, model, pooling}");
            }
        }

        @Override
        public String name() {
            return id;
        }

        @Override
        public Shipped resolve(Path base) {
            return this;
        }
    }

    /**
     * A BERT-like encoder exported to ONNX ({@code input_ids}, {@code attention_mask}, optionally
     * {@code token_type_ids}; a {@code [batch, tokens, dimension]} output) with its HuggingFace {@code tokenizer.json}.
     *
     * @param name          the model's name ({@code multilingual-e5-small})
     * @param model         the {@code .onnx} file
     * @param tokenizer     the {@code tokenizer.json}; null for {@code tokenizer.json} beside the model
     * @param pooling       how token vectors are pooled
     * @param queryPrefix   prepended to search queries ({@code "query: "} for e5); null for none
     * @param passagePrefix prepended to passages ({@code "passage: "} for e5); null for none
     * @param maxTokens     tokens a text is cut at, special tokens included; 0 for {@link #DEFAULT_MAX_TOKENS}
     */
    record OnDisk(String name, Path model, Path tokenizer, Pooling pooling, String queryPrefix, String passagePrefix,
                  int maxTokens) implements EmbeddingSpec {
        public OnDisk {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the model's name is missing or blank");
            }
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(pooling, "pooling");
            tokenizer = tokenizer != null ? tokenizer : model.resolveSibling("tokenizer.json");
            queryPrefix = queryPrefix == null ? "" : queryPrefix;
            passagePrefix = passagePrefix == null ? "" : passagePrefix;
            maxTokens = maxTokens == 0 ? DEFAULT_MAX_TOKENS : maxTokens;
            if (maxTokens < 3 || maxTokens > MAX_TOKENS_LIMIT) {
                throw new IllegalArgumentException("maxTokens must be between 3 and " + MAX_TOKENS_LIMIT + ", got "
                        + maxTokens);
            }
        }

        /** A model with its tokenizer beside it, no prefixes and {@link #DEFAULT_MAX_TOKENS}. */
        public static OnDisk of(String name, Path model, Pooling pooling) {
            return new OnDisk(name, model, null, pooling, "", "", 0);
        }

        /** The same model with another pooling. */
        public OnDisk withPooling(Pooling other) {
            return new OnDisk(name, model, tokenizer, other, queryPrefix, passagePrefix, maxTokens);
        }

        @Override
        public OnDisk resolve(Path base) {
            return new OnDisk(name, base.resolve(model).normalize(), base.resolve(tokenizer).normalize(), pooling,
                    queryPrefix, passagePrefix, maxTokens);
        }
    }
}
