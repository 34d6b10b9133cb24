package fr.preuve.core.answer;

import fr.preuve.core.crosslingual.BridgedQuery;
import fr.preuve.core.crosslingual.Concept;
import fr.preuve.core.crosslingual.EntityShape;
import fr.preuve.core.crosslingual.FrenchLemmatizer;
import fr.preuve.core.crosslingual.Origin;
import fr.preuve.core.crosslingual.Vocabulary;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.index.IndexSchema;
import fr.preuve.core.search.ConceptCoverage;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.SearchHit;
import fr.preuve.core.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges whether retrieved passages are evidence for a question: computes its {@link EvidenceFeatures} and applies the
 * calibrated {@link AbstentionModel}. Also names what the corpus lacks when a key concept of the question occurs in
 * none of its passages ("le corpus ne contient rien sur l'apixaban").
 */
public final class EvidenceAssessor {

    /** Top passages whose words are compared with the question's. */
    static final int TOP_PASSAGES = 3;
    /** Rank under which a ranking counts as agreeing on the top passage. */
    static final int AGREEMENT_RANK = 5;

    private final HybridSearcher searcher;
    private final AbstentionModel model;
    private final ConceptCoverage conceptCoverage;

    public EvidenceAssessor(HybridSearcher searcher, AbstentionModel model) {
        this.searcher = searcher;
        this.model = model;
        this.conceptCoverage = new ConceptCoverage(searcher, false);
    }

    /**
     * How strongly the passages match the question.
     *
     * @param features    what the model looked at
     * @param probability the model's probability that the passages answer the question
     * @param sufficient  whether to answer (probability at or above the model's threshold)
     * @param missing     a concept of the question the corpus holds nothing on, if any
     */
    public record Evidence(EvidenceFeatures features, double probability, boolean sufficient, Optional<String> missing) {
    }

    /**
     * What the best quotable units of the passages read hold of the question (see {@link EvidenceFeatures}).
     *
     * @param coverage      among units holding a key concept, the best share of the question's concepts
     * @param typedCoverage the same among those that may state the kind of fact asked
     */
    public record Units(double coverage, double typedCoverage) {
        /** No unit holds anything of the question. */
        public static final Units NONE = new Units(0, 0);
    }

    /** The evidence for a question written in {@code lang}, given what its best units hold. */
    public Evidence assess(String question, String lang, SearchResult result, Units units) {
        List<SearchHit> hits = result.hits();
        Optional<String> missing = missing(question, lang, result.bridged());
        if (hits.isEmpty()) {
            return new Evidence(new EvidenceFeatures(-1, -1, 0, 0, 0, 0, 1, unknownShare(result.bridged()), 0, 0, 0), 0,
                    false, missing);
        }
        EvidenceFeatures f = features(question, lang, result, missing.isPresent(), units);
        double p = model.probability(f);
        return new Evidence(f, p, model.answers(f), missing);
    }

    EvidenceFeatures features(String question, String lang, SearchResult result, boolean missing, Units units) {
        List<SearchHit> hits = result.hits();
        double best = -1;
        double bestCross = -1;
        for (SearchHit h : hits) {
            if (h.vector() != null) {
                best = Math.max(best, h.vector());
            }
            if (h.crossVector() != null) {
                bestCross = Math.max(bestCross, h.crossVector());
            }
        }
        if (best < 0) {
            best = bestCross;
        }
        if (bestCross < 0) {
            bestCross = best;
        }
        BridgedQuery bridged = result.bridged();
        List<Concept> concepts = bridged.concepts();
        double coverage = 0;
        List<Set<String>> topTerms = new ArrayList<>();
        for (SearchHit h : hits.subList(0, Math.min(TOP_PASSAGES, hits.size()))) {
            Passage p = h.passage();
            String field = IndexSchema.textField(p.language());
            Set<String> terms = searcher.terms(field, HybridSearcher.searchable(p));
            topTerms.add(terms);
            coverage = Math.max(coverage, lang.equals(p.language()) ? sameLanguage(question, field, terms)
                    : conceptCoverage.rendered(field, concepts, terms));
        }
        List<Concept> key = concepts.stream().filter(Concept::key).toList();
        double keyCoverage = 1;
        if (!key.isEmpty()) {
            int found = 0;
            for (Concept c : key) {
                found += inTop(c, lang, hits, topTerms) ? 1 : 0;
            }
            keyCoverage = (double) found / key.size();
        }
        SearchHit top = hits.get(0);
        int agreeing = 0;
        for (Integer r : new Integer[]{top.bm25Rank(), top.vectorRank(), top.crossBm25Rank(), top.crossVectorRank()}) {
            agreeing += r != null && r <= AGREEMENT_RANK ? 1 : 0;
        }
        int legs = searcher.rankings(bridged);
        double topFused = Math.min(1, top.score() / searcher.bestFusedScore(result));
        Concept rarest = null;
        double rarestIdf = -1;
        for (Concept c : concepts) {
            String field = IndexSchema.textField(bridged.to());
            double idf = 0;
            for (String a : c.alternatives()) {
                for (String t : conceptCoverage.terms(c, a, field)) {
                    idf = Math.max(idf, searcher.idf(field, t));
                }
            }
            if (idf > rarestIdf) {
                rarestIdf = idf;
                rarest = c;
            }
        }
        double rarestFound = rarest == null ? 1 : inTop(rarest, lang, hits, topTerms) ? 1 : 0;
        return new EvidenceFeatures(best, bestCross, coverage, keyCoverage, rarestFound, (double) agreeing / legs,
                missing ? 1 : 0, unknownShare(bridged), topFused, units.coverage(), units.typedCoverage());
    }

    /** Whether one of the top passages holds the concept: its own words in its language, else a rendering. */
    private boolean inTop(Concept c, String lang, List<SearchHit> hits, List<Set<String>> topTerms) {
        for (int i = 0; i < topTerms.size(); i++) {
            Passage p = hits.get(i).passage();
            String field = IndexSchema.textField(p.language());
            Set<String> passage = topTerms.get(i);
            if (lang.equals(p.language())) {
                Set<String> own = searcher.terms(field, c.source());
                if (!own.isEmpty() && passage.containsAll(own)) {
                    return true;
                }
            } else if (conceptCoverage.rendered(field, List.of(c), passage) > 0) {
                return true;
            }
        }
        return false;
    }

    /** IDF-weighted share of the question's analysed terms a passage of the question's language holds. */
    private double sameLanguage(String question, String field, Set<String> passage) {
        return conceptCoverage.analysed(field, searcher.terms(field, question), passage);
    }

    /**
     * A drug, disease or other key concept of the question that no passage of either language contains (neither its
     * own words nor any rendering), or a word that nothing translates, that no passage contains, that the French
     * dictionary does not know and that is shaped like a drug or brand name ({@link EntityShape}: "edoxaban",
     * "Paxlovid").
     */
    Optional<String> missing(String question, String lang, BridgedQuery bridged) {
        Vocabulary vocabulary = searcher.vocabulary();
        for (Concept c : bridged.concepts()) {
            boolean named = c.origin() == Origin.DRUG_LEXICON || c.origin() == Origin.TERM_TABLE;
            if (named && c.key() && vocabulary.docFreq(lang, c.source()) == 0
                    && c.alternatives().stream().allMatch(a -> vocabulary.docFreq(bridged.to(), a) == 0
                    && vocabulary.docFreq(lang, a) == 0)) {
                return Optional.of(c.source());
            }
        }
        return bridged.unknown().stream()
                .filter(w -> !"fr".equals(lang) || !FrenchLemmatizer.standard().known(w))
                .filter(w -> EntityShape.drugOrBrand(w, startsSentence(question, w)))
                .findFirst();
    }

    /** Whether {@code word} first occurs at the start of {@code question} or of one of its sentences. */
    static boolean startsSentence(String question, String word) {
        int at = question.indexOf(word);
        String before = at < 0 ? "" : question.substring(0, at).strip();
        return before.isEmpty() || ".?!:;".indexOf(before.charAt(before.length() - 1)) >= 0;
    }

    /** Share of the question's rendered concepts and unknown words that are unknown. */
    static double unknownShare(BridgedQuery bridged) {
        int all = bridged.concepts().size() + bridged.unknown().size();
        return all == 0 ? 0 : (double) bridged.unknown().size() / all;
    }
}
