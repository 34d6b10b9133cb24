package fr.preuve.core.verify.judge;

import fr.preuve.core.text.Folding;
import fr.preuve.core.text.Language;
import fr.preuve.core.text.SentenceSplitter;
import fr.preuve.core.verify.ContentWords;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.Numbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the trained support judge looks at in a claim and its evidence, each feature a number (most in [0, 1]).
 *
 * <ul>
 *   <li>{@code similarity}: best cosine between the claim and an evidence sentence, window or passage (bge-small,
 *   {@link DefaultSupportJudge#features});</li>
 *   <li>{@code lexical}: share of the claim's content words found in the evidence (0 across languages);</li>
 *   <li>{@code aligned}: the same share within the single best evidence sentence (a claim stitched from words
 *   scattered over a passage scores low);</li>
 *   <li>{@code bigrams}: share of the claim's consecutive content-word pairs found consecutive in the evidence
 *   (phrases, not just words);</li>
 *   <li>{@code numbers_missing}: share of the claim's numbers absent from the evidence;</li>
 *   <li>{@code drugs_missing}: 1 when the claim names a drug the evidence does not;</li>
 *   <li>{@code claim_hedged}: hedges in the claim (may, suggest, appear, possibly...), up to 3, over 3;</li>
 *   <li>{@code certainty_inflated}: 1 when the best evidence sentence hedges and the claim does not, or the claim
 *   uses a certainty word (significantly, demonstrated, proven...) the evidence never uses;</li>
 *   <li>{@code cross_language}: 1 when the claim and the evidence are in different languages.</li>
 * </ul>
 * The claim's length is deliberately not a feature: in MedHallu the faithful answers are longer than the fabricated
 * ones, which says nothing about one answer sentence in Preuve.
 */
public final class SupportFeatures {

    /** Feature names, in the order of {@link #values}. */
    public static final List<String> NAMES = List.of("similarity", "lexical", "aligned", "bigrams", "numbers_missing",
            "drugs_missing", "claim_hedged", "certainty_inflated");

    private static final Pattern HEDGE = Pattern.compile("\\b(?:may|might|could|suggests?|suggested|suggesting|appears?|"
            + "appeared|seems?|seemed|possibl[ey]|likely|unlikely|potential(?:ly)?|probabl[ey]|perhaps|presumabl[ey]|"
            + "warrant\\w*|further (?:stud|research|investigation)\\w*|needed|peut|peuvent|pourrait|pourraient|"
            + "suggere\\w*|semble\\w*|possible\\w*|probable\\w*|eventuel\\w*)\\b");
    private static final Pattern CERTAINTY = Pattern.compile("\\b(?:significantly|markedly|substantially|clearly|"
            + "definitive\\w*|proven|prove[sd]?|demonstrat\\w*|confirm\\w*|established|always|never|dramatically|"
            + "strongly|conclusively|significativement|demontr\\w*|prouve\\w*|confirme\\w*|toujours|jamais)\\b");

    private final double[] values;

    private SupportFeatures(double[] values) {
        this.values = values;
    }

    /** The features of {@code claim} (citations removed) against {@code evidence}, given the base judge's view. */
    public static SupportFeatures of(String claim, List<String> evidence, DefaultSupportJudge.Features base,
                                     DrugLexicon drugs) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
        String lang = Language.detect(claim);
        List<String> claimWords = new ArrayList<>(ContentWords.of(claim, lang));
        List<String> sentences = new ArrayList<>();
        for (String e : evidence) {
            sentences.addAll(SentenceSplitter.sentences(e));
        }
        double aligned = 0;
        String best = "";
        Set<String> evidenceBigrams = new HashSet<>();
        for (String s : sentences) {
            List<String> words = new ArrayList<>(ContentWords.of(s, lang));
            for (int i = 0; i + 1 < words.size(); i++) {
                evidenceBigrams.add(words.get(i) + " " + words.get(i + 1));
            }
            if (claimWords.isEmpty()) {
                continue;
            }
            Set<String> in = new HashSet<>(words);
            double share = claimWords.stream().filter(in::contains).count() / (double) claimWords.size();
            if (share > aligned) {
                aligned = share;
                best = s;
            }
        }
        int bigrams = 0;
        int found = 0;
        for (int i = 0; i + 1 < claimWords.size(); i++) {
            bigrams++;
            found += evidenceBigrams.contains(claimWords.get(i) + " " + claimWords.get(i + 1)) ? 1 : 0;
        }
        int numbers = Numbers.extract(claim).size();
        double numbersMissing = numbers == 0 ? 0 : Numbers.missing(claim, evidence).size() / (double) numbers;
        double drugsMissing = drugs.missing(claim, evidence).isEmpty() ? 0 : 1;
        String fc = Folding.fold(claim);
        int hedges = count(HEDGE, fc);
        boolean inflated = hedges == 0 && count(HEDGE, Folding.fold(best)) > 0;
        if (!inflated) {
            String fe = Folding.fold(String.join("\n", evidence));
            Matcher m = CERTAINTY.matcher(fc);
            while (m.find() && !inflated) {
                inflated = !fe.contains(m.group());
            }
        }
        boolean cross = base.crossLanguage(); // the judge does not use the model across languages: kept at 0
        return new SupportFeatures(new double[] {
            base.similarity(),
            cross ? 0 : base.lexical(),
            cross ? 0 : aligned,
            cross || bigrams == 0 ? 0 : found / (double) bigrams,
            numbersMissing,
            drugsMissing,
            Math.min(3, hedges) / 3.0,
            inflated ? 1 : 0});
    }

    private static int count(Pattern p, String folded) {
        int n = 0;
        Matcher m = p.matcher(folded);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Wraps values already computed (read back from a training table), in {@link #NAMES} order. */
    public static SupportFeatures of(double[] values) {
        if (values.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " feature values " + NAMES + ", got "
                    + values.length);
        }
        return new SupportFeatures(values.clone());
    }

    /** The values, in {@link #NAMES} order (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** One feature by name. */
    public double get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown support feature '" + name + "', expected one of " + NAMES);
        }
        return values[i];
    }
}
