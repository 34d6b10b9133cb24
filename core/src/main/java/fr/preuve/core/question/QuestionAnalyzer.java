package fr.preuve.core.question;

import fr.preuve.core.text.Folding;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.DrugMention;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells, for a French or English clinical question, what kind of fact it asks for, which drugs it names and which
 * restrictions (child, pregnancy, renal failure, first line…) it puts on the answer. Rules on case- and accent-folded
 * text, tried from the most specific kind (a dose) to the least (a yes/no question).
 */
public final class QuestionAnalyzer {

    /** Cues of each answer type, French and English, in the order they are tried. */
    private static final Map<AnswerType, Pattern> CUES = cues();
    private static final Pattern YES_NO_START = Pattern.compile("^(faut-il|peut-on|doit-on|est-ce qu|est-il|est-elle|"
            + "sont-ils|sont-elles|y a-t-il|existe-t-il|vaut-il|a-t-on|serait-il|reste-t-il|"
            + "is|are|does|do|did|should|can|could|will|would|has|have|was|were|may|must)\\b");
    private static final Pattern YES_NO_INSIDE = Pattern.compile("(-t-(il|elle|on)\\b|\\b(je|on) (peux|peut|dois|doit)\\b|"
            + "\\b(faut-il|peut-on|doit-on|est-ce qu)|\\b\\w+-(il|elle|ils|elles) \\w|"
            + "[,;:] (is|are|does|do|did|should|can|could|will|would|has|have|was|were|may|must) \\w)");
    /** The kinds a question opening as a yes/no question ("Faut-il…", "Does…") may still ask for. */
    private static final Set<AnswerType> YES_NO_OVERRIDES = EnumSet.of(AnswerType.DOSE, AnswerType.DURATION,
            AnswerType.FREQUENCY, AnswerType.THRESHOLD, AnswerType.COMPARISON);
    private static final Pattern OR = Pattern.compile("\\b(ou|or)\\b");

    private final DrugLexicon drugs;

    public QuestionAnalyzer(DrugLexicon drugs) {
        this.drugs = drugs;
    }

    /** An analyzer with the shipped drug lexicon. */
    public static QuestionAnalyzer standard() {
        return new QuestionAnalyzer(DrugLexicon.standard());
    }

    /** Drug lexicon keys of the substances {@code text} names. */
    public Set<String> drugsIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (DrugMention m : drugs.find(text)) {
            out.add(m.key());
        }
        return out;
    }

    /** What {@code question} asks. */
    public QuestionAnalysis analyze(String question) {
        String folded = Folding.fold(question).replace('’', '\'').strip();
        Set<String> named = drugsIn(question);
        Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
        for (Constraint c : Constraint.values()) {
            if (c.namedIn(folded)) {
                constraints.add(c);
            }
        }
        return new QuestionAnalysis(type(folded, named.size()), new ArrayList<>(named), constraints);
    }

    static AnswerType type(String folded, int drugCount) {
        boolean yesNo = YES_NO_START.matcher(folded).find();
        for (Map.Entry<AnswerType, Pattern> e : CUES.entrySet()) {
            if (yesNo && !YES_NO_OVERRIDES.contains(e.getKey())) {
                continue;
            }
            if (e.getKey() == AnswerType.COMPARISON && drugCount >= 2 && OR.matcher(folded).find()) {
                return AnswerType.COMPARISON;
            }
            if (e.getValue().matcher(folded).find()) {
                return e.getKey();
            }
        }
        if (yesNo || YES_NO_INSIDE.matcher(folded).find()) {
            return AnswerType.YES_NO;
        }
        return AnswerType.OTHER;
    }

    private static Map<AnswerType, Pattern> cues() {
        Map<AnswerType, String> m = new java.util.LinkedHashMap<>();
        m.put(AnswerType.DOSE, "(\\b(quelles?|what|which|the|la|les|a quelle|at what) doses?\\b|\\bdoses? (de|d'|du|des|of|for)\\b|"
                + "\\bposologies?|\\bdosages?\\b|combien de (mg|milligrammes?|grammes?|comprimes?|gelules?|"
                + "ml|ui|microgrammes?|µg|mcg)\\b|quelle quantite|mg/kg|schemas? posologiques?|dose de charge|dosing|"
                + "how many (mg|milligrams?|grams?|tablets?|units?)\\b|loading dose)");
        m.put(AnswerType.DURATION, "(combien de temps|\\bduree|pendant combien|sur combien de (jours|semaines|mois|ans|annees)|"
                + "combien de (jours|semaines|mois|annees|ans|heures|minutes)\\b|jusqu'a quand|au bout de combien|\\bdelai|"
                + "how long|\\bduration|for how many (days|weeks|months|years)|how many (days|weeks|months|years|hours|minutes)|"
                + "how soon|how much time)");
        m.put(AnswerType.FREQUENCY, "(a quelle frequence|tous les combien|combien de fois|combien de prises|a quel rythme|"
                + "quel rythme|a quel intervalle|quel intervalle|\\bintervalles?\\b|how often|how frequently|how many times|"
                + "at what intervals?|what interval|dosing frequency|how many doses)");
        m.put(AnswerType.THRESHOLD, "(\\bseuils?\\b|a partir de quel|a partir de quelle|au-dela de quel|au dela de quel|"
                + "en dessous de quel|en-dessous de quel|sous quel|quelle valeur|quel niveau|quelle concentration|"
                + "quel chiffre|quelle tension|quelle glycemie|quel score|quel debit|quel dfg|cut-?offs?|thresholds?|"
                + "above what|below what|what level|at what level|what value|which level|what concentration|"
                + "what score|what count)");
        m.put(AnswerType.DEFINITION, "(qu'est-ce qu|qu'appelle|c'est quoi|\\bdefinitions?\\b|se definit|comment (est )?definie?|"
                + "que signifie|what is meant|what does .* mean|how is .* defined|how are .* defined|what counts as|"
                + "what is the definition|defined as)");
        m.put(AnswerType.PROPORTION, "(quelle proportion|quel pourcentage|pourcentage|quelle part|combien de (patients|malades|"
                + "personnes|cas|femmes|enfants|sujets)|quel est le taux|taux de (mortalite|survie|reponse|guerison|"
                + "complications?|recidives?|succes|echec)|\\bincidence|\\bprevalence|quel (est le )?risque|"
                + "quel taux|quels taux|by how much|how much (does|do|did|is|are|was|were|has|have)|what proportion|what percentage|what fraction|how many (patients|people|cases|children|women|participants)|"
                + "what (is the )?(rate|risk|incidence|prevalence)|\\brates? of\\b|how common|how frequent\\b)");
        m.put(AnswerType.COMPARISON, "(plutot que|plutot qu'|ou bien|versus|\\bvs\\b|compare|par rapport a|par rapport au|"
                + "mieux que|superieure? a|inferieure? a|difference entre|better than|compared (with|to)|"
                + "superior|inferior|more effective|less effective|rather than|\\bthan\\b|difference between|"
                + "vaut-il mieux|is it better)");
        m.put(AnswerType.POPULATION, "(chez qui|chez quels|chez quelles|pour quels patients|quels patients|quelles patientes|"
                + "quelle population|quelles populations|quelles personnes|quels groupes|qui (doit|peut|faut|est concerne)|"
                + "\\ba qui\\b|which patients|who should|which groups|what population|which population|in whom|for whom|"
                + "who is eligible|who are)");
        m.put(AnswerType.RECOMMENDATION, "(que (faire|donner|prescrire|recommande)|quel (traitement|antibiotique|vaccin|"
                + "medicament|schema|protocole|antipaludique)|quelle (prise en charge|strategie|conduite|molecule|option|"
                + "alternative|therapeutique)|quels (traitements|medicaments|vaccins)|recommand|\\bindique|indications?\\b|"
                + "je (fais|donne|prescris) quoi|que doit|que propose|what (should|is recommended|treatment|drug|regimen)|"
                + "which (treatment|drug|regimen|antibiotic|vaccine|medicine)|recommend|indicated|how should .* "
                + "(be )?(treated|managed|given)|first choice|what to (do|give))");
        Map<AnswerType, Pattern> out = new java.util.LinkedHashMap<>();
        m.forEach((t, regex) -> out.put(t, Pattern.compile(regex)));
        return out;
    }
}
