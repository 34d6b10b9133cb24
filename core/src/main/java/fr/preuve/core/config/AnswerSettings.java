package fr.preuve.core.config;

/**
 * How extractive answers are composed and when Preuve abstains.
 *
 * @param passages            top passages the answer may quote from
 * @param minSentences        fewest sentences in an answer (when enough relevant ones exist)
 * @param maxSentences        most sentences in an answer
 * @param maxQuestionChars    longer questions are rejected
 * @param minVectorSimilarity cosine between question and best passage under which evidence counts as weak
 * @param minTermCoverage     IDF-weighted share of the question's terms a best passage in the same language must contain;
 *                            under it evidence counts as weak
 */
public record AnswerSettings(int passages, int minSentences, int maxSentences, int maxQuestionChars,
                             double minVectorSimilarity, double minTermCoverage) {
    public AnswerSettings {
        Check.range("answer.passages", passages, 1, 50);
        Check.range("answer.minSentences", minSentences, 1, 20);
        Check.range("answer.maxSentences", maxSentences, minSentences, 50);
        Check.range("answer.maxQuestionChars", maxQuestionChars, 10, 100_000);
        Check.range("answer.minVectorSimilarity", minVectorSimilarity, -1, 1);
        Check.range("answer.minTermCoverage", minTermCoverage, 0, 1);
    }

    public static AnswerSettings defaults() {
        return new AnswerSettings(Defaults.ANSWER_PASSAGES, Defaults.ANSWER_MIN_SENTENCES,
                Defaults.ANSWER_MAX_SENTENCES, Defaults.QUESTION_MAX_CHARS, Defaults.MIN_VECTOR_SIMILARITY,
                Defaults.MIN_TERM_COVERAGE);
    }
}
