package fr.preuve.core.question;

import java.util.Locale;

/** What kind of fact a clinical question asks for; decides which sentences can answer it. */
public enum AnswerType {
    /** An amount of a drug: "quelle dose", "how many mg". */
    DOSE,
    /** How long: "combien de temps", "for how many days". */
    DURATION,
    /** How often or at what interval: "à quelle fréquence", "how often". */
    FREQUENCY,
    /** A cut-off or threshold value: "à partir de quel taux", "below which level". */
    THRESHOLD,
    /** A proportion, rate or risk: "quelle proportion", "what percentage". */
    PROPORTION,
    /** Which of two options is better, or how they differ. */
    COMPARISON,
    /** A yes/no question: "faut-il", "does … reduce". */
    YES_NO,
    /** What to give or do, an indication: "quel traitement", "what is recommended". */
    RECOMMENDATION,
    /** What something is: "qu'est-ce que", "how is … defined". */
    DEFINITION,
    /** Who: "chez quels patients", "which groups". */
    POPULATION,
    /** None of the above could be told. */
    OTHER;

    /** Whether the answer is a value a sentence visibly holds (a number with its unit, a rate…). */
    public boolean valued() {
        return switch (this) {
            case DOSE, DURATION, FREQUENCY, THRESHOLD, PROPORTION -> true;
            default -> false;
        };
    }

    /** The lower-case key used in datasets and the API ({@code dose}, {@code yes_no}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named by {@code key}; anything else is refused, naming the value. */
    public static AnswerType parse(String key) {
        for (AnswerType t : values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown answer type '" + key + "': expected one of dose, duration, "
                + "frequency, threshold, proportion, comparison, yes_no, recommendation, definition, population, other");
    }
}
