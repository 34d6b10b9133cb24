package fr.preuve.core.answer;

import java.util.List;

/**
 * What the calibrated abstention model ({@link AbstentionModel}) looks at: how well the retrieved passages match a
 * question, on both language sides. Computed by {@link EvidenceAssessor}.
 *
 * @param bestVector      best cosine between the question and a retrieved passage (-1 without vectors)
 * @param bestCrossVector best cosine between the question's rendering in the other language and a passage of that
 *                        language (the best same-language cosine when there is no rendering)
 * @param coverage        IDF-weighted share of the question's concepts found in the best of the top passages (in
 *                        the passage's language: the question's words, or their renderings)
 * @param keyCoverage     share of the question's key concepts (disease, drug, population...) found in the top passages
 * @param rarestFound     1 when the question's rarest concept (highest inverse document frequency of its renderings)
 *                        is in one of the top passages, else 0
 * @param agreement       share of the rankings (BM25 and vectors, each language side) that put the top passage in
 *                        their top 5
 * @param missing         1 when a key concept or word of the question occurs nowhere in the corpus, else 0
 * @param unknown         share of the question's content words that nothing renders and no passage contains
 * @param topFused        the top passage's fused score as a share of the highest possible
 * @param unitCoverage    the most of the question's concepts one quotable unit (a sentence, a list with its lead-in)
 *                        of the passages read holds, IDF-weighted, among the units holding a key concept
 * @param typedCoverage   the same, among the units that may state the kind of fact asked (a dose for a dose
 *                        question, a number for a rate): 0 when no unit does
 */
public record EvidenceFeatures(double bestVector, double bestCrossVector, double coverage, double keyCoverage,
                               double rarestFound, double agreement, double missing, double unknown, double topFused,
                               double unitCoverage, double typedCoverage) {

    /** The names of {@link #values()}, in order; the abstention model's resource lists them the same way. */
    public static final List<String> NAMES = List.of("best_vector", "best_cross_vector", "coverage", "key_coverage",
            "rarest_found", "agreement", "missing", "unknown", "top_fused", "unit_coverage", "typed_coverage");

    /** The features in {@link #NAMES} order. */
    public double[] values() {
        return new double[]{bestVector, bestCrossVector, coverage, keyCoverage, rarestFound, agreement, missing, unknown, topFused,
            unitCoverage, typedCoverage};
    }
}
