package fr.preuve.core.config;

import java.util.Arrays;

/** An enum constant known outside Java (JSON, audit rows, exports) by a lower-case key. */
public interface Keyed {
    /** The key, as written in JSON and exports. */
    String key();

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
