package fr.preuve.core.answer;

import java.util.List;

/**
 * An answer with what produced it, for the audit trail: the question as the guard scanned it and every passage
 * retrieval returned (the answer itself only lists those it cites or shows).
 *
 * @param answer    what the clinician receives
 * @param question  the validated question, its language, identifying findings and clinical text
 * @param retrieved ids of the passages retrieval returned, best first
 */
public record Answered(Answer answer, AskedQuestion question, List<String> retrieved) {
    public Answered {
        retrieved = List.copyOf(retrieved);
    }
}
