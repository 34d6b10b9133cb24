package fr.preuve.core.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import fr.preuve.core.config.Keyed;
import java.util.Locale;

/** How a question reached Preuve, as the audit trail records it. */
public enum AuditChannel implements Keyed {
    /** {@code POST /api/ask}. */
    API,
    /** {@code /api/ask/stream}, the answer sent as server-sent events. */
    STREAM,
    /** {@code preuve ask} on the command line. */
    CLI;

    /** {@code api}, {@code stream} or {@code cli}, in audit rows and exports. */
    @JsonValue
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a key; the message names the bad value and the accepted ones. */
    public static AuditChannel fromKey(String raw) {
        return Keyed.fromKey(AuditChannel.class, "audit channel", raw);
    }

    /** The key, so that text output reads as it did with strings. */
    @Override
    public String toString() {
        return key();
    }
}
