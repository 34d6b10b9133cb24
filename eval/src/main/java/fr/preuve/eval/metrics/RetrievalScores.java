package fr.preuve.eval.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates per-query rankings for one retriever and reports each {@link MetricKey} as a mean over the queries that
 * have at least one relevant document, with n and a 95% interval. Queries without a relevant document are excluded
 * and counted in {@link #excluded()}.
 */
public final class RetrievalScores {
    private final Map<MetricKey, List<Double>> perQuery = new LinkedHashMap<>();
    private int excluded;

    public RetrievalScores() {
        for (MetricKey m : MetricKey.RETRIEVAL) {
            perQuery.put(m, new ArrayList<>());
        }
    }

    /** Adds one query's ranking (document ids, best first; may be empty) with its judgements. */
    public void add(List<String> ranked, Map<String, Integer> qrels) {
        if (RankingMetrics.relevantCount(qrels) == 0) {
            excluded++;
            return;
        }
        for (Map.Entry<MetricKey, List<Double>> e : perQuery.entrySet()) {
            e.getValue().add(e.getKey().of(ranked, qrels));
        }
    }

    public int evaluated() {
        return perQuery.get(MetricKey.NDCG_10).size();
    }

    public int excluded() {
        return excluded;
    }

    /** Each metric's mean with n and its 95% interval, keyed {@code ndcg@10}...; empty when no query was evaluated. */
    public Map<String, Estimate> estimates() {
        Map<String, Estimate> out = new LinkedHashMap<>();
        if (evaluated() == 0) {
            return out;
        }
        for (Map.Entry<MetricKey, List<Double>> e : perQuery.entrySet()) {
            out.put(e.getKey().key(), Estimate.mean(e.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }
}
