package fr.preuve.core.answer;

import fr.preuve.core.config.Keyed;

/** Who wrote an answer; {@code extractive} or {@code generative} in JSON, audit rows and exports. */
public enum AnswerMode implements Keyed {
    /** Sentences quoted from the passages. */
    EXTRACTIVE,
    /** Sentences written by a language model, each checked against the passages it cites. */
    GENERATIVE;

    /** The key, so that text output reads as it did with strings. */
    @Override
    public String toString() {
        return key();
    }
}
