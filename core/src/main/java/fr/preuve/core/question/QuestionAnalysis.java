package fr.preuve.core.question;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a question asks: the kind of fact, the drugs it names and the restrictions it puts on the answer.
 *
 * @param type        the kind of fact asked for
 * @param drugs       drug lexicon keys of the substances the question names, in question order
 * @param constraints populations, lines of treatment and conditions the answer must respect
 */
public record QuestionAnalysis(AnswerType type, List<String> drugs, Set<Constraint> constraints) {
    public QuestionAnalysis {
        Objects.requireNonNull(type, "type");
        drugs = List.copyOf(drugs);
        constraints = Set.copyOf(constraints);
    }

    /** Whether the answer is a value a sentence can be seen to hold (a dose, a duration, a rate…). */
    public boolean valued() {
        return type.valued();
    }
}
