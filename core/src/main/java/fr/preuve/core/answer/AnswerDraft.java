package fr.preuve.core.answer;

import java.util.List;

/**
 * The body of an answer as the extractive or generative answerer composed it, before {@link AnswerService} adds ids,
 * versions and timings.
 *
 * @param mode      who wrote it (a generative answer that fell back to quoting is {@link AnswerMode#EXTRACTIVE})
 * @param abstained true when there is no evidence to answer from
 * @param coverage  how much of the question it answers
 * @param answer    the delivered text
 * @param sentences every sentence considered, with its verdict
 * @param passages  the passages cited (or, on abstention, the closest ones)
 * @param warnings  what went wrong on the way, in the question's language
 */
public record AnswerDraft(AnswerMode mode, boolean abstained, Coverage coverage, String answer,
                          List<AnswerSentence> sentences, List<CitedPassage> passages, List<String> warnings) {
    public AnswerDraft {
        sentences = List.copyOf(sentences);
        passages = List.copyOf(passages);
        warnings = List.copyOf(warnings);
    }

    /** A generated answer: it covers the question, or abstains. */
    static AnswerDraft generated(boolean abstained, String answer, List<AnswerSentence> sentences,
                                 List<CitedPassage> passages, List<String> warnings) {
        return new AnswerDraft(AnswerMode.GENERATIVE, abstained, abstained ? Coverage.NONE : Coverage.FULL, answer,
                sentences, passages, warnings);
    }

    /** The same draft with {@code others} shown instead of its warnings. */
    AnswerDraft withWarnings(List<String> others) {
        return new AnswerDraft(mode, abstained, coverage, answer, sentences, passages, others);
    }
}
