package fr.preuve.core.audit;

import fr.preuve.core.config.Keyed;

/** How a question reached Preuve; {@code api}, {@code stream} or {@code cli} in audit rows and exports. */
public enum AuditChannel implements Keyed {
    /** {@code POST /api/ask}. */
    API,
    /** {@code /api/ask/stream}, the answer sent as server-sent events. */
    STREAM,
    /** {@code preuve ask} on the command line. */
    CLI;

    /** The key, as the audit listing prints it. */
    @Override
    public String toString() {
        return key();
    }
}
