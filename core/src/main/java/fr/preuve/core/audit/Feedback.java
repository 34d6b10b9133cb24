package fr.preuve.core.audit;

import fr.preuve.core.guard.FindingType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A clinician's rating of one answer, kept beside its audit entry.
 *
 * @param id           the feedback's number, assigned by the audit log
 * @param answerId     the rated answer
 * @param time         when it was given
 * @param rating       useful, not useful or incorrect
 * @param correction   the clinician's correction with identifying data replaced by placeholders, or null
 * @param findingTypes kinds of identifying data removed from the correction (never the data)
 */
public record Feedback(long id, String answerId, Instant time, Rating rating, String correction,
                       List<FindingType> findingTypes) {
    public Feedback {
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(rating, "rating");
        findingTypes = List.copyOf(findingTypes);
    }
}
