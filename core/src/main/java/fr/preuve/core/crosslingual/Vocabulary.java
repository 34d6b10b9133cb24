package fr.preuve.core.crosslingual;

import java.util.Optional;

/**
 * What the target corpus knows of a word: the check that keeps spelling rules and n-gram guesses from inventing
 * terms. Backed by the index's term dictionary ({@code fr.preuve.core.search.IndexVocabulary}).
 */
public interface Vocabulary {

    /** How many passages of language {@code lang} contain {@code word} once analysed for that language; 0 if none. */
    long docFreq(String lang, String word);

    /**
     * The indexed term of {@code lang} closest to {@code word} by character trigrams, at or above {@code minSimilarity}
     * (Dice coefficient, 0–1), or empty. The term is in its analysed (stemmed) form.
     */
    Optional<Similar> closest(String lang, String word, double minSimilarity);

    /** An indexed term and its similarity to the word asked for. */
    record Similar(String term, double similarity) {
    }

    /** Knows no word: only the term table and the drug lexicon translate. */
    Vocabulary EMPTY = new Vocabulary() {
        @Override
        public long docFreq(String lang, String word) {
            return 0;
        }

        @Override
        public Optional<Similar> closest(String lang, String word, double minSimilarity) {
            return Optional.empty();
        }
    };
}
