package fr.preuve.core.answer;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.preuve.core.config.Keyed;
import java.util.Locale;

/** Who wrote an answer: Preuve quoting the passages, or a language model whose sentences were verified. */
public enum AnswerMode implements Keyed {
    /** Sentences quoted from the passages. */
    EXTRACTIVE,
    /** Sentences written by a language model, each checked against the passages it cites. */
    GENERATIVE;

    /** {@code extractive} or {@code generative}, in JSON, audit rows and exports. */
    @JsonValue
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a key; the message names the bad value and the accepted ones. */
    public static AnswerMode fromKey(String raw) {
        return Keyed.fromKey(AnswerMode.class, "answer mode", raw);
    }

    /** The key, so that text output reads as it did with strings. */
    @Override
    public String toString() {
        return key();
    }
}
