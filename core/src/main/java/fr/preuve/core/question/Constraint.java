package fr.preuve.core.question;

import fr.preuve.core.text.Folding;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A restriction a clinical question puts on its answer (a population, a line of treatment, an organ failure), with the
 * French and English words that name it in a question or in a passage (matched on case- and accent-folded text).
 */
public enum Constraint {
    CHILD("\\b(enfants?|pediatri\\w*|paediatri\\w*|nourrissons?|infants?|child(ren)?|neonat\\w*|nouveau-nes?|"
            + "newborns?|adolescents?|scolaires?|school-?age\\w*|preschool\\w*|prescolaires?|ans? et moins|kids?)\\b"),
    PREGNANCY("\\b(enceintes?|grossesses?|pregnan\\w*|trimestres?|trimesters?|gestation\\w*|obstetri\\w*)\\b"),
    BREASTFEEDING("\\b(allaitement|allaitante?s?|breastfeed\\w*|breast-?fed|lactat\\w*)\\b"),
    ELDERLY("\\b(agees?|personnes? agees?|elderly|older (adults?|people|patients?)|geriatri\\w*|(65|75|80) ans)\\b"),
    ADULT("\\b(adultes?|adults?)\\b"),
    RENAL("\\b(insuffisan\\w* renale?s?|renal\\w*|kidney|rein|dialys\\w*|hemodialys\\w*|clairance|creatinine|dfg|egfr|ckd|"
            + "maladie renale)\\b"),
    HEPATIC("\\b(insuffisan\\w* hepatique|hepati\\w*|liver|cirrho\\w*)\\b"),
    FIRST_LINE("\\b(premiere intention|1re intention|first-?line|first line|initial treatment|traitement initial)\\b"),
    SECOND_LINE("\\b(deuxieme intention|seconde intention|2e intention|second-?line|apres echec|after failure|"
            + "refractaire|refractory|resistan\\w*)\\b"),
    HIV("\\b(vih|hiv|antiretrovira\\w*|sida|aids)\\b"),
    SEVERE("\\b(graves?|severes?|severe|serious|compliqu\\w*|complicated)\\b");

    private final Pattern cue;

    Constraint(String cue) {
        this.cue = Pattern.compile(cue);
    }

    /** Where {@code folded} (see {@link #namedIn}) names this constraint, in order. */
    public List<MatchResult> mentionsIn(String folded) {
        return cue.matcher(folded).results().toList();
    }

    /** Whether {@code folded} (text passed through {@link Folding#fold}) names this constraint. */
    public boolean namedIn(String folded) {
        return cue.matcher(folded).find();
    }
}
