package fr.preuve.core.config;

/**
 * How hybrid search fuses BM25 and vectors.
 *
 * @param k                 passages returned by default
 * @param candidates        passages taken from each retriever before fusion
 * @param rrfK              reciprocal-rank-fusion constant (score = w / (rrfK + rank))
 * @param bm25Weight        weight of the BM25 ranking in the fusion
 * @param vectorWeight      weight of the vector ranking in the fusion
 * @param maxPerDocument    at most this many passages of one document in a result list
 */
public record SearchSettings(int k, int candidates, int rrfK, double bm25Weight, double vectorWeight,
                             int maxPerDocument) {
    public SearchSettings {
        Check.range("search.k", k, 1, Defaults.SEARCH_MAX_K);
        Check.range("search.candidates", candidates, 1, 10_000);
        Check.range("search.rrfK", rrfK, 1, 10_000);
        Check.range("search.bm25Weight", bm25Weight, 0, 100);
        Check.range("search.vectorWeight", vectorWeight, 0, 100);
        if (bm25Weight == 0 && vectorWeight == 0) {
            throw new IllegalArgumentException("search.bm25Weight and search.vectorWeight are both 0: nothing would rank");
        }
        Check.range("search.maxPerDocument", maxPerDocument, 1, 1_000);
    }

    public static SearchSettings defaults() {
        return new SearchSettings(Defaults.SEARCH_K, Defaults.SEARCH_CANDIDATES, Defaults.RRF_K, Defaults.BM25_WEIGHT,
                Defaults.VECTOR_WEIGHT, Defaults.MAX_PASSAGES_PER_DOCUMENT);
    }
}
