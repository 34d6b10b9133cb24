package fr.preuve.core.search;

import fr.preuve.core.doc.Passage;

/**
 * One ranked passage with the evidence of each retriever.
 *
 * @param rank        1-based rank in the result list
 * @param score       the fused score (for a single retriever, that retriever's score)
 * @param bm25        BM25 score, or null when BM25 did not retrieve it
 * @param bm25Rank    1-based BM25 rank, or null
 * @param vector      cosine similarity between query and passage, or null when the vector search did not retrieve it
 * @param vectorRank  1-based vector rank, or null
 */
public record SearchHit(Passage passage, int rank, double score, Double bm25, Integer bm25Rank, Double vector,
                        Integer vectorRank) {
}
