package fr.preuve.eval.guard;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.preuve.core.guard.FindingType;
import fr.preuve.eval.metrics.Estimate;
import java.util.List;
import java.util.Locale;

/**
 * What {@link GuardEvaluation} measured on one dataset. Estimates are null where their denominator is zero (no
 * finding of a type predicted, no clean question...).
 *
 * @param dataset          file name
 * @param items            questions
 * @param identifyingItems questions holding identifying data
 * @param precision        matched findings / findings reported
 * @param recall           matched gold findings / gold findings
 * @param types            the same per type, in {@link FindingType} order
 * @param questionRecall   questions with identifying data that get at least one finding / such questions
 * @param specificity      clean questions that get no finding / clean questions
 * @param errors           every false and missed finding, {@code id: false|missed type 'text'}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GuardReport(String dataset, int items, int identifyingItems, Estimate precision, Estimate recall,
        List<TypeScore> types, Estimate questionRecall, Estimate specificity, List<String> errors) {

    public GuardReport {
        types = List.copyOf(types);
        errors = List.copyOf(errors);
    }

    /** Per-type counts and scores. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TypeScore(FindingType type, int gold, int predicted, int matched, Estimate precision, Estimate recall) {
    }

    /** A Markdown table of the figures, for {@code docs/guard.md}. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d questions (%d with identifying data, %d clean)%n%n", dataset, items,
                identifyingItems, items - identifyingItems));
        sb.append("| type | gold | found | precision [95% CI] | recall [95% CI] |\n|---|---:|---:|---|---|\n");
        for (TypeScore t : types) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s |%n", t.type().key(), t.gold(), t.predicted(),
                    format(t.precision()), format(t.recall())));
        }
        int gold = types.stream().mapToInt(TypeScore::gold).sum();
        int predicted = types.stream().mapToInt(TypeScore::predicted).sum();
        sb.append(String.format(Locale.ROOT, "| **all** | %d | %d | %s | %s |%n%n", gold, predicted, format(precision),
                format(recall)));
        sb.append(String.format(Locale.ROOT, "Question recall (questions with identifying data flagged): %s%n",
                format(questionRecall)));
        sb.append(String.format(Locale.ROOT, "Specificity (clean questions left unflagged): %s%n", format(specificity)));
        return sb.toString();
    }

    private static String format(Estimate e) {
        if (e == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f] (n=%d)", e.value(), e.lo(), e.hi(), e.n());
    }
}
