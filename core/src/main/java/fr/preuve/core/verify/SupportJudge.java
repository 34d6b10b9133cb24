package fr.preuve.core.verify;

import java.util.List;

/**
 * Scores whether a claim (one answer sentence, citations removed) is supported by the evidence it cites (the texts of
 * the cited passages). Implementations: the default embedding-plus-lexical judge, an NLI cross-encoder, an LLM judge.
 */
public interface SupportJudge {

    /** Judges {@code claim} against {@code evidence} (never empty). */
    Judgement judge(String claim, List<String> evidence);

    /** A short stable name recorded with verdicts and eval results (e.g. {@code "default-v1"}). */
    String name();

    /**
     * The judge's view of one claim.
     *
     * @param score     support score in [0, 1], higher is better supported
     * @param supported whether the score clears the judge's calibrated threshold
     * @param reason    why, in a few words a clinician can read (e.g. "similarity 0.62 under 0.71")
     */
    record Judgement(double score, boolean supported, String reason) {
    }
}
