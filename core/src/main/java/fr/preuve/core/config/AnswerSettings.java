package fr.preuve.core.config;

/**
 * How extractive answers are composed. When Preuve abstains is the calibrated abstention model's decision
 * ({@code fr.preuve.core.answer.AbstentionModel}), fitted on data rather than set here.
 *
 * @param passages            top passages the answer may quote from
 * @param minSentences        fewest sentences in an answer (when enough relevant ones exist)
 * @param maxSentences        most sentences in an answer
 * @param maxQuestionChars    longer questions are rejected
 * @param energy              the parameters of each answer's energy estimate
 */
public record AnswerSettings(int passages, int minSentences, int maxSentences, int maxQuestionChars,
                             EnergySettings energy) {
    public AnswerSettings {
        Check.range("answer.passages", passages, 1, 50);
        Check.range("answer.minSentences", minSentences, 1, 20);
        Check.range("answer.maxSentences", maxSentences, minSentences, 50);
        Check.range("answer.maxQuestionChars", maxQuestionChars, 10, 100_000);
        java.util.Objects.requireNonNull(energy, "energy");
    }

    /** With the default energy parameters. */
    public AnswerSettings(int passages, int minSentences, int maxSentences, int maxQuestionChars) {
        this(passages, minSentences, maxSentences, maxQuestionChars, EnergySettings.defaults());
    }

    /**
     * {@code text} when it holds at most {@link #maxQuestionChars} characters; otherwise fails with a message naming
     * {@code name} (such as "the question") and its length.
     */
    public String checkLength(String name, String text) {
        return Check.length(name, text, maxQuestionChars);
    }

    public static AnswerSettings defaults() {
        return new AnswerSettings(Defaults.ANSWER_PASSAGES, Defaults.ANSWER_MIN_SENTENCES,
                Defaults.ANSWER_MAX_SENTENCES, Defaults.QUESTION_MAX_CHARS);
    }
}
