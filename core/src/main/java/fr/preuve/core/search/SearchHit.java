package fr.preuve.core.search;

import fr.preuve.core.doc.Passage;

/**
 * One ranked passage with the evidence of each retriever.
 *
 * @param rank             1-based rank in the result list
 * @param score            the fused score (for a single retriever, that retriever's score)
 * @param bm25             BM25 score of the question, or null when BM25 did not retrieve it
 * @param bm25Rank         1-based BM25 rank, or null
 * @param vector           cosine similarity between question and passage, or null when the vector search did not
 *                         retrieve it
 * @param vectorRank       1-based vector rank, or null
 * @param crossBm25        BM25 score of the question's rendering in the passage's language (French ↔ English), or null
 * @param crossBm25Rank    its 1-based rank, or null
 * @param crossVector      cosine similarity between the rendering and the passage, or null
 * @param crossVectorRank  its 1-based rank, or null
 */
public record SearchHit(Passage passage, int rank, double score, Double bm25, Integer bm25Rank, Double vector,
                        Integer vectorRank, Double crossBm25, Integer crossBm25Rank, Double crossVector,
                        Integer crossVectorRank) {

    /** A hit found by the question's own language legs only. */
    public SearchHit(Passage passage, int rank, double score, Double bm25, Integer bm25Rank, Double vector,
                     Integer vectorRank) {
        this(passage, rank, score, bm25, bm25Rank, vector, vectorRank, null, null, null, null);
    }

    /** The best cosine of this passage with the question or with its rendering; -1 when neither vector found it. */
    public double bestVector() {
        double v = vector == null ? -1 : vector;
        return crossVector == null ? v : Math.max(v, crossVector);
    }
}
