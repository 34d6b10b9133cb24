package fr.preuve.core.audit;

/** Where answers are recorded as they are given. */
@FunctionalInterface
public interface AuditRecorder {
    /** Appends {@code entry}; throws when it could not be written. */
    void record(AuditEntry entry);
}
