package fr.preuve.core.audit;

import fr.preuve.core.guard.FindingType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The append-only audit trail of answers and their feedback. Entries and feedback are only ever added; nothing
 * updates or deletes them. Implementations are thread-safe.
 */
public interface AuditLog extends AuditRecorder, AutoCloseable {

    /**
     * Adds a rating of the answer {@code answerId}; empty when no such answer is in the log.
     *
     * @param correction the correction, already stripped of identifying data, or null
     */
    Optional<Feedback> feedback(String answerId, Rating rating, String correction,
                                List<FindingType> removed, Instant time);

    /** Entries of {@code range}, oldest first, at most {@code limit}. */
    List<AuditEntry> entries(TimeRange range, int limit);

    /** Feedback given during {@code range}, oldest first. */
    List<Feedback> feedback(TimeRange range);

    /** Entries in the log. */
    long count();

    @Override
    void close();
}
