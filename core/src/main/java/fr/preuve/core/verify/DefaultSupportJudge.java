package fr.preuve.core.verify;

import fr.preuve.core.text.Language;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.Vectors;
import fr.preuve.core.text.SentenceSplitter;
import fr.preuve.core.text.TextSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The support judge that runs in process, without an LLM: embedding similarity plus lexical overlap.
 *
 * <p><b>Similarity.</b> The claim is embedded whole; each evidence passage is split into sentences
 * ({@link SentenceSplitter}) and embedded as its sentences, its windows of two consecutive sentences and (when it has
 * more than two sentences) the whole passage. The similarity is the best cosine between the claim and any of those
 * units, floored at 0.
 *
 * <p><b>Lexical evidence.</b> The share of the claim's distinct content words (stop words of both languages removed,
 * accents folded, stemmed in the claim's language) that occur anywhere in the evidence.
 *
 * <p><b>Score.</b> The similarity, compared with {@link Settings#minSimilarity()}. When the claim and the evidence
 * are in the same language ({@link Language#detect}), the lexical share must also reach
 * {@link Settings#minLexicalShare()}: a claim that shares almost none of its content words with what it cites is not
 * supported however close its embedding, and its score is then capped at the lexical share. Lexical overlap is a
 * floor, not a term of a weighted sum: on the calibration halves of both support sets, mixing it into the score
 * ranked claims worse than similarity alone (eval/datasets/support, docs/eval.md).
 *
 * <p><b>Across languages</b> (a French claim citing English text) words cannot match, so only the similarity counts,
 * compared with its own threshold {@link Settings#minCrossLanguageSimilarity()}. The embedding model is English-only
 * and French–English cosines are lower than English–English ones for the same meaning, so this threshold is a
 * trade-off: set low, paraphrases pass but so do on-topic claims the evidence does not support; set high, French
 * claims are mostly rejected. See {@link Defaults#SUPPORT_MIN_CROSS_LANGUAGE_SIMILARITY}.
 *
 * <p>Bracketed numeric citations ({@code [1]}, {@code [2, 3]}) left in a claim are ignored. Passage vectors are cached
 * (a few thousand units, least recently used first out), since the sentences of one answer cite the same passages.
 * Thread-safe when the embedder is.
 */
public final class DefaultSupportJudge implements SupportJudge {

    /** Name recorded with verdicts. */
    public static final String NAME = "default-v1";
    /**
     * What this judge's verdicts are worth on human labels, for reports beside hallucination figures: measured with
     * {@code preuve eval support --judge embedding} on the held-out halves of the support sets (docs/eval.md).
     */
    public static final String QUALITY = "held-out halves of the support sets: MedHallu precision 0.555 [0.502, 0.606], "
            + "recall 0.785 (n=492); ExpertQA medicine precision 0.86, recall 0.46 (full dev file, n=178)";

    private static final Pattern CITATIONS = Pattern.compile("\\s*\\[\\d{1,3}(?:\\s*[,\\u2013-]\\s*\\d{1,3})*]");
    private static final int CACHE_UNITS = 4_096;
    /** Characters of the evidence read to detect its language. */
    private static final int LANGUAGE_SAMPLE = 2_000;

    /**
     * Thresholds of the judge, each in [0, 1].
     *
     * @param minSimilarity              minimum similarity (claim and evidence in the same language)
     * @param minLexicalShare            minimum share of the claim's content words found in the evidence (same language)
     * @param minCrossLanguageSimilarity minimum similarity when claim and evidence languages differ
     */
    public record Settings(double minSimilarity, double minLexicalShare, double minCrossLanguageSimilarity) {
        public Settings {
            check("minSimilarity", minSimilarity);
            check("minLexicalShare", minLexicalShare);
            check("minCrossLanguageSimilarity", minCrossLanguageSimilarity);
        }

        private static void check(String name, double v) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
            }
        }

        /** The calibrated defaults of {@link Defaults}. */
        public static Settings defaults() {
            return new Settings(Defaults.SUPPORT_MIN_SIMILARITY, Defaults.SUPPORT_MIN_LEXICAL_SHARE,
                    Defaults.SUPPORT_MIN_CROSS_LANGUAGE_SIMILARITY);
        }
    }

    /**
     * What the score is made of, for calibration and reports.
     *
     * @param similarity    best cosine between the claim and an evidence unit, floored at 0
     * @param lexical       share of the claim's content words found in the evidence, or NaN across languages
     * @param contentWords  how many distinct content words the claim has
     * @param crossLanguage whether claim and evidence languages differ
     */
    public record Features(double similarity, double lexical, int contentWords, boolean crossLanguage) {
    }

    private final Embedder embedder;
    private final Settings settings;
    private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_UNITS;
        }
    };

    public DefaultSupportJudge(Embedder embedder, Settings settings) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** With the calibrated default thresholds. */
    public DefaultSupportJudge(Embedder embedder) {
        this(embedder, Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Judgement judge(String claim, List<String> evidence) {
        Objects.requireNonNull(claim, "claim");
        if (CITATIONS.matcher(claim).replaceAll("").isBlank()) {
            return new Judgement(0, false, "no claim text once citations are removed");
        }
        Features f = features(claim, evidence);
        if (f.crossLanguage()) {
            double t = settings.minCrossLanguageSimilarity();
            boolean ok = f.similarity() >= t;
            return new Judgement(f.similarity(), ok, String.format(Locale.ROOT,
                    "similarity %.2f %s threshold %.2f (claim and evidence in different languages: similarity only)",
                    f.similarity(), ok ? "reaches" : "under", t));
        }
        double t = settings.minSimilarity();
        double floor = settings.minLexicalShare();
        double score = score(f, floor);
        String words = f.contentWords() == 0 ? "no content words in the claim"
                : String.format(Locale.ROOT, "%d %% of %d content words found", Math.round(100 * f.lexical()),
                        f.contentWords());
        if (f.lexical() < floor) {
            return new Judgement(score, false, String.format(Locale.ROOT,
                    "similarity %.2f but only %s (under %d %%); threshold %.2f", f.similarity(), words,
                    Math.round(100 * floor), t));
        }
        boolean ok = f.similarity() >= t;
        return new Judgement(score, ok, String.format(Locale.ROOT, "similarity %.2f and %s; %s threshold %.2f",
                f.similarity(), words, ok ? "reaches" : "under", t));
    }

    /**
     * The score {@link #judge} compares with its similarity threshold: the similarity, capped at the lexical share
     * when that is under {@code minLexicalShare} (same language only).
     */
    public static double score(Features f, double minLexicalShare) {
        if (f.crossLanguage() || f.lexical() >= minLexicalShare) {
            return f.similarity();
        }
        return Math.min(f.similarity(), f.lexical());
    }

    /** {@code claim} without its bracketed numeric citations, stripped. */
    public static String withoutCitations(String claim) {
        return CITATIONS.matcher(claim).replaceAll("").strip();
    }

    /** Computes similarity and lexical share of {@code claim} against {@code evidence} (at least one passage). */
    public Features features(String claim, List<String> evidence) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("evidence must not be empty (a claim citing nothing is not supported)");
        }
        String c = CITATIONS.matcher(claim).replaceAll("").strip();
        if (c.isEmpty()) {
            throw new IllegalArgumentException("claim is blank");
        }
        String claimLang = Language.detect(c);
        String evidenceLang = Language.detect(sample(evidence));
        boolean cross = !claimLang.equals(evidenceLang);
        double sim = similarity(c, units(evidence));
        if (cross) {
            return new Features(sim, Double.NaN, 0, true);
        }
        Set<String> claimWords = ContentWords.of(c, claimLang);
        Set<String> evidenceWords = new LinkedHashSet<>();
        for (String e : evidence) {
            evidenceWords.addAll(ContentWords.of(e, claimLang));
        }
        int found = 0;
        for (String w : claimWords) {
            found += evidenceWords.contains(w) ? 1 : 0;
        }
        double lexical = claimWords.isEmpty() ? 0 : (double) found / claimWords.size();
        return new Features(sim, lexical, claimWords.size(), false);
    }

    private static String sample(List<String> evidence) {
        StringBuilder sb = new StringBuilder();
        for (String e : evidence) {
            if (sb.length() >= LANGUAGE_SAMPLE) {
                break;
            }
            sb.append(e, 0, Math.min(e.length(), LANGUAGE_SAMPLE - sb.length())).append('\n');
        }
        return sb.toString();
    }

    /** Sentences, windows of two sentences and whole passages (of more than two sentences), without duplicates. */
    static List<String> units(List<String> evidence) {
        Set<String> out = new LinkedHashSet<>();
        for (String passage : evidence) {
            Objects.requireNonNull(passage, "evidence passage");
            List<TextSpan> spans = SentenceSplitter.split(passage);
            for (int i = 0; i < spans.size(); i++) {
                out.add(passage.substring(spans.get(i).start(), spans.get(i).end()));
                if (i + 1 < spans.size()) {
                    out.add(passage.substring(spans.get(i).start(), spans.get(i + 1).end()));
                }
            }
            if (spans.size() > 2) {
                out.add(passage.strip());
            }
        }
        return new ArrayList<>(out);
    }

    private double similarity(String claim, List<String> units) {
        if (units.isEmpty()) {
            return 0; // only blank passages
        }
        float[] q = embedder.embedQuery(claim);
        List<float[]> vectors = vectors(units);
        double best = 0;
        for (float[] v : vectors) {
            best = Math.max(best, Vectors.dot(q, v));
        }
        return Math.min(1, best);
    }

    private List<float[]> vectors(List<String> units) {
        float[][] out = new float[units.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        synchronized (cache) {
            for (int i = 0; i < units.size(); i++) {
                float[] v = cache.get(units.get(i));
                if (v == null) {
                    missing.add(units.get(i));
                    where.add(i);
                } else {
                    out[i] = v;
                }
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = embedder.embedAll(missing);
            synchronized (cache) {
                for (int k = 0; k < missing.size(); k++) {
                    out[where.get(k)] = computed.get(k);
                    cache.put(missing.get(k), computed.get(k));
                }
            }
        }
        return List.of(out);
    }
}
