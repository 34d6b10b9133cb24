package fr.preuve.core.answer.extract;

import fr.preuve.core.question.AnswerType;
import fr.preuve.core.text.Folding;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a sentence holds the kind of fact a question asks for: a dose with its unit for a dose question, a duration
 * for "combien de temps", a percentage for a proportion. French and English, on case- and accent-folded text.
 */
public final class AnswerCues {

    private static final String NUM = "(\\d+([.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
            + "un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|quinze)";
    private static final String RANGE = NUM + "(\\s?(-|–|to|a|à|or|ou)\\s?" + NUM + ")?";
    private static final Map<AnswerType, Pattern> CUES = new EnumMap<>(AnswerType.class);

    static {
        put(AnswerType.DOSE, "\\d+([.,]\\d+)?\\s?(-|–)?\\s?(\\d+([.,]\\d+)?\\s?)?(mg|g|µg|μg|mcg|microgrammes?|micrograms?|"
                + "milligrams?|milligrammes?|grams?|grammes?|ui|iu|units?|unites?|ml|mmol|meq|gtt|doses?|tablets?|"
                + "comprimes?|gelules?|puffs?|bouffees?)\\b");
        put(AnswerType.DURATION, "\\b" + RANGE + "\\s?(-|–)?\\s?(days?|jours?|weeks?|semaines?|months?|mois|years?|ans|annees?|"
                + "hours?|heures?|h|min|minutes?|nights?|nuits?)\\b|\\b(until|jusqu'a|pendant|for at least|au moins)\\b");
        put(AnswerType.FREQUENCY, "\\b(once|twice|thrice|three times|four times|\\d+ times|une fois|deux fois|trois fois|"
                + "\\d+ fois)\\b|\\b(daily|weekly|monthly|annual\\w*|biannual\\w*|semi-?annual\\w*|yearly|quotidien\\w*|"
                + "hebdomadaire|mensuel\\w*|annuel\\w*|semestriel\\w*)\\b|\\b(every|toutes les|tous les|chaque)\\s"
                + "|\\b(per|par|a|an|/)\\s?(day|jour|j|week|semaine|month|mois|year|an)\\b|\\bq\\d+h\\b|\\bintervals?\\b"
                + "|\\b" + NUM + " doses?\\b|\\bdoses? (at|a) \\d");
        put(AnswerType.THRESHOLD, "(<|>|≤|≥|=<|>=|\\bless than|\\bmore than|\\bgreater than|\\bat least|\\bbelow|\\babove|"
                + "\\bunder|\\bover|\\bexceed\\w*|\\binferieure?s? (ou egale?s? )?a|\\bsuperieure?s? (ou egale?s? )?a|"
                + "\\bau moins|\\bmoins de|\\bplus de|\\bau-dela de|\\ben dessous de|\\bup to|\\bjusqu'a)\\s?\\d"
                + "|\\b(seuil|threshold|cut-?off|cutoff)\\b");
        put(AnswerType.PROPORTION, "\\d\\s?%|\\b(per ?cent|pour ?cent|odds ratio|hazard ratio|relative risk|risk ratio|"
                + "or|rr|hr|aor|ci|ic)\\b\\s?[=:(]?\\s?\\d|\\b\\d+\\s?(of|out of|sur)\\s?\\d+\\b|\\b\\d+/\\d+\\b"
                + "|\\b(proportion|prevalence|incidence|rate|taux)\\b.{0,40}\\d");
        put(AnswerType.COMPARISON, "\\b(compared (with|to)|versus|vs\\.?|than|superior|inferior|non-?inferior\\w*|"
                + "more effective|less effective|higher|lower|increased|decreased|reduced|reduction|greater|better|worse|"
                + "plus efficace|moins efficace|superieure?s?|inferieure?s?|par rapport|significantly|significativement|"
                + "equivalent|no difference|similar|comparable|over)\\b");
        put(AnswerType.YES_NO, "\\b(should|must|recommend\\w*|not recommended|associated with|reduced|increased|improved|"
                + "no (significant )?(difference|benefit|evidence|effect)|did not|does not|was not|were not|effective|"
                + "safe|ne doit pas|doit|doivent|recommand\\w*|n'est pas|ne sont pas|associee?s? a|peut|peuvent|"
                + "contre-indique\\w*|significantly|significativement|is|are|est|sont)\\b");
        put(AnswerType.RECOMMENDATION, "\\b(recommend\\w*|should|is indicated|are indicated|first-?line|treatment of choice|"
                + "strong recommendation|conditional recommendation|indique\\w*|recommand\\w*|premiere intention|"
                + "doit etre|doivent etre|il convient|is advised|are advised|treated with|traites? par|traiter par|"
                + "administer\\w*|give|given|prefer\\w*|use of|utilis\\w*|prescri\\w*|service medical rendu)\\b");
        put(AnswerType.DEFINITION, "\\b(is defined as|are defined as|defined as|defined by|refers to|means|is a|are|"
                + "consists? of|se definit|est definie?s?|sont definie?s?|correspond\\w* a|designe\\w*|is characteri[sz]ed)\\b");
        put(AnswerType.POPULATION, "\\b(patients?|children|adults?|women|men|people|persons?|individuals|infants?|"
                + "enfants?|adultes?|femmes|hommes|personnes|sujets|chez les|aged|ages?|ans et plus|population\\w*|"
                + "groups?|groupes?)\\b");
        put(AnswerType.OTHER, ".");
    }

    private AnswerCues() {
    }

    private static void put(AnswerType type, String regex) {
        CUES.put(type, Pattern.compile(regex));
    }

    private static final Pattern DIGIT = Pattern.compile("\\d");

    /**
     * Whether {@code sentence} may state the value a question of kind {@code type} asks for: it holds the kind of fact
     * ({@link #carries}) or, for a duration, frequency, threshold or proportion (which a sentence can give in other
     * terms: "27.6% received…" for "how often"), any number. What decides that an answer is only partial.
     */
    public static boolean mayState(AnswerType type, String sentence) {
        return mayState(type, carries(type, sentence), DIGIT.matcher(sentence).find());
    }

    /** {@link #mayState(AnswerType, String)} from what is already known of the sentence: whether it carries the kind
     * of fact asked and whether it holds a number. */
    public static boolean mayState(AnswerType type, boolean carries, boolean number) {
        return carries || type.valued() && type != AnswerType.DOSE && number;
    }

    /** Whether {@code sentence} holds a fact of the kind {@code type}. */
    public static boolean carries(AnswerType type, String sentence) {
        return CUES.get(type).matcher(Folding.fold(sentence)).find();
    }
}
