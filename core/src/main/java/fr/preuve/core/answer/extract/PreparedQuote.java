package fr.preuve.core.answer.extract;

import java.util.Set;

/**
 * A quotable unit of a passage with what scoring it needs, computed once per passage.
 *
 * @param quote  the unit and its spans
 * @param terms  its analysed index terms (in the passage language's field)
 * @param prior  {@link SectionPrior} of the unit in its section
 */
public record PreparedQuote(Quote quote, Set<String> terms, double prior) {
    public PreparedQuote {
        terms = Set.copyOf(terms);
    }
}
