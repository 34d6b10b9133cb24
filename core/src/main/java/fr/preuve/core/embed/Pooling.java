package fr.preuve.core.embed;

import java.util.Locale;

/** How the token vectors an encoder outputs for a text become the text's vector. */
public enum Pooling {
    /** The first token's vector ({@code [CLS]}): bge models. */
    CLS,
    /** The mean over the text's tokens, special tokens included, as LangChain4j does: e5, MiniLM. */
    MEAN;

    /** The name used in corpus files and model ids: {@code cls} or {@code mean}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code cls} or {@code mean} (any case); anything else is an {@link IllegalArgumentException}. */
    public static Pooling parse(String value) {
        if (value != null) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            for (Pooling p : values()) {
                if (p.key().equals(v)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + value + "'; expected cls or mean");
    }
}
