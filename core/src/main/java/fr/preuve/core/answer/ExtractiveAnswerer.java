package fr.preuve.core.answer;

import fr.preuve.core.answer.EvidenceAssessor.Evidence;
import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.Vectors;
import fr.preuve.core.index.IndexSchema;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.SearchHit;
import fr.preuve.core.search.SearchResult;
import fr.preuve.core.text.SentenceSplitter;
import fr.preuve.core.text.TextSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers without a generative model: picks 3–6 sentences verbatim from the top passages, for relevance to the
 * question and for diversity (maximal marginal relevance), each citing its passage; abstains when the passages do not
 * match the question well enough.
 */
public final class ExtractiveAnswerer {

    /** Candidate sentences are embedded only for the best lexical ones. */
    private static final int SEMANTIC_CANDIDATES = 24;
    private static final int MIN_SENTENCE_WORDS = 6;
    private static final int MAX_SENTENCE_WORDS = 90;
    private static final double MMR_LAMBDA = 0.75;
    /** Characters a quotable sentence ends with. */
    private static final String SENTENCE_END = ".!?»\"”'";
    /** After the minimum count, a sentence scoring under this share of the best one ends the answer. */
    private static final double KEEP_RATIO = 0.85;

    private final HybridSearcher searcher;
    private final Embedder embedder;
    private final AnswerSettings settings;
    private final EvidenceAssessor assessor;

    public ExtractiveAnswerer(HybridSearcher searcher, Embedder embedder, AnswerSettings settings) {
        this(searcher, embedder, settings, AbstentionModel.standard());
    }

    /** With another abstention model (fitting, tests). */
    public ExtractiveAnswerer(HybridSearcher searcher, Embedder embedder, AnswerSettings settings, AbstentionModel model) {
        this.searcher = searcher;
        this.embedder = embedder;
        this.settings = settings;
        this.assessor = new EvidenceAssessor(searcher, model);
    }

    /** Judges whether the hits are evidence for a question written in {@code lang} (the calibrated model). */
    public Evidence evidence(String question, String lang, SearchResult result) {
        return assessor.assess(question, lang, result);
    }

    /** Composes the answer from search results; {@code lang} is the question's language. */
    public Composition compose(String question, String lang, SearchResult result) {
        return compose(question, lang, result, evidence(question, lang, result));
    }

    /** Composes the answer when the {@link #evidence} for these results is already known. */
    public Composition compose(String question, String lang, SearchResult result, Evidence evidence) {
        List<SearchHit> hits = result.hits().subList(0, Math.min(settings.passages(), result.hits().size()));
        if (!evidence.sufficient()) {
            return abstain(lang, hits, evidence);
        }
        List<Candidate> candidates = candidates(question, hits);
        if (candidates.isEmpty()) {
            return abstain(lang, hits, evidence);
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -(c.lexical + c.prior)));
        List<Candidate> pool = new ArrayList<>(candidates.subList(0, Math.min(SEMANTIC_CANDIDATES, candidates.size())));
        List<float[]> vectors = embedder.embedAll(pool.stream().map(c -> c.text).toList());
        float[] q = result.queryVector() != null ? result.queryVector() : embedder.embedQuery(question);
        for (int i = 0; i < pool.size(); i++) {
            Candidate c = pool.get(i);
            c.vector = vectors.get(i);
            c.score = 0.55 * Vectors.dot(q, c.vector) + 0.30 * c.lexical + 0.15 * c.prior;
        }
        List<Candidate> chosen = select(pool);
        chosen.sort(Comparator.comparingInt((Candidate c) -> c.hitIndex).thenComparingInt(c -> c.span.start()));

        Map<Integer, Integer> numberOfHit = new LinkedHashMap<>();
        Map<Integer, List<CitedPassage.Highlight>> highlights = new LinkedHashMap<>();
        List<AnswerSentence> sentences = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Candidate c : chosen) {
            int n = numberOfHit.computeIfAbsent(c.hitIndex, k -> numberOfHit.size() + 1);
            highlights.computeIfAbsent(c.hitIndex, k -> new ArrayList<>())
                    .add(new CitedPassage.Highlight(c.span.start(), c.span.end()));
            sentences.add(new AnswerSentence(c.text, List.of(n), Verdict.SUPPORTED,
                    "quoted verbatim from passage [" + n + "]", true));
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(c.text).append(" [").append(n).append(']');
        }
        List<CitedPassage> cited = new ArrayList<>();
        numberOfHit.forEach((hitIndex, n) -> cited.add(CitedPassage.of(n, hits.get(hitIndex).passage(), highlights.get(hitIndex))));
        return new Composition(false, text.toString(), sentences, cited, evidence);
    }

    /** The composed answer body, before the caller adds ids, versions and timings. */
    public record Composition(boolean abstained, String answer, List<AnswerSentence> sentences,
                              List<CitedPassage> passages, Evidence evidence) {
    }

    private Composition abstain(String lang, List<SearchHit> hits, Evidence evidence) {
        List<CitedPassage> closest = new ArrayList<>();
        for (int i = 0; i < Math.min(3, hits.size()); i++) {
            closest.add(CitedPassage.of(i + 1, hits.get(i).passage(), List.of()));
        }
        return new Composition(true, Messages.noEvidence(lang, evidence.missing()), List.of(), closest, evidence);
    }

    private List<Candidate> candidates(String question, List<SearchHit> hits) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            Passage p = hits.get(i).passage();
            String field = IndexSchema.textField(p.language());
            Set<String> q = searcher.terms(field, question);
            double prior = 1.0 / (1.0 + 0.25 * i);
            for (TextSpan span : SentenceSplitter.split(p.text())) {
                String s = p.text().substring(span.start(), span.end()).strip();
                if (!usable(s)) {
                    continue;
                }
                Set<String> t = searcher.terms(field, s);
                long found = q.stream().filter(t::contains).count();
                Candidate c = new Candidate(i, span, s, q.isEmpty() ? 0 : (double) found / q.size(), prior);
                out.add(c);
            }
        }
        return out;
    }

    /** A complete sentence worth quoting: not a heading, list stub, table row or fragment. */
    static boolean usable(String s) {
        int words = s.split("\\s+").length;
        if (words < MIN_SENTENCE_WORDS || words > MAX_SENTENCE_WORDS || SENTENCE_END.indexOf(s.charAt(s.length() - 1)) < 0) {
            return false;
        }
        long letters = s.chars().filter(Character::isLetter).count();
        return letters >= 0.6 * s.length();
    }

    private List<Candidate> select(List<Candidate> pool) {
        List<Candidate> chosen = new ArrayList<>();
        List<Candidate> left = new ArrayList<>(pool);
        double best = pool.stream().mapToDouble(c -> c.score).max().orElse(0);
        while (!left.isEmpty() && chosen.size() < settings.maxSentences()) {
            Candidate next = null;
            double nextMmr = Double.NEGATIVE_INFINITY;
            for (Candidate c : left) {
                double redundancy = 0;
                for (Candidate s : chosen) {
                    redundancy = Math.max(redundancy, Vectors.dot(c.vector, s.vector));
                }
                double mmr = MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * redundancy;
                if (mmr > nextMmr) {
                    nextMmr = mmr;
                    next = c;
                }
            }
            if (chosen.size() >= settings.minSentences() && next.score < KEEP_RATIO * best) {
                break;
            }
            chosen.add(next);
            left.remove(next);
        }
        return chosen;
    }

    private static final class Candidate {
        final int hitIndex;
        final TextSpan span;
        final String text;
        final double lexical;
        final double prior;
        float[] vector;
        double score;

        Candidate(int hitIndex, TextSpan span, String text, double lexical, double prior) {
            this.hitIndex = hitIndex;
            this.span = span;
            this.text = text;
            this.lexical = lexical;
            this.prior = prior;
        }
    }
}
