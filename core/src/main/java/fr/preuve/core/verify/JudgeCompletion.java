package fr.preuve.core.verify;

/**
 * The one thing {@link LlmSupportJudge} needs from an LLM: a prompt in, the completion text out. The LLM plumbing
 * adapts to it; implementations throw on transport errors rather than return an empty string.
 */
@FunctionalInterface
public interface JudgeCompletion {

    /** The model's completion of {@code prompt}. */
    String complete(String prompt);
}
