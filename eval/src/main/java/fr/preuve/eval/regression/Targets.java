package fr.preuve.eval.regression;

import fr.preuve.core.search.Retriever;
import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.metrics.MetricKey;
import fr.preuve.eval.metrics.Scores;
import fr.preuve.eval.support.SupportEvaluation;
import java.util.Objects;

/**
 * What thresholds and pins share: which runs they apply to and which figure they read. A retrieval metric names its
 * {@code retriever}; an answer metric ({@code hallucination_rate}...) or a judge metric ({@code precision}...) names
 * none and reads the run's one group.
 */
final class Targets {
    private Targets() {
    }

    /** Fails, naming the bad value, unless {@code metric} is known and {@code retriever} is given exactly when needed. */
    static void validate(String dataset, String retriever, String metric) {
        Objects.requireNonNull(dataset, "dataset");
        boolean retrieval = MetricKey.RETRIEVAL.stream().anyMatch(k -> k.key().equals(metric));
        if (retrieval) {
            if (retriever == null) {
                throw new IllegalArgumentException("retrieval metric '" + metric + "' needs a retriever (bm25, vector "
                        + "or hybrid)");
            }
            Retriever.fromKey(retriever);
        } else if (AnswerEvaluation.METRICS.contains(AnswerEvaluation.baseMetric(metric))
                || SupportEvaluation.METRICS.contains(metric)) {
            if (retriever != null) {
                throw new IllegalArgumentException("metric '" + metric + "' is not a retrieval metric: drop retriever '"
                        + retriever + "'");
            }
        } else {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; expected a retrieval metric "
                    + MetricKey.RETRIEVAL.stream().map(MetricKey::key).toList() + ", an answer metric "
                    + AnswerEvaluation.METRICS + " or a judge metric " + SupportEvaluation.METRICS);
        }
    }

    /** Whether a rule for {@code dataset} (and, when given, {@code split}, {@code n}, {@code mode}) applies to {@code s}. */
    static boolean applies(Scores s, String dataset, String split, Integer n, String mode) {
        return dataset.equals(s.dataset()) && (split == null || split.equals(s.split())) && (n == null || n == s.n())
                && (mode == null || mode.equals(s.mode()));
    }

    /** The group the rule reads: its retriever, else the run's one group. */
    static String group(Scores s, String retriever) {
        return retriever != null ? retriever : s.defaultGroup();
    }

    /** {@code scifact/test hybrid ndcg@10}, {@code fr-demo.jsonl [generative] hallucination_rate}. */
    static String label(Scores s, String retriever, String metric) {
        return s.label() + (retriever != null ? " " + retriever : Scores.BEIR.equals(s.kind()) ? "" : " [" + s.mode() + "]")
                + " " + metric;
    }
}
