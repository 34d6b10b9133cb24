package fr.preuve.core.answer;

import java.util.List;

/** Follows an answer as it is produced (the streaming endpoint); every method is optional. */
public interface AnswerListener {

    AnswerListener NONE = new AnswerListener() {
    };

    /** The numbered passages given to the model, before it writes. */
    default void onPassages(List<CitedPassage> passages) {
    }

    /** A piece of the model's text, unverified, as it arrives. */
    default void onToken(String text) {
    }
}
