package fr.preuve.eval.report;

import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.support.SupportEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Result records holding the figures of the real runs recorded in docs/eval.md (SciFact test, fr-demo). */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("corpus-config"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Estimate e(double v, int n, double lo, double hi) {
        return new Estimate(v, n, List.of(lo, hi));
    }

    static Map<String, Estimate> four(Estimate ndcg, Estimate r10, Estimate r100, Estimate mrr) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("ndcg@10", ndcg);
        m.put("recall@10", r10);
        m.put("recall@100", r100);
        m.put("mrr@10", mrr);
        return m;
    }

    /** SciFact test, 300 queries, as recorded in docs/eval.md and pinned in eval/regressions.yaml. */
    static RetrievalEvaluation.Result scifact(String dataset) {
        Map<String, Map<String, Estimate>> r = new LinkedHashMap<>();
        r.put("bm25", four(e(0.6829, 300, 0.640, 0.726), e(0.8264, 300, 0.785, 0.868), e(0.9159, 300, 0.885, 0.947),
                e(0.6467, 300, 0.600, 0.694)));
        r.put("vector", four(e(0.7196, 300, 0.677, 0.762), e(0.8452, 300, 0.805, 0.885), e(0.9467, 300, 0.921, 0.972),
                e(0.6857, 300, 0.639, 0.732)));
        r.put("hybrid", four(e(0.7296, 300, 0.689, 0.771), e(0.8611, 300, 0.823, 0.899), e(0.9717, 300, 0.953, 0.990),
                e(0.6955, 300, 0.650, 0.741)));
        Map<String, Latencies> lat = new LinkedHashMap<>();
        lat.put("bm25", new Latencies(300, 8.7, 22.0, 10.1, 61.0));
        lat.put("vector", new Latencies(300, 30.8, 58.3, 32.0, 120.0));
        lat.put("hybrid", new Latencies(300, 32.9, 54.5, 33.5, 110.0));
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("name", "beir-scifact");
        index.put("corpusVersion", "beir-scifact-20261122-a0617786");
        index.put("model", "bge-small-en-v1.5-q");
        return new RetrievalEvaluation.Result(dataset, "test", 300, r, index, lat);
    }

    /** fr-demo, extractive, as recorded in docs/eval.md. */
    static AnswerEvaluation.Result frDemo() {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("hallucination_rate", e(0.0, 157, 0.0, 0.024));
        m.put("citation_precision", e(1.0, 157, 0.976, 1.0));
        m.put("key_fact_recall", e(0.667, 39, 0.530, 0.803));
        m.put("abstention_accuracy", e(0.700, 10, 0.397, 0.892));
        m.put("false_abstention_rate", e(0.152, 46, 0.076, 0.282));
        return new AnswerEvaluation.Result("fr-demo.jsonl", "extractive", "demo-20261122-709cb8bb", "verbatim",
                fr.preuve.core.answer.ModelInfo.local(), Map.of("extractive", 56), 56, m,
                new Latencies(56, 41.0, 95.0, 48.0, 130.0), List.of(), null);
    }

    /** ExpertQA medicine, judge default-v1, as recorded in docs/eval.md (latency illustrative). */
    static SupportEvaluation.Result expertQa() {
        SupportEvaluation.Slice full = slice(178, 26, 49, 8, 58, 63, e(0.860, 57, 0.747, 0.927), e(0.458, 107, 0.367, 0.552),
                0.598, e(0.629, 178, 0.556, 0.697));
        SupportEvaluation.Slice cal = slice(97, 14, 22, 3, 27, 45, e(0.880, 25, 0.700, 0.958), e(0.449, 49, 0.319, 0.587),
                0.595, e(0.691, 97, 0.593, 0.774));
        SupportEvaluation.Slice held = slice(81, 12, 27, 5, 31, 18, e(0.844, 32, 0.682, 0.931), e(0.466, 58, 0.343, 0.592),
                0.600, e(0.556, 81, 0.447, 0.659));
        return new SupportEvaluation.Result("expertqa-medicine-dev.jsonl", "default-v1", full, cal, held, null,
                new Latencies(152, 310.0, 720.0, 350.0, 1400.0), List.of());
    }

    static SupportEvaluation.Slice slice(int rows, int empty, int tp, int fp, int fn, int tn, Estimate precision,
                                         Estimate recall, double f1, Estimate accuracy) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", new Estimate(f1, rows, null));
        m.put("accuracy", accuracy);
        return new SupportEvaluation.Slice(rows, empty, new SupportEvaluation.Counts(tp, fp, fn, tn), m);
    }
}
