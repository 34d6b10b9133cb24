package fr.preuve.eval.metrics;

import java.util.List;
import java.util.Map;

/** The retrieval metrics reported per retriever, with their JSON keys ({@code ndcg@10}, {@code recall@100}...). */
public enum MetricKey {
    NDCG_10("ndcg@10", 10),
    RECALL_10("recall@10", 10),
    RECALL_100("recall@100", 100),
    MRR_10("mrr@10", 10);

    public static final List<MetricKey> RETRIEVAL = List.of(values());

    private final String key;
    private final int k;

    MetricKey(String key, int k) {
        this.key = key;
        this.k = k;
    }

    public String key() {
        return key;
    }

    public int k() {
        return k;
    }

    /** This metric for one query. */
    public double of(List<String> ranked, Map<String, Integer> qrels) {
        return switch (this) {
            case NDCG_10 -> RankingMetrics.ndcg(ranked, qrels, k);
            case RECALL_10, RECALL_100 -> RankingMetrics.recall(ranked, qrels, k);
            case MRR_10 -> RankingMetrics.reciprocalRank(ranked, qrels, k);
        };
    }

    public static MetricKey fromKey(String key) {
        for (MetricKey m : values()) {
            if (m.key.equalsIgnoreCase(key == null ? "" : key.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "'; expected ndcg@10, recall@10, recall@100 or mrr@10");
    }
}
