package fr.preuve.core.search;

import java.util.Objects;

/**
 * A search request.
 *
 * @param text           the query text
 * @param k              passages wanted
 * @param filters        restrictions
 * @param retriever      ranking to use
 * @param maxPerDocument at most this many passages per document, or null for the configured default
 * @param translation    the question rendered in the corpus's other language by a model, joined to the lexical
 *                       bridge's rendering; or null
 */
public record SearchQuery(String text, int k, Filters filters, Retriever retriever, Integer maxPerDocument,
                          String translation) {

    public SearchQuery(String text, int k, Filters filters, Retriever retriever, Integer maxPerDocument) {
        this(text, k, filters, retriever, maxPerDocument, null);
    }

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("the query is empty");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        filters = filters == null ? Filters.NONE : filters;
        retriever = retriever == null ? Retriever.HYBRID : retriever;
        if (maxPerDocument != null && maxPerDocument < 1) {
            throw new IllegalArgumentException("maxPerDocument must be at least 1, got " + maxPerDocument);
        }
        translation = translation == null || translation.isBlank() ? null : translation.strip();
    }
}
