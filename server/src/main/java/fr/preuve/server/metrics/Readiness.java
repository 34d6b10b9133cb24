package fr.preuve.server.metrics;

import fr.preuve.core.audit.AuditHealth;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.server.http.Backend;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the server can serve answers as it should ({@code GET /ready}): the index is open and readable, past a
 * first indexing run, and the audit trail can be written. {@code reasons} says what is missing.
 */
public record Readiness(boolean ready, List<String> reasons) {
    public Readiness {
        reasons = List.copyOf(reasons);
    }

    /** Checks {@code backend} now (the audit trail is opened if it never was). */
    public static Readiness of(Backend backend) {
        List<String> reasons = new ArrayList<>();
        try {
            IndexCounts counts = backend.index().counts();
            if (counts.passages() == 0 && backend.indexing().running()) {
                reasons.add("index: the first indexing run is under way (" + backend.indexing().message() + ")");
            }
        } catch (RuntimeException e) {
            reasons.add("index: it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (!backend.auditWritable()) {
            AuditHealth h = backend.auditHealth();
            reasons.add("audit trail: it cannot be written (" + h.database()
                    + (h.lastFailure() == null ? "" : ": " + h.lastFailure()) + ")");
        }
        return new Readiness(reasons.isEmpty(), reasons);
    }
}
