package fr.preuve.eval.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-query ranking metrics over graded relevance judgements (qrels), as trec_eval and BEIR compute them.
 *
 * <ul>
 *   <li>A document is relevant when its grade is at least 1; grades 0 and below, and unjudged documents, count as
 *       not relevant.</li>
 *   <li>A document listed twice in a ranking counts once, at its first rank.</li>
 *   <li>nDCG@k: gain = grade, discount = log2(rank + 1); the ideal ranking is the judged documents sorted by grade,
 *       cut at k. MRR@k: 1 / rank of the first relevant document within k, else 0. Recall@k: relevant documents
 *       within k over all relevant documents.</li>
 *   <li>Every metric is undefined (an {@link IllegalArgumentException}) for a query with no relevant document: callers
 *       exclude such queries and count them.</li>
 * </ul>
 */
public final class RankingMetrics {
    private RankingMetrics() {
    }

    /** nDCG@k of {@code ranked} (document ids, best first) given {@code qrels} (document id to grade). */
    public static double ndcg(List<String> ranked, Map<String, Integer> qrels, int k) {
        requireRelevant(qrels, k);
        double dcg = 0;
        int rank = 0;
        for (String doc : distinct(ranked)) {
            if (++rank > k) {
                break;
            }
            int g = qrels.getOrDefault(doc, 0);
            if (g > 0) {
                dcg += g / log2(rank + 1);
            }
        }
        List<Integer> ideal = new ArrayList<>(qrels.values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()) && ideal.get(i) > 0; i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return dcg / idcg;
    }

    /** Recall@k: the share of relevant documents found in the first k. */
    public static double recall(List<String> ranked, Map<String, Integer> qrels, int k) {
        int relevant = requireRelevant(qrels, k);
        int found = 0;
        int rank = 0;
        for (String doc : distinct(ranked)) {
            if (++rank > k) {
                break;
            }
            if (qrels.getOrDefault(doc, 0) > 0) {
                found++;
            }
        }
        return (double) found / relevant;
    }

    /** Reciprocal rank of the first relevant document within the first k, or 0. */
    public static double reciprocalRank(List<String> ranked, Map<String, Integer> qrels, int k) {
        requireRelevant(qrels, k);
        int rank = 0;
        for (String doc : distinct(ranked)) {
            if (++rank > k) {
                break;
            }
            if (qrels.getOrDefault(doc, 0) > 0) {
                return 1.0 / rank;
            }
        }
        return 0;
    }

    /** Number of relevant documents (grade at least 1). */
    public static int relevantCount(Map<String, Integer> qrels) {
        int n = 0;
        for (int g : qrels.values()) {
            if (g > 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Orders scored documents best first; equal scores are ordered by document id (ascending, by {@code String}
     * order), so a ranking with ties is deterministic.
     */
    public static List<String> rank(Map<String, Double> scores) {
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static int requireRelevant(Map<String, Integer> qrels, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int n = relevantCount(qrels);
        if (n == 0) {
            throw new IllegalArgumentException("the query has no relevant document: metrics are undefined, exclude it");
        }
        return n;
    }

    private static Set<String> distinct(List<String> ranked) {
        Set<String> out = new LinkedHashSet<>(ranked.size() * 2);
        Set<String> seen = new HashSet<>();
        for (String d : ranked) {
            if (seen.add(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
