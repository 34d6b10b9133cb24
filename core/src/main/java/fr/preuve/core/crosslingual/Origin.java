package fr.preuve.core.crosslingual;

/** Where a translated query term came from, most trusted first; the weight is the term's share in the query. */
public enum Origin {
    /** The curated bilingual medical term table ({@code terms-fr-en.tsv}). */
    TERM_TABLE(1.0),
    /** The drug lexicon: French and English spellings of one substance. */
    DRUG_LEXICON(1.0),
    /** The word is spelt the same in both languages once accents are folded, and the target corpus has it. */
    IDENTICAL(0.8),
    /** A spelling rule (-ite → -itis, -émie → -emia, -ose → -osis...), checked against the target corpus. */
    COGNATE(0.8),
    /** The closest target-corpus word by character trigrams, for words nothing else translates. */
    NGRAM(0.5),
    /** A number or unit, the same in both languages. */
    NUMBER(0.6);

    private final double weight;

    Origin(double weight) {
        this.weight = weight;
    }

    /** The default weight of a term of this origin. */
    public double weight() {
        return weight;
    }
}
