package fr.preuve.core.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a clinician thought of an answer ("Estimer"). */
public enum Rating {
    USEFUL, NOT_USEFUL, INCORRECT;

    /** The key used in JSON and the database ({@code "not_useful"}). */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a key such as {@code "incorrect"}; the message names the bad value and the accepted ones. */
    public static Rating fromKey(String key) {
        for (Rating r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rating '" + key + "'; expected one of " + keys());
    }

    public static String keys() {
        return Arrays.stream(values()).map(Rating::key).collect(Collectors.joining(", "));
    }
}
