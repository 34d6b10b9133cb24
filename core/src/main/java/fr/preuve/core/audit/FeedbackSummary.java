package fr.preuve.core.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What clinicians said of the answers of a period: counts per rating, the corrections, and the answers most often
 * marked incorrect.
 *
 * @param total       feedback given
 * @param counts      feedback per rating (every rating present, zero when none)
 * @param corrections the feedback that carries a correction, oldest first
 * @param incorrect   answers marked incorrect, most often first (ties: most recently marked first), at most the
 *                    number asked for
 */
public record FeedbackSummary(int total, Map<Rating, Integer> counts, List<Feedback> corrections,
                              List<Incorrect> incorrect) {

    public FeedbackSummary {
        counts = Map.copyOf(counts);
        corrections = List.copyOf(corrections);
        incorrect = List.copyOf(incorrect);
    }

    /** An answer and how many times it was marked incorrect. */
    public record Incorrect(String answerId, int times) {
    }

    public static FeedbackSummary of(List<Feedback> feedback, int top) {
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            counts.put(r, 0);
        }
        Map<String, Integer> incorrect = new LinkedHashMap<>();
        Map<String, java.time.Instant> lastMarked = new LinkedHashMap<>();
        List<Feedback> corrections = new ArrayList<>();
        for (Feedback f : feedback) {
            counts.merge(f.rating(), 1, Integer::sum);
            if (f.correction() != null) {
                corrections.add(f);
            }
            if (f.rating() == Rating.INCORRECT) {
                incorrect.merge(f.answerId(), 1, Integer::sum);
                lastMarked.merge(f.answerId(), f.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<Incorrect> ranked = incorrect.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(e -> lastMarked.get(e.getKey()), Comparator.reverseOrder()))
                .limit(top)
                .map(e -> new Incorrect(e.getKey(), e.getValue()))
                .toList();
        return new FeedbackSummary(feedback.size(), counts, corrections, ranked);
    }
}
