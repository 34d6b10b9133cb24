package fr.preuve.core.search;

import fr.preuve.core.crosslingual.BridgedQuery;
import fr.preuve.core.crosslingual.Concept;
import fr.preuve.core.crosslingual.Origin;
import fr.preuve.core.index.IndexSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;

/**
 * The BM25 query of a bridged question (Pirkola's structured query): each concept is one clause, the disjunction of
 * its renderings, so a concept with five translations weighs as one term. Single-word renderings of a concept are one
 * {@link SynonymQuery} (their frequencies pooled); a multi-word rendering is a sloppy phrase plus its words.
 */
final class BridgedQueries {

    /** Slop of a multi-word rendering's phrase. */
    static final int PHRASE_SLOP = 2;
    /** Weight of a multi-word rendering's loose words against its phrase. */
    static final float LOOSE_WORDS = 0.3f;
    /** Share of the other renderings' scores a concept adds to its best one. */
    static final float TIE_BREAKER = 0.1f;

    private BridgedQueries() {
    }

    /** The structured query over {@code bridged.to()}'s text and title fields, or null when nothing was bridged. */
    static Query of(BridgedQuery bridged, HybridSearcher analysis) {
        String lang = bridged.to();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (Concept c : bridged.concepts()) {
            Query text = concept(c, IndexSchema.textField(lang), analysis);
            Query title = concept(c, IndexSchema.titleField(lang), analysis);
            if (text == null) {
                continue;
            }
            Query both = new DisjunctionMaxQuery(List.of(text, new BoostQuery(title, HybridSearcher.TITLE_BOOST)), 0.5f);
            all.add(new BoostQuery(both, (float) c.weight()), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : all.build();
    }

    private static Query concept(Concept c, String field, HybridSearcher analysis) {
        Set<String> single = new LinkedHashSet<>();
        List<Query> alternatives = new ArrayList<>();
        for (String alt : c.alternatives()) {
            List<String> terms = c.origin() == Origin.NGRAM ? List.of(alt) : List.copyOf(analysis.terms(field, alt));
            if (terms.size() == 1) {
                single.add(terms.get(0));
            } else if (terms.size() > 1) {
                PhraseQuery phrase = new PhraseQuery(PHRASE_SLOP, field, terms.toArray(String[]::new));
                BooleanQuery.Builder loose = new BooleanQuery.Builder();
                for (String t : terms) {
                    loose.add(new org.apache.lucene.search.TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
                }
                alternatives.add(new BooleanQuery.Builder().add(phrase, BooleanClause.Occur.SHOULD)
                        .add(new BoostQuery(loose.build(), LOOSE_WORDS), BooleanClause.Occur.SHOULD).build());
            }
        }
        if (!single.isEmpty()) {
            SynonymQuery.Builder syn = new SynonymQuery.Builder(field);
            single.forEach(t -> syn.addTerm(new Term(field, t)));
            alternatives.add(0, syn.build());
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
    }
}
