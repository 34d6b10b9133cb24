package fr.preuve.core.verify.checks;

/** What a deterministic check found wrong between a claim and the sentence it rests on. */
public enum ConflictKind {
    /** A dose or value given for another population or condition than the one the claim binds it to. */
    POPULATION,
    /** One side negated, the other not ("should not be used" / "should be used"). */
    NEGATION,
    /** A comparison in the opposite direction (higher / lower, superior / inferior, increased / decreased). */
    COMPARISON,
    /** The statement the claim rests on is about another drug than the one the claim names. */
    DRUG_SUBJECT;

    /** The lower-case key used in reasons and reports ({@code population}, {@code drug_subject}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
