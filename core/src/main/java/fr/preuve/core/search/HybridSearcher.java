package fr.preuve.core.search;

import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.IndexSchema;
import fr.preuve.core.index.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Hybrid retrieval: BM25 over the English and French analysed fields, HNSW vector search, both under the same filters,
 * fused by weighted reciprocal rank ({@code w / (rrfK + rank)}), with at most N passages per document.
 *
 * <p>Vector and hybrid searches are refused ({@link ModelMismatchException}) when the query embedder is not the model
 * recorded with the index's last commit: after the corpus's model changed, until a run has embedded it again, or after
 * a rollback to a version made with another model.
 */
public final class HybridSearcher {

    /** Title matches weigh less than body matches. */
    static final float TITLE_BOOST = 0.6f;
    /** Bounds the number of clauses a long question produces. */
    private static final int MAX_TERMS_PER_FIELD = 128;

    private final PassageIndex index;
    private final Embedder embedder;
    private final SearchSettings settings;
    private final Analyzer analyzer = IndexSchema.analyzer();

    public HybridSearcher(PassageIndex index, Embedder embedder, SearchSettings settings) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
    }

    public SearchSettings settings() {
        return settings;
    }

    public SearchResult search(SearchQuery q) {
        if (q.retriever() != Retriever.BM25) {
            requireIndexModel();
        }
        long t0 = System.nanoTime();
        float[] vector = q.retriever() == Retriever.BM25 ? null : embedder.embedQuery(q.text());
        long t1 = System.nanoTime();
        List<SearchHit> hits = index.withSearcher(s -> {
            try {
                return rank(s, q, vector);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long t2 = System.nanoTime();
        return new SearchResult(hits, vector, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }

    /** Fails when the index records vectors of another model than the query embedder's. */
    private void requireIndexModel() {
        CorpusState state = CorpusState.from(index.commitData());
        if (state.model() != null && !state.model().equals(embedder.modelId())) {
            throw new ModelMismatchException(state.name(), state.model(), embedder.modelId());
        }
    }

    private List<SearchHit> rank(IndexSearcher s, SearchQuery q, float[] vector) throws IOException {
        Query filter = filterQuery(q.filters());
        int candidates = Math.max(settings.candidates(), q.k() * 3);
        Map<Integer, Candidate> byDoc = new HashMap<>();
        if (q.retriever() != Retriever.VECTOR) {
            Query text = bm25Query(q.text());
            if (text != null) {
                Query bm25 = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST)
                        .add(filter, BooleanClause.Occur.FILTER).build();
                ScoreDoc[] docs = s.search(bm25, candidates).scoreDocs;
                for (int i = 0; i < docs.length; i++) {
                    Candidate c = byDoc.computeIfAbsent(docs[i].doc, Candidate::new);
                    c.bm25 = (double) docs[i].score;
                    c.bm25Rank = i + 1;
                }
            }
        }
        if (vector != null) {
            TopDocs top = s.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, candidates, filter), candidates);
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = 0; i < docs.length; i++) {
                Candidate c = byDoc.computeIfAbsent(docs[i].doc, Candidate::new);
                c.vector = 2.0 * docs[i].score - 1.0; // Lucene's DOT_PRODUCT score is (1 + cos) / 2
                c.vectorRank = i + 1;
            }
        }
        double wb = q.retriever() == Retriever.VECTOR ? 0 : settings.bm25Weight();
        double wv = q.retriever() == Retriever.BM25 ? 0 : settings.vectorWeight();
        for (Candidate c : byDoc.values()) {
            c.fused = switch (q.retriever()) {
                case BM25 -> c.bm25 == null ? 0 : c.bm25;
                case VECTOR -> c.vector == null ? 0 : c.vector;
                case HYBRID -> (c.bm25Rank == null ? 0 : wb / (settings.rrfK() + c.bm25Rank))
                        + (c.vectorRank == null ? 0 : wv / (settings.rrfK() + c.vectorRank));
            };
        }
        List<Candidate> ordered = new ArrayList<>(byDoc.values());
        ordered.sort(Comparator.comparingDouble((Candidate c) -> -c.fused).thenComparingInt(c -> c.luceneDoc));
        int perDocCap = q.maxPerDocument() != null ? q.maxPerDocument() : settings.maxPerDocument();
        StoredFields stored = s.storedFields();
        Map<String, Integer> perDoc = new HashMap<>();
        List<SearchHit> out = new ArrayList<>(q.k());
        for (Candidate c : ordered) {
            if (out.size() == q.k()) {
                break;
            }
            Passage p = PassageIndex.toPassage(stored.document(c.luceneDoc));
            int seen = perDoc.merge(p.docId().toString(), 1, Integer::sum);
            if (seen > perDocCap) {
                continue;
            }
            out.add(new SearchHit(p, out.size() + 1, c.fused, c.bm25, c.bm25Rank, c.vector, c.vectorRank));
        }
        return out;
    }

    /** The BM25 query: analysed terms of the question on every language's text and title fields; null if no term. */
    Query bm25Query(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String lang : IndexSchema.LANGUAGES) {
            Set<String> terms = terms(IndexSchema.textField(lang), text);
            for (String t : terms) {
                b.add(new TermQuery(new Term(IndexSchema.textField(lang), t)), BooleanClause.Occur.SHOULD);
                b.add(new BoostQuery(new TermQuery(new Term(IndexSchema.titleField(lang), t)), TITLE_BOOST),
                        BooleanClause.Occur.SHOULD);
                clauses += 2;
            }
        }
        return clauses == 0 ? null : b.build();
    }

    /** The distinct analysed terms of {@code text} for {@code field}, in order of appearance. */
    public Set<String> terms(String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_TERMS_PER_FIELD) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** BM25's inverse document frequency of {@code term} in {@code field}: rare terms weigh more. */
    public double idf(String field, String term) {
        return index.withSearcher(s -> {
            try {
                long n = s.getIndexReader().numDocs();
                long df = s.getIndexReader().docFreq(new Term(field, term));
                return Math.log(1 + (n - df + 0.5) / (df + 0.5));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static Query filterQuery(Filters f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(PassageIndex.kindQuery(IndexSchema.KIND_PASSAGE), BooleanClause.Occur.FILTER);
        if (!f.sources().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (SourceKind k : f.sources()) {
                any.add(new TermQuery(new Term(IndexSchema.SOURCE, k.key())), BooleanClause.Occur.SHOULD);
            }
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (!f.languages().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String l : f.languages()) {
                any.add(new TermQuery(new Term(IndexSchema.LANG, l)), BooleanClause.Occur.SHOULD);
            }
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (!f.types().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String t : f.types()) {
                any.add(new TermQuery(new Term(IndexSchema.TYPE, t)), BooleanClause.Occur.SHOULD);
            }
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (f.fromYear() != null || f.toYear() != null) {
            int from = f.fromYear() == null ? Integer.MIN_VALUE : f.fromYear();
            int to = f.toYear() == null ? Integer.MAX_VALUE : f.toYear();
            b.add(IntPoint.newRangeQuery(IndexSchema.YEAR, from, to), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static final class Candidate {
        final int luceneDoc;
        Double bm25;
        Integer bm25Rank;
        Double vector;
        Integer vectorRank;
        double fused;

        Candidate(int luceneDoc) {
            this.luceneDoc = luceneDoc;
        }
    }
}
