package fr.preuve.eval.beir;

import java.util.List;
import java.util.Map;

/** Published scores shown beside ours, per dataset and retriever (nDCG@10 on the test split). */
public final class Anchors {
    private Anchors() {
    }

    /** A published figure and who reported it. */
    public record Anchor(String metric, double value, String system) {
    }

    private static final Map<String, Map<String, List<Anchor>>> BY_DATASET = Map.of(
            "scifact", Map.of(
                    "bm25", List.of(new Anchor("ndcg@10", 0.679, "BM25 flat, Anserini BEIR regressions")),
                    "vector", List.of(new Anchor("ndcg@10", 0.713, "bge-small-en-v1.5, MTEB")),
                    "hybrid", List.of(new Anchor("ndcg@10", 0.742, "BM25 + bge-base-en-v1.5 fusion, Anserini"))));

    public static List<Anchor> of(String dataset, String retriever) {
        return BY_DATASET.getOrDefault(dataset, Map.of()).getOrDefault(retriever, List.of());
    }
}
