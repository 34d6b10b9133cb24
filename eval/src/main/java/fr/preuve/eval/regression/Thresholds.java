package fr.preuve.eval.regression;

import fr.preuve.core.config.Yaml;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.MetricKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Minimum scores ({@code eval/thresholds.yaml}): a run below any of them fails, with one line per breach.
 *
 * <pre>
 * thresholds:
 *   - {dataset: scifact, split: test, retriever: hybrid, metric: ndcg@10, min: 0.70}
 * </pre>
 */
public record Thresholds(List<Threshold> thresholds) {

    public record Threshold(String dataset, String split, String retriever, String metric, double min) {
        public Threshold {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(split, "split");
            fr.preuve.core.search.Retriever.fromKey(retriever);
            MetricKey.fromKey(metric);
        }
    }

    public Thresholds {
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    public static Thresholds load(Path file) {
        return Yaml.read(file, Thresholds.class);
    }

    /** One line per breached threshold that applies to {@code r}; empty when the run passes. */
    public List<String> breaches(RetrievalEvaluation.Result r) {
        List<String> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            if (!t.dataset().equals(r.dataset()) || !t.split().equals(r.split())) {
                continue;
            }
            double v = r.value(t.retriever(), t.metric());
            if (v < t.min()) {
                out.add(String.format(Locale.ROOT, "FAIL %s/%s %s %s = %.4f < threshold %.4f (n=%d)",
                        t.dataset(), t.split(), t.retriever(), t.metric(), v, t.min(), r.n()));
            }
        }
        return out;
    }
}
