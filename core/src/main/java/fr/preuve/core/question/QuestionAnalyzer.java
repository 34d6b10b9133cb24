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
    private static final Map<AnswerType, Pattern> CUES = AnswerTypeCues.standard();
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
}
