package fr.preuve.core.crosslingual;

import java.util.List;
import java.util.Objects;

/**
 * One concept of a question and its renderings in the target language: grouped so that a search counts the concept
 * once however many translations it has (Pirkola's structured queries).
 *
 * @param source       the question's words it comes from, as written
 * @param alternatives target-language terms (single or multi-word), most likely first; never empty
 * @param origin       how the alternatives were found
 * @param category     the term table's category ({@code disease}, {@code drug}, {@code dosing}...) or {@code general}
 */
public record Concept(String source, List<String> alternatives, Origin origin, String category) {
    public Concept {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(category, "category");
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("concept '" + source + "' has no alternative");
        }
    }

    /** The weight of this concept in a query. */
    public double weight() {
        return origin.weight();
    }

    /** Whether the concept names what the question is about (a disease, drug, population...) rather than its frame. */
    public boolean key() {
        return switch (category) {
            case "disease", "symptom", "drug", "drug-class", "population", "procedure", "test", "anatomy" -> true;
            default -> origin == Origin.DRUG_LEXICON || origin == Origin.IDENTICAL || origin == Origin.COGNATE
                    || origin == Origin.NGRAM;
        };
    }
}
