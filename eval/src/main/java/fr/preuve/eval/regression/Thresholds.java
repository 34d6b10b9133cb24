package fr.preuve.eval.regression;

import fr.preuve.core.config.Yaml;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.Scores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Minimum (or maximum) scores ({@code eval/thresholds.yaml}): a run beyond any of them fails, with one line per breach.
 * A rule applies to every run of its dataset, narrowed by {@code split}, {@code n} (run size) and {@code mode} (answer
 * mode, or judge name) when given. A rule whose figure the run does not have is a breach too.
 *
 * <pre>
 * thresholds:
 *   - {dataset: scifact, split: test, retriever: hybrid, metric: ndcg@10, min: 0.70}
 *   - {dataset: fr-demo.jsonl, mode: extractive, metric: hallucination_rate, max: 0.0}
 *   - {dataset: expertqa-medicine-dev.jsonl, mode: default-v1, metric: precision, min: 0.80}
 * </pre>
 */
public record Thresholds(List<Threshold> thresholds) {

    /** One rule; at least one of {@code min} and {@code max}. */
    public record Threshold(String dataset, String split, Integer n, String mode, String retriever, String metric,
                            Double min, Double max) {
        public Threshold {
            Targets.validate(dataset, retriever, metric);
            if (min == null && max == null) {
                throw new IllegalArgumentException("threshold on " + dataset + " " + metric + " needs min or max");
            }
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("threshold on " + dataset + " " + metric + ": min " + min
                        + " is above max " + max);
            }
        }

        /** A minimum on a BEIR split (the original form). */
        public Threshold(String dataset, String split, String retriever, String metric, double min) {
            this(dataset, split, null, null, retriever, metric, min, null);
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
        return breaches(r.scores());
    }

    /** One line per breached threshold that applies to {@code s}; empty when the run passes. */
    public List<String> breaches(Scores s) {
        List<String> out = new ArrayList<>();
        for (Threshold t : thresholds) {
            if (!Targets.applies(s, t.dataset(), t.split(), t.n(), t.mode())) {
                continue;
            }
            String label = Targets.label(s, t.retriever(), t.metric());
            Estimate e = s.estimate(Targets.group(s, t.retriever()), t.metric());
            if (e == null) {
                out.add("FAIL " + label + ": no figure in this run (n=" + s.n() + "), threshold "
                        + (t.min() != null ? "min " + fmt(t.min()) : "max " + fmt(t.max())));
            } else if (t.min() != null && e.value() < t.min()) {
                out.add(String.format(Locale.ROOT, "FAIL %s = %.4f < threshold %.4f (n=%d)", label, e.value(), t.min(),
                        e.n()));
            } else if (t.max() != null && e.value() > t.max()) {
                out.add(String.format(Locale.ROOT, "FAIL %s = %.4f > threshold %.4f (n=%d)", label, e.value(), t.max(),
                        e.n()));
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
