package fr.preuve.core.search;

import java.util.Locale;

/** Which ranking produces the results: BM25 alone, vectors alone, or both fused. */
public enum Retriever {
    BM25, VECTOR, HYBRID;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Retriever fromKey(String key) {
        for (Retriever r : values()) {
            if (r.key().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown retriever '" + key + "'; expected bm25, vector or hybrid");
    }
}
