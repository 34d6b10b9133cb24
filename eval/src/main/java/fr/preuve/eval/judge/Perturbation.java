package fr.preuve.eval.judge;

import java.util.Locale;

/** The ways {@link Perturbations} turn a supported claim into an unsupported one, as on-topic fabrications do. */
public enum Perturbation {
    /** A negation added or removed ("is" / "is not"). */
    NEGATION,
    /** A comparison reversed (higher / lower, increased / decreased, superior / inferior). */
    COMPARISON,
    /** A number changed to another value (another one of the evidence with the same unit when there is one). */
    NUMBER,
    /** A population swapped (children / adults, pregnant women / older people). */
    POPULATION,
    /** A drug replaced by another drug. */
    DRUG,
    /** A hedged finding stated as certain ("may reduce" / "reduces", "suggest" / "demonstrate"). */
    CERTAINTY;

    /** The lower-case key used in tables ({@code negation}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
