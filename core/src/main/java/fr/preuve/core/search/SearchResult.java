package fr.preuve.core.search;

import fr.preuve.core.crosslingual.BridgedQuery;
import java.util.List;

/**
 * Ranked passages and what producing them cost.
 *
 * @param hits         ranked passages
 * @param queryVector  the embedded query (null for BM25 alone), reused to score answer sentences
 * @param embedMillis  time spent embedding the query
 * @param searchMillis time spent in Lucene and fusion
 * @param bridged      the question's concepts rendered in the corpus's other language (empty when not bridged)
 * @param crossVector  the embedded rendering, or null
 * @param crossScale   how much the rendering's rankings counted in the fusion (0 to 1)
 */
public record SearchResult(List<SearchHit> hits, float[] queryVector, double embedMillis, double searchMillis,
                           BridgedQuery bridged, float[] crossVector, double crossScale) {

    public SearchResult {
        hits = List.copyOf(hits);
        bridged = bridged == null ? new BridgedQuery("en", "fr", List.of()) : bridged;
    }

    /** Results of a monolingual search. */
    public SearchResult(List<SearchHit> hits, float[] queryVector, double embedMillis, double searchMillis) {
        this(hits, queryVector, embedMillis, searchMillis, null, null, 0);
    }
}
