package fr.preuve.core.verify.checks;

import fr.preuve.core.text.Folding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim and the clause it restates must compare in the same direction: "higher" does not restate "lower",
 * "superior" does not restate "inferior", "increased" does not restate "decreased".
 *
 * <p>Direction words come in families, each with an upward and a downward pole (change: increase / decrease, reduce;
 * level: higher, greater, more / lower, smaller, less, fewer; quality: better, improve / worse, worsen; rank:
 * superior / inferior; bound: above, over, exceed, &gt;, more than 5 / below, under, &lt;, less than 5; in French augmenter / diminuer, hausse /
 * baisse, supérieur / inférieur, plus / moins, améliorer / aggraver). A conflict is a family where the claim clause
 * holds one pole and every aligned evidence clause ({@link Clauses#aligned}) holds only the other. Different families
 * never conflict ("reduced mortality" and "improved survival" say the same). "Non-inferior" is not "inferior".
 * Same language only. Known limit: a comparison restated with its terms swapped ("adults need less than children"
 * for "children need more than adults") is read as reversed, which rejects a true sentence, never passes a false one.
 */
public final class Comparison implements ClaimCheck {

    static final double MIN_SHARE = Negation.MIN_SHARE;
    static final double MIN_EVIDENCE_SHARE = Negation.MIN_EVIDENCE_SHARE;
    private static final Pattern NON = Pattern.compile("non-?(?:inferio|superio)\\w*");

    private enum Family {
        CHANGE("increas\\w*|rais(?:e|es|ed|ing)|ris(?:e|es|ing)|rose|elevat\\w*|augment\\w*|hausse\\w*",
                "decreas\\w*|reduc\\w*|declin\\w*|diminu\\w*|baisse\\w*|lowered|lowering"),
        LEVEL("higher|greater|more(?! than \\d)|plus(?! de \\d)|elevee?s?|superieure?s? a",
                "lower|smaller|less(?! than \\d)|fewer(?! than \\d)|moins(?! de \\d)|faibles?|inferieure?s? a"),
        QUALITY("better|improv\\w*|amelior\\w*", "worse|worsen\\w*|aggrav\\w*|deteriorat\\w*"),
        RANK("superior\\w*|superiorit\\w*|superieur\\w*|superiorite", "inferior\\w*|inferiorit\\w*|inferieur\\w*"),
        BOUND("above|over|exceed\\w*|>|≥|au-dessus|more than(?= \\d)|plus de(?= \\d)",
                "below|under|<|≤|en dessous|au-dessous|(?:less|fewer) than(?= \\d)|moins de(?= \\d)");

        final Pattern up;
        final Pattern down;

        Family(String up, String down) {
            this.up = word(up);
            this.down = word(down);
        }

        private static Pattern word(String alternatives) {
            return Pattern.compile("(?<![\\p{L}-])(?:" + alternatives + ")(?![\\p{L}])");
        }
    }

    @Override
    public Optional<Conflict> check(String claim, List<String> evidence) {
        for (Clauses.Alignment a : Clauses.sameLanguage(claim, evidence, MIN_SHARE, MIN_EVIDENCE_SHARE)) {
            Clauses.Clause c = a.claim();
            List<Clauses.Clause> aligned = a.evidence();
            String folded = Folding.fold(c.text());
            for (Family f : Family.values()) {
                String up = find(f.up, c.text(), folded);
                String down = find(f.down, c.text(), folded);
                if ((up == null) == (down == null)) {
                    continue; // no pole, or both: nothing to compare
                }
                Pattern other = up != null ? f.down : f.up;
                Pattern same = up != null ? f.up : f.down;
                List<String> opposite = new ArrayList<>();
                for (Clauses.Clause e : aligned) {
                    String fe = Folding.fold(e.text());
                    String o = find(other, e.text(), fe);
                    if (o == null || find(same, e.text(), fe) != null) {
                        opposite.clear();
                        break;
                    }
                    opposite.add(o);
                }
                if (!opposite.isEmpty()) {
                    return Optional.of(new Conflict(ConflictKind.COMPARISON, up != null ? up : down, opposite.get(0),
                            aligned.get(0).text()));
                }
            }
        }
        return Optional.empty();
    }

    private static String find(Pattern p, String text, String folded) {
        Matcher m = p.matcher(masked(folded));
        return m.find() ? text.substring(m.start(), m.end()) : null;
    }

    /** {@code folded} with "non-inferior..." and "non-superior..." blanked out, same length. */
    private static String masked(String folded) {
        Matcher m = NON.matcher(folded);
        StringBuilder sb = new StringBuilder(folded);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }
}
