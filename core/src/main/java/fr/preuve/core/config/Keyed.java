package fr.preuve.core.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** An enum known outside Java (JSON, audit rows, exports) by the lower-case name of each constant. */
public interface Keyed {
    /** The constant's name in lower case, as JSON, audit rows and exports write it. */
    @JsonValue
    default String key() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} whose key is {@code raw}; the message names {@code what}, the bad value and the
     * accepted keys.
     */
    static <E extends Enum<E> & Keyed> E fromKey(Class<E> type, String what, String raw) {
        for (E e : type.getEnumConstants()) {
            if (e.key().equals(raw)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + raw + "'; expected one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Keyed::key).toList()));
    }
}
