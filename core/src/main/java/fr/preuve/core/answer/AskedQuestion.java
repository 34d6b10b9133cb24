package fr.preuve.core.answer;

import fr.preuve.core.guard.Finding;
import java.util.List;

/**
 * A validated question as the answerers see it, scanned once by the patient-data guard.
 *
 * @param text        the question as asked
 * @param lang        its language ({@code fr} or {@code en})
 * @param identifying identifying patient data found in it (empty when none)
 * @param clinical    the question without that data: what retrieval and the evidence check use
 */
public record AskedQuestion(String text, String lang, List<Finding> identifying, String clinical) {
    public AskedQuestion {
        identifying = List.copyOf(identifying);
    }
}
