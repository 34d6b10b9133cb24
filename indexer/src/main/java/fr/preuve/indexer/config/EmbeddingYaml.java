package fr.preuve.indexer.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import fr.preuve.core.embed.EmbeddingSpec;
import fr.preuve.core.embed.Pooling;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a corpus file's {@code embedding:} key: a shipped model's id ({@code bge-small-en-v1.5-q}), or a mapping that
 * declares a model on disk ({@code name}, {@code model}, {@code pooling} required; {@code tokenizer},
 * {@code queryPrefix}, {@code passagePrefix}, {@code maxTokens} optional). Paths stay as written; {@link CorpusConfig#load}
 * resolves them against the corpus file and checks the files. Every error names the field, such as
 * {@code embedding.pooling}, and the bad value.
 */
final class EmbeddingYaml extends StdDeserializer<EmbeddingSpec> {
    private static final long serialVersionUID = 1L;

    /** The keys of the mapping form, in the order they are documented. */
    static final List<String> KEYS = List.of("name", "model", "tokenizer", "pooling", "queryPrefix", "passagePrefix",
            "maxTokens");

    EmbeddingYaml() {
        super(EmbeddingSpec.class);
    }

    @Override
    public EmbeddingSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return new EmbeddingSpec.Shipped(p.getText().strip());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            String message = "'" + p.getText() + "' is neither a model id (" + EmbeddingSpec.DEFAULT_ID
                    + ") nor a mapping {" + String.join(", ", KEYS) + "}";
            throw JsonMappingException.from(p, message, new IllegalArgumentException(message));
        }
        JsonNode node = ctxt.readTree(p);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!KEYS.contains(key)) {
                throw error(p, key, "unknown key '" + key + "'; expected " + String.join(", ", KEYS));
            }
        }
        String name = text(p, node, "name", true);
        if (name.isBlank()) {
            throw error(p, "name", "the name is blank ('" + name + "'); name the model, e.g. multilingual-e5-small");
        }
        Path model = path(p, node, "model", true);
        Path tokenizer = node.has("tokenizer") ? path(p, node, "tokenizer", false) : null;
        String poolingValue = text(p, node, "pooling", true);
        Pooling pooling;
        try {
            pooling = Pooling.parse(poolingValue);
        } catch (IllegalArgumentException e) {
            throw error(p, "pooling", e.getMessage());
        }
        int maxTokens = 0;
        JsonNode max = node.get("maxTokens");
        if (max != null && !max.isNull()) {
            if (!max.isIntegralNumber() || !max.canConvertToInt()) {
                throw error(p, "maxTokens", "'" + max.asText() + "' is not a whole number of tokens");
            }
            maxTokens = max.intValue();
        }
        try {
            return new EmbeddingSpec.OnDisk(name.strip(), model, tokenizer, pooling, text(p, node, "queryPrefix", false),
                    text(p, node, "passagePrefix", false), maxTokens);
        } catch (IllegalArgumentException e) {
            throw error(p, "maxTokens", e.getMessage());
        }
    }

    /** The string value of {@code key}; null when absent and not required. */
    private static String text(JsonParser p, JsonNode node, String key, boolean required) throws JsonMappingException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(p, key, "missing: a model on disk needs " + describe(key)
                        + " (or write `embedding: " + EmbeddingSpec.DEFAULT_ID + "` for the shipped model)");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw error(p, key, "'" + v + "' is not a string");
        }
        return v.asText();
    }

    private static Path path(JsonParser p, JsonNode node, String key, boolean required) throws JsonMappingException {
        String value = text(p, node, key, required);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw error(p, key, "empty: name a file, relative to the corpus file or absolute");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw error(p, key, "'" + value + "' is not a valid path: " + e.getReason());
        }
    }

    private static String describe(String key) {
        return switch (key) {
            case "name" -> "its name";
            case "model" -> "the path of its .onnx file";
            case "pooling" -> "its pooling, cls or mean";
            default -> key;
        };
    }

    /** An error at the current location whose path ends in {@code key} (the caller's field adds {@code embedding}). */
    private static JsonMappingException error(JsonParser p, String key, String message) {
        JsonMappingException e = JsonMappingException.from(p, message, new IllegalArgumentException(message));
        e.prependPath(null, key);
        return e;
    }
}
