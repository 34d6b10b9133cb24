package fr.preuve.eval.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of one evaluation run in a shape common to every kind, for thresholds, pinned regressions, the history
 * and the trend plots.
 *
 * @param kind    {@code beir}, {@code questions} or {@code support}
 * @param dataset the dataset's name ({@code scifact}, {@code fr-demo.jsonl}, {@code medhallu-dev.jsonl})
 * @param split   the BEIR split, or null
 * @param n       the run's size (judged queries, questions, judgements)
 * @param mode    {@code retrieval}; the answer mode ({@code extractive}, {@code generative}); the judge's name
 * @param groups  per group ({@code bm25}, {@code vector}, {@code hybrid}; {@code answers}; {@code judge}), per metric
 */
public record Scores(String kind, String dataset, String split, int n, String mode,
                     Map<String, Map<String, Estimate>> groups) {
    public static final String BEIR = "beir";
    public static final String QUESTIONS = "questions";
    public static final String SUPPORT = "support";
    /** The one group of a questions run. */
    public static final String ANSWERS = "answers";
    /** The one group of a support run. */
    public static final String JUDGE = "judge";

    public Scores {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataset, "dataset");
        groups = groups == null ? Map.of() : new LinkedHashMap<>(groups);
    }

    /** The figure of {@code group}/{@code metric}, or null when the run has none. */
    public Estimate estimate(String group, String metric) {
        Map<String, Estimate> m = groups.get(group);
        return m == null ? null : m.get(metric);
    }

    /** The group a metric belongs to when none is named: {@code answers} or {@code judge}; null for BEIR runs. */
    public String defaultGroup() {
        return switch (kind) {
            case QUESTIONS -> ANSWERS;
            case SUPPORT -> JUDGE;
            default -> null;
        };
    }

    /** {@code scifact/test}, or the dataset alone. */
    public String label() {
        return split == null ? dataset : dataset + "/" + split;
    }
}
