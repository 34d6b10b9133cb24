package fr.preuve.core.answer.extract;

import java.util.List;

/**
 * What the extractive answer's unit scorer ({@link UnitModel}) looks at in one quotable unit of a passage read for a
 * question. Every value is in [0, 1].
 *
 * @param coverage       IDF-weighted share of the question's concepts the unit holds, in the passage's language
 * @param key            1 when it holds a key concept of the question (drug, disease, population…)
 * @param carries        1 when it holds the kind of fact asked ({@link AnswerCues#carries}: a dose for a dose question)
 * @param mayState       1 when it may state the value asked ({@link AnswerCues#mayState}: any number for a rate)
 * @param typedCoverage  {@code coverage} when it carries the kind of fact asked, else 0
 * @param constraints    share of the question's restrictions (child, pregnancy…) it names, 1 when there are none
 * @param documentPrior  1 / (1 + 0.5 × the rank of its document among the documents read)
 * @param passagePrior   1 / (1 + the rank of its passage among the passages read)
 * @param retrieved      1 when its passage is one of the search's top hits, 0 when it was read further in a document
 * @param sectionPrior   {@link SectionPrior}: findings and recommendations over background and methods
 * @param sameLanguage   1 when its passage is in the language of the best passage
 * @param number         1 when it holds a digit
 * @param length         its length in characters over 400, at most 1
 */
public record UnitFeatures(double coverage, double key, double carries, double mayState, double typedCoverage,
                           double constraints, double documentPrior, double passagePrior, double retrieved,
                           double sectionPrior, double sameLanguage, double number, double length) {

    /** The names of {@link #values()}, in order; the unit model's resource lists them the same way. */
    public static final List<String> NAMES = List.of("coverage", "key", "carries", "may_state", "typed_coverage",
            "constraints", "document_prior", "passage_prior", "retrieved", "section_prior", "same_language", "number",
            "length");

    /** The features in {@link #NAMES} order. */
    public double[] values() {
        return new double[]{coverage, key, carries, mayState, typedCoverage, constraints, documentPrior, passagePrior,
            retrieved, sectionPrior, sameLanguage, number, length};
    }
}
