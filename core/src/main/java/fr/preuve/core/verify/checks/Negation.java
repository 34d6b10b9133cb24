package fr.preuve.core.verify.checks;

import fr.preuve.core.text.Folding;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim and the clause it restates must agree on negation: "should not be used" does not support "should be
 * used", nor the reverse.
 *
 * <p>Each claim clause is aligned with the evidence clauses that share most of its content words
 * ({@link Clauses#aligned}: at least {@value #MIN_SHARE} of them, and {@value #MIN_EVIDENCE_SHARE} of the evidence clause's own); when every aligned clause is negated and the claim
 * clause is not, or the reverse, the claim contradicts its evidence. A cue counts only when one of the
 * words shared with the other side is in its scope (the {@value #SCOPE} words after it). Negation cues: English not, no, never, neither,
 * nor, none, cannot, -n't, and "n.s." or "nonsignificant" (no difference found); French ne / n', pas, jamais, aucun, ni, nul. "Non-" prefixes (non-inferiority) and
 * "without" (a population: patients without HIV) are not negations. Claim and evidence must be in the same language:
 * clauses cannot be aligned word for word across languages.
 */
public final class Negation implements ClaimCheck {

    /** Share of the claim clause's tokens the aligned clause must hold. */
    static final double MIN_SHARE = 0.6;
    /** Share of the aligned clause's own tokens the claim clause must hold: the two say the same thing. */
    static final double MIN_EVIDENCE_SHARE = 0.4;

    private static final Pattern CUE = Pattern.compile(
            "(?<![\\p{L}-])(?:not|no|never|neither|nor|none|cannot|ne|n'|pas|jamais|aucun|aucune|ni|nul|nulle)"
                    + "(?![\\p{L}-])|n't(?!\\p{L})|\\bn\\.s\\.|\\b(?:non-?|in)significan\\w*|\\bns\\b");

    /** Words after a cue that it negates. */
    static final int SCOPE = 6;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,/-]*");
    private static final Pattern NOT_NEGATION = Pattern.compile(
            "\\b(?:not only|non seulement|(?:may|might|can|could) or (?:may|might|can|could) not|or not|ou non)\\b");

    @Override
    public Optional<Conflict> check(String claim, List<String> evidence) {
        for (Clauses.Alignment a : Clauses.sameLanguage(claim, evidence, MIN_SHARE, MIN_EVIDENCE_SHARE)) {
            Clauses.Clause c = a.claim();
            List<Clauses.Clause> aligned = a.evidence();
            String lang = a.lang();
            String claimCue = cue(c.text(), aligned.get(0).tokens(), lang);
            boolean allNegated = aligned.stream().allMatch(e -> cue(e.text(), c.tokens(), lang) != null);
            boolean noneNegated = aligned.stream().allMatch(e -> cue(e.text(), c.tokens(), lang) == null);
            if (claimCue == null && allNegated) {
                Clauses.Clause e = aligned.get(0);
                return Optional.of(new Conflict(ConflictKind.NEGATION, "—", cue(e.text(), c.tokens(), lang), e.text()));
            }
            if (claimCue != null && noneNegated) {
                return Optional.of(new Conflict(ConflictKind.NEGATION, claimCue, "—", aligned.get(0).text()));
            }
        }
        return Optional.empty();
    }

    /**
     * The first negation cue of {@code text} whose scope, the {@value #SCOPE} words after it, holds one of
     * {@code shared} (the tokens the other side has): "(9–12 g of salt per day) and not enough potassium" does not
     * negate the salt intake. As written, or null; "not only", "may or may not" do not count.
     */
    static String cue(String text, Set<String> shared, String lang) {
        String folded = NOT_NEGATION.matcher(Folding.fold(text)).replaceAll(r -> " ".repeat(r.group().length()));
        Matcher m = CUE.matcher(folded);
        while (m.find()) {
            Matcher w = WORD.matcher(text).region(m.end(), text.length());
            for (int k = 0; k < SCOPE && w.find(); k++) {
                if (!java.util.Collections.disjoint(Clauses.tokens(w.group(), lang), shared)) {
                    return text.substring(m.start(), m.end());
                }
            }
        }
        return null;
    }
}
