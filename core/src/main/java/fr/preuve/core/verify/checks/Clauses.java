package fr.preuve.core.verify.checks;

import fr.preuve.core.text.Folding;
import fr.preuve.core.text.Language;
import fr.preuve.core.text.SentenceSplitter;
import fr.preuve.core.verify.ContentWords;
import fr.preuve.core.verify.NumberMention;
import fr.preuve.core.verify.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clauses of a text with their content words, to align a claim with the part of a cited passage it restates.
 *
 * <p>A text is cut into sentences, then at semicolons, colons, commas and contrastive conjunctions; a piece with
 * fewer than two content words is glued to its neighbour (forward at the start of a sentence, backward elsewhere), so
 * "In children, artesunate is not recommended" stays one clause. A clause's tokens are its content-word stems
 * ({@link ContentWords}, in the language asked for) and its numbers with a unit ({@code #3 mg/kg}), which align a
 * claim with its evidence across languages. Evidence clauses that ask or set out to study rather than state are never
 * aligned with.
 */
final class Clauses {

    /** Minimum shared tokens between a claim clause and the evidence clause it is aligned with. */
    static final int MIN_SHARED = 2;

    private static final Pattern CUT = Pattern.compile(
            "\\s*[;:]\\s+|,\\s+|\\s+(?=(?:but|whereas|mais|alors que|tandis que)\\s)");

    /**
     * Clauses that ask or set out to study rather than state: questions, objectives, hypotheses, methods ("To
     * determine whether...", "We hypothesized that...", "It is unclear whether...", "This study compared..."). They have no polarity or direction a claim
     * could contradict.
     */
    private static final Pattern NOT_STATED = Pattern.compile("\\?|\\b(?:whether|if|hypothes\\w*|unclear|unknown|"
            + "not known|aims?|aimed|purpose|objectives?|goals?|sought|investigat\\w*|to (?:determine|evaluate|assess|"
            + "examine|test|compare|analy[sz]e|explore|observe|study)|si|objectifs?|evaluer|determiner|comparer)\\b"
            + "|\\b(?:we|study|studies|trial) (?:\\w+ )?(?:compared|examined|evaluated|assessed|analy[sz]ed|measured|"
            + "studied|reviewed|describe[sd]?)\\b|\\b(?:was|were) (?:performed|analy[sz]ed|measured|recorded|collected)\\b");

    /** One clause: its text and tokens. */
    record Clause(String text, Set<String> tokens) {
    }

    private Clauses() {
    }

    /** The clauses of {@code text}, tokens stemmed as {@code lang} ({@code fr} or {@code en}). */
    static List<Clause> of(String text, String lang) {
        List<Clause> out = new ArrayList<>();
        for (String sentence : SentenceSplitter.sentences(text)) {
            List<String> pieces = new ArrayList<>();
            Matcher m = CUT.matcher(sentence);
            int from = 0;
            while (m.find()) {
                pieces.add(sentence.substring(from, m.start()));
                from = m.end();
            }
            pieces.add(sentence.substring(from));
            List<String> merged = new ArrayList<>();
            String pending = null;
            for (String p : pieces) {
                String piece = pending == null ? p : pending + ", " + p;
                pending = null;
                if (ContentWords.of(piece, lang).size() >= MIN_SHARED) {
                    merged.add(piece);
                } else if (merged.isEmpty()) {
                    pending = piece;
                } else {
                    merged.set(merged.size() - 1, merged.get(merged.size() - 1) + ", " + piece);
                }
            }
            if (pending != null) {
                merged.add(pending);
            }
            for (String c : merged) {
                if (!c.isBlank()) {
                    out.add(new Clause(c.strip(), tokens(c, lang)));
                }
            }
        }
        return out;
    }

    /** A claim clause and the evidence clauses aligned with it ({@link #aligned}), in language {@code lang}. */
    record Alignment(Clause claim, List<Clause> evidence, String lang) {
    }

    /**
     * Each clause of {@code claim} with the evidence clauses aligned with it, those with none left out; empty when
     * the claim and the evidence are in different languages (words cannot be aligned across them).
     */
    static List<Alignment> sameLanguage(String claim, List<String> evidence, double minShare,
                                        double minEvidenceShare) {
        String lang = Language.detect(claim);
        if (!lang.equals(Language.detect(String.join("\n", evidence)))) {
            return List.of();
        }
        List<Clause> clauses = of(evidence, lang);
        List<Alignment> out = new ArrayList<>();
        for (Clause c : of(claim, lang)) {
            List<Clause> aligned = aligned(c, clauses, minShare, minEvidenceShare);
            if (!aligned.isEmpty()) {
                out.add(new Alignment(c, aligned, lang));
            }
        }
        return out;
    }

    /** The clauses of every evidence passage, in order. */
    static List<Clause> of(List<String> evidence, String lang) {
        List<Clause> out = new ArrayList<>();
        for (String e : evidence) {
            out.addAll(of(e, lang));
        }
        return out;
    }

    static Set<String> tokens(String text, String lang) {
        Set<String> out = new LinkedHashSet<>(ContentWords.of(text, lang));
        for (NumberMention n : Numbers.extract(text)) {
            if (n.unit() != null) {
                out.add(number(n));
            }
        }
        return out;
    }

    static String number(NumberMention n) {
        return "#" + n.value().stripTrailingZeros().toPlainString() + " " + n.unit();
    }

    /**
     * The evidence clauses that best restate {@code claim}: those sharing the most tokens with it, when that is at
     * least {@link #MIN_SHARED} tokens, at least {@code minShare} of the claim clause's tokens and at least
     * {@code minEvidenceShare} of the evidence clause's own. Empty when none.
     */
    static List<Clause> aligned(Clause claim, List<Clause> evidence, double minShare, double minEvidenceShare) {
        int best = 0;
        List<Clause> out = new ArrayList<>();
        for (Clause e : evidence) {
            if (NOT_STATED.matcher(Folding.fold(e.text())).find()) {
                continue;
            }
            int shared = 0;
            for (String t : claim.tokens()) {
                shared += e.tokens().contains(t) ? 1 : 0;
            }
            if (shared < minEvidenceShare * e.tokens().size()) {
                continue;
            }
            if (shared > best) {
                best = shared;
                out.clear();
            }
            if (shared == best && shared > 0) {
                out.add(e);
            }
        }
        if (best < MIN_SHARED || best < minShare * claim.tokens().size()) {
            return List.of();
        }
        return out;
    }
}
