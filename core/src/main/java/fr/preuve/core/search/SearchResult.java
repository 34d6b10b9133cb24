package fr.preuve.core.search;

import java.util.List;

/**
 * Ranked passages and what producing them cost.
 *
 * @param hits        ranked passages
 * @param queryVector the embedded query (null for BM25 alone), reused to score answer sentences
 * @param embedMillis time spent embedding the query
 * @param searchMillis time spent in Lucene and fusion
 */
public record SearchResult(List<SearchHit> hits, float[] queryVector, double embedMillis, double searchMillis) {
}
