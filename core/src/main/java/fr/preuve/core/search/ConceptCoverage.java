package fr.preuve.core.search;

import fr.preuve.core.crosslingual.Concept;
import fr.preuve.core.crosslingual.Origin;
import java.util.List;
import java.util.Set;

/**
 * How much of a question a passage covers, weighted by inverse document frequency so that the rare words (the drug,
 * the disease) count most: in the question's own language by the words behind its concepts, in the other language by
 * the concepts' renderings. Shared by the fusion's weighting, where a word no passage of the language holds counts
 * against that side, and the abstention features, where it does not count (the corpus lacking a word is measured
 * apart, by the "missing" and "unknown" features).
 */
public final class ConceptCoverage {

    private final HybridSearcher searcher;
    private final boolean countAbsent;

    /** @param countAbsent whether words no passage of the language holds count (as not found) */
    public ConceptCoverage(HybridSearcher searcher, boolean countAbsent) {
        this.searcher = searcher;
        this.countAbsent = countAbsent;
    }

    /** Share of {@code sources} (the question's own words, per concept) whose analysed terms the passage holds. */
    public double own(String field, List<String> sources, Set<String> passage) {
        double total = 0;
        double found = 0;
        for (String source : sources) {
            Set<String> words = searcher.terms(field, source);
            double weight = weight(field, words);
            total += weight;
            found += !words.isEmpty() && passage.containsAll(words) ? weight : 0;
        }
        return total == 0 ? 0 : found / total;
    }

    /** Share of already analysed {@code terms} the passage holds. */
    public double analysed(String field, Set<String> terms, Set<String> passage) {
        double total = 0;
        double found = 0;
        for (String t : terms) {
            double idf = idf(field, t);
            total += idf;
            found += passage.contains(t) ? idf : 0;
        }
        return total == 0 ? 0 : found / total;
    }

    /** Share of {@code concepts} one of whose renderings the passage holds (all its analysed terms). */
    public double rendered(String field, List<Concept> concepts, Set<String> passage) {
        double total = 0;
        double found = 0;
        for (Concept c : concepts) {
            double weight = 0;
            boolean in = false;
            for (String alt : c.alternatives()) {
                Set<String> words = terms(c, alt, field);
                weight = Math.max(weight, weight(field, words));
                in |= !words.isEmpty() && passage.containsAll(words);
            }
            total += weight;
            found += in ? weight : 0;
        }
        return total == 0 ? 0 : found / total;
    }

    /** The analysed terms of one rendering (an n-gram guess is already an index term). */
    public Set<String> terms(Concept c, String alternative, String field) {
        return c.origin() == Origin.NGRAM ? Set.of(alternative) : searcher.terms(field, alternative);
    }

    private double idf(String field, String term) {
        return countAbsent ? searcher.idf(field, term) : searcher.idfIfIndexed(field, term);
    }

    /** The weight of a concept whose words (analysed for {@code field}) are {@code words}: its rarest word's IDF. */
    public double weight(String field, Set<String> words) {
        double w = 0;
        for (String t : words) {
            w = Math.max(w, idf(field, t));
        }
        return w;
    }
}
