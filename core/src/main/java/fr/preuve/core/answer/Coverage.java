package fr.preuve.core.answer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much of the question an answer answers. */
public enum Coverage {
    /** The answer states what was asked (for a dose question, a sentence with a dose). */
    FULL,
    /**
     * The corpus holds related evidence but not what was asked: the answer says so and quotes the closest sentences
     * ("Preuve n'a pas trouvé la dose demandée dans le corpus ; voici ce qu'il dit de …").
     */
    PARTIAL,
    /** An abstention: the corpus holds no evidence for the question. */
    NONE;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
