package fr.preuve.core.answer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether an answer sentence is backed by the passages it cites. */
public enum Verdict {
    SUPPORTED, UNSUPPORTED, INVALID_CITATION;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
