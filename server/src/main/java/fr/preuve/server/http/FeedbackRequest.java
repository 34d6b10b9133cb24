package fr.preuve.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.audit.Rating;
import fr.preuve.core.config.Check;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.guard.Finding;
import fr.preuve.core.guard.FindingType;
import fr.preuve.core.guard.PatientDataGuard;
import java.util.List;
import java.util.Set;

/**
 * A validated {@code POST /api/feedback} body, its correction already stripped of identifying data.
 *
 * @param removed kinds of identifying data replaced by placeholders in the correction
 */
record FeedbackRequest(String answerId, Rating rating, String correction, List<FindingType> removed) {
    private static final Set<String> FIELDS = Set.of("answerId", "rating", "correction");

    /**
     * Parses the body, with identifying data in the correction replaced by {@code guard}'s placeholders; the message
     * of a bad one names the field and the value.
     */
    static FeedbackRequest of(JsonNode body, PatientDataGuard guard) {
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "'; expected answerId, rating and correction");
            }
        }
        JsonNode id = body.get("answerId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new IllegalArgumentException("field answerId is missing or is not a non-empty string");
        }
        JsonNode r = body.get("rating");
        if (r == null || !r.isTextual()) {
            throw new IllegalArgumentException("field rating is missing or is not a string; expected one of " + Rating.keys());
        }
        Rating rating = Rating.fromKey(r.asText());
        JsonNode c = body.get("correction");
        if (c == null || c.isNull() || c.isTextual() && c.asText().isBlank()) {
            return new FeedbackRequest(id.asText().strip(), rating, null, List.of());
        }
        if (!c.isTextual()) {
            throw new IllegalArgumentException("field correction must be a string");
        }
        String text = Check.length("correction", c.asText().strip(), Defaults.FEEDBACK_MAX_CORRECTION_CHARS);
        List<Finding> found = guard.scan(text);
        return new FeedbackRequest(id.asText().strip(), rating, found.isEmpty() ? text : guard.redact(text, found),
                found.stream().map(Finding::type).distinct().toList());
    }
}
