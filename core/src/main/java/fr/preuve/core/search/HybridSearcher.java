package fr.preuve.core.search;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.crosslingual.BridgedQuery;
import fr.preuve.core.crosslingual.ConceptBridge;
import fr.preuve.core.crosslingual.QueryBridge;
import fr.preuve.core.crosslingual.Vocabulary;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.IndexSchema;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Language;
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
    private final IndexVocabulary vocabulary;
    private final QueryBridge bridge;
    private final ConceptCoverage coverage = new ConceptCoverage(this, true);
    /** BM25 results looked through for the question's best same-language passage before a search of its own. */
    private static final int FIRST_IN_LANGUAGE = 20;

    /** With the shipped French ↔ English concept bridge, checked against this index's vocabulary. */
    public HybridSearcher(PassageIndex index, Embedder embedder, SearchSettings settings) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.vocabulary = new IndexVocabulary(index, this);
        this.bridge = ConceptBridge.standard(vocabulary);
    }

    /** With another bridge ({@link QueryBridge#NONE}: monolingual retrieval only). */
    public HybridSearcher(PassageIndex index, Embedder embedder, SearchSettings settings, QueryBridge bridge) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.vocabulary = new IndexVocabulary(index, this);
        this.bridge = bridge;
    }

    /** What the index knows of a word, per language. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public SearchSettings settings() {
        return settings;
    }

    public SearchResult search(SearchQuery q) {
        if (q.retriever() != Retriever.BM25) {
            requireIndexModel();
        }
        long t0 = System.nanoTime();
        String lang = Language.detect(q.text());
        String other = "fr".equals(lang) ? "en" : "fr";
        BridgedQuery bridged = hasLanguage(other) ? bridge.bridge(q.text(), lang, other) : new BridgedQuery(lang, other, List.of());
        boolean vectors = q.retriever() != Retriever.BM25;
        float[] vector = vectors ? embedder.embedQuery(q.text()) : null;
        String rendering = q.translation() != null ? q.translation() + " " + bridged.rendering() : bridged.rendering();
        float[] crossVector = vectors && !rendering.isBlank() && crossVectorWeight(other) > 0
                ? embedder.embedQuery(rendering.strip()) : null;
        long t1 = System.nanoTime();
        Ranked ranked = index.withSearcher(s -> {
            try {
                // the rendering's BM25 query serves its BM25 ranking and, with its vector ranking, the scale
                boolean rendered = !bridged.isEmpty() || q.translation() != null;
                Query cross = rendered && (q.retriever() != Retriever.VECTOR || crossVector != null)
                        ? crossQuery(q, bridged) : null;
                return rank(s, q, lang, vector, bridged, cross, crossVector);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long t2 = System.nanoTime();
        return new SearchResult(ranked.hits(), vector, (t1 - t0) / 1e6, (t2 - t1) / 1e6, bridged, crossVector,
                ranked.crossScale());
    }

    /**
     * Up to {@code k} passages of the first {@code documents} documents of {@code result} that it did not return, best
     * matching {@code question} first (BM25 on its words and its rendering, inside those documents only).
     */
    public List<Passage> morePassages(String question, SearchResult result, int documents, int k) {
        return DocumentPassages.more(this, index, question, result, documents, k);
    }

    /** Fails when the index records vectors of another model than the query embedder's. */
    private void requireIndexModel() {
        CorpusState state = CorpusState.from(index.commitData());
        if (state.model() != null && !state.model().equals(embedder.modelId())) {
            throw new ModelMismatchException(state.name(), state.model(), embedder.modelId());
        }
    }

    /** How many rankings a hybrid search of this bridged question fuses (2 without a bridge, up to 4). */
    public int rankings(BridgedQuery bridged) {
        return 2 + (bridged.isEmpty() ? 0 : (crossBm25Weight(bridged.to()) > 0 ? 1 : 0)
                + (crossVectorWeight(bridged.to()) > 0 ? 1 : 0));
    }

    /** The fused score of a passage ranked first by every ranking of a hybrid search that gave {@code result}. */
    public double bestFusedScore(SearchResult result) {
        BridgedQuery bridged = result.bridged();
        double w = settings.bm25Weight() + settings.vectorWeight();
        if (!bridged.isEmpty()) {
            w += result.crossScale() * (settings.bm25Weight() * crossBm25Weight(bridged.to())
                    + settings.vectorWeight() * crossVectorWeight(bridged.to()));
        }
        return w / (settings.rrfK() + 1);
    }

    /** The weight of the BM25 ranking of a rendering in {@code to}, relative to the question's own. */
    static double crossBm25Weight(String to) {
        return "en".equals(to) ? Defaults.CROSS_LANGUAGE_BM25_WEIGHT : Defaults.CROSS_LANGUAGE_BM25_WEIGHT_TO_FRENCH;
    }

    /** The weight of the vector ranking of a rendering in {@code to}, relative to the question's own. */
    static double crossVectorWeight(String to) {
        return "en".equals(to) ? Defaults.CROSS_LANGUAGE_VECTOR_WEIGHT : Defaults.CROSS_LANGUAGE_VECTOR_WEIGHT_TO_FRENCH;
    }

    /** Whether the index holds passages in {@code lang} (a bridge to a language the corpus lacks would find nothing). */
    private boolean hasLanguage(String lang) {
        return index.withSearcher(s -> {
            try {
                return s.getIndexReader().getDocCount(IndexSchema.textField(lang)) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * How much the rankings of the rendering count, from 0 to 1: the side whose best BM25 passage covers more of the
     * question wins. {@code clamp(0.5 + slope × (r − c), 0, 1)}, where c is the IDF-weighted share of the question's
     * concepts (their own words, framing left out) found in its best passage of the question's language and r the
     * share of the concepts whose rendering the best passage of the other language holds. A French question on a HAS
     * opinion keeps its French passages first, one on a WHO guideline gets the English rankings at full weight.
     */
    private double crossScale(IndexSearcher s, SearchQuery q, String lang, BridgedQuery bridged, Query cross,
                              ScoreDoc[] own, ScoreDoc[] rendered) throws IOException {
        Query filter = FilterQueries.of(q.filters());
        Passage theirs = rendered == null ? best(s, cross, filter, bridged.to())
                : rendered.length == 0 ? null : PassageIndex.toPassage(s.storedFields().document(rendered[0].doc));
        if (theirs == null) {
            return 0;
        }
        Passage ours = own == null ? null : firstIn(s, own, lang);
        if (ours == null) {
            ours = best(s, bm25Query(q.text()), filter, lang);
        }
        if (ours == null) {
            return 1;
        }
        String field = IndexSchema.textField(lang);
        String target = IndexSchema.textField(bridged.to());
        double c = coverage.own(field, bridged.sources(), terms(field, searchable(ours)));
        double r = coverage.rendered(target, bridged.concepts(), terms(target, searchable(theirs)));
        return Math.max(0, Math.min(1, 0.5 + Defaults.CROSS_LANGUAGE_SCALE_SLOPE * (r - c)));
    }

    /** Title, section and text of a passage, as coverage reads it. */
    public static String searchable(Passage p) {
        return p.title() + "\n" + (p.section() == null ? "" : p.section()) + "\n" + p.text();
    }

    /** The first of {@code ranked} in {@code lang} among the first few, or null. */
    private static Passage firstIn(IndexSearcher s, ScoreDoc[] ranked, String lang) throws IOException {
        StoredFields stored = s.storedFields();
        for (int i = 0; i < Math.min(FIRST_IN_LANGUAGE, ranked.length); i++) {
            Passage p = PassageIndex.toPassage(stored.document(ranked[i].doc));
            if (lang.equals(p.language())) {
                return p;
            }
        }
        return null;
    }

    private static Passage best(IndexSearcher s, Query text, Query filter, String lang) throws IOException {
        if (text == null) {
            return null;
        }
        Query q = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexSchema.LANG, lang)), BooleanClause.Occur.FILTER).build();
        ScoreDoc[] top = s.search(q, 1).scoreDocs;
        return top.length == 0 ? null : PassageIndex.toPassage(s.storedFields().document(top[0].doc));
    }

    /** The BM25 query of the rendering: the bridge's structured query, joined by the model's rendering if any. */
    private Query crossQuery(SearchQuery q, BridgedQuery bridged) {
        Query cross = BridgedQueries.of(bridged, this);
        if (q.translation() == null) {
            return cross;
        }
        Query rendered = bm25Query(q.translation());
        return cross == null ? rendered : rendered == null ? cross : new BooleanQuery.Builder()
                .add(cross, BooleanClause.Occur.SHOULD).add(rendered, BooleanClause.Occur.SHOULD).build();
    }

    /** Ranked hits and how much the rendering's rankings counted. */
    private record Ranked(List<SearchHit> hits, double crossScale) {
    }

    private Ranked rank(IndexSearcher s, SearchQuery q, String lang, float[] vector, BridgedQuery bridged, Query cross,
                        float[] crossVector) throws IOException {
        Query filter = FilterQueries.of(q.filters());
        int candidates = Math.max(settings.candidates(), q.k() * 3);
        Map<Integer, Candidate> byDoc = new HashMap<>();
        Query target = new BooleanQuery.Builder().add(filter, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexSchema.LANG, bridged.to())), BooleanClause.Occur.FILTER).build();
        ScoreDoc[] own = null;
        ScoreDoc[] rendered = null;
        if (q.retriever() != Retriever.VECTOR) {
            own = leg(s, bm25Query(q.text()), filter, candidates, byDoc, Leg.BM25);
            rendered = leg(s, cross, target, candidates, byDoc, Leg.CROSS_BM25);
        }
        boolean crossRanked = (rendered != null && rendered.length > 0) || crossVector != null;
        double crossScale = cross == null || !crossRanked ? 0 : crossScale(s, q, lang, bridged, cross, own, rendered);
        if (vector != null) {
            knn(s, vector, filter, candidates, byDoc, Leg.VECTOR);
        }
        if (crossVector != null) {
            knn(s, crossVector, target, candidates, byDoc, Leg.CROSS_VECTOR);
        }
        double[] weights = new double[Leg.values().length];
        weights[Leg.BM25.ordinal()] = settings.bm25Weight();
        weights[Leg.VECTOR.ordinal()] = settings.vectorWeight();
        weights[Leg.CROSS_BM25.ordinal()] = settings.bm25Weight() * crossBm25Weight(bridged.to()) * crossScale;
        weights[Leg.CROSS_VECTOR.ordinal()] = settings.vectorWeight() * crossVectorWeight(bridged.to()) * crossScale;
        boolean crossFound = byDoc.values().stream().anyMatch(c -> c.rank[Leg.CROSS_BM25.ordinal()] != null
                || c.rank[Leg.CROSS_VECTOR.ordinal()] != null);
        for (Candidate c : byDoc.values()) {
            c.fused = switch (q.retriever()) {
                case BM25 -> crossFound ? c.rrf(weights, settings.rrfK()) : c.score(Leg.BM25);
                case VECTOR -> crossFound ? c.rrf(weights, settings.rrfK()) : c.score(Leg.VECTOR);
                case HYBRID -> c.rrf(weights, settings.rrfK());
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
            out.add(new SearchHit(p, out.size() + 1, c.fused, c.score[Leg.BM25.ordinal()], c.rank[Leg.BM25.ordinal()],
                    c.score[Leg.VECTOR.ordinal()], c.rank[Leg.VECTOR.ordinal()],
                    c.score[Leg.CROSS_BM25.ordinal()], c.rank[Leg.CROSS_BM25.ordinal()],
                    c.score[Leg.CROSS_VECTOR.ordinal()], c.rank[Leg.CROSS_VECTOR.ordinal()]));
        }
        return new Ranked(out, crossScale);
    }

    /** Runs one BM25 ranking into {@code byDoc}; its results, or an empty array without a query. */
    private static ScoreDoc[] leg(IndexSearcher s, Query text, Query filter, int candidates, Map<Integer, Candidate> byDoc,
                                  Leg leg) throws IOException {
        if (text == null) {
            return new ScoreDoc[0];
        }
        Query q = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER).build();
        ScoreDoc[] docs = s.search(q, candidates).scoreDocs;
        for (int i = 0; i < docs.length; i++) {
            byDoc.computeIfAbsent(docs[i].doc, Candidate::new).set(leg, docs[i].score, i + 1);
        }
        return docs;
    }

    private static void knn(IndexSearcher s, float[] vector, Query filter, int candidates, Map<Integer, Candidate> byDoc,
                            Leg leg) throws IOException {
        ScoreDoc[] docs = s.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, candidates, filter), candidates).scoreDocs;
        for (int i = 0; i < docs.length; i++) {
            // Lucene's DOT_PRODUCT score is (1 + cos) / 2
            byDoc.computeIfAbsent(docs[i].doc, Candidate::new).set(leg, 2.0 * docs[i].score - 1.0, i + 1);
        }
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
        return idf(field, term, false);
    }

    /** {@link #idf}, or 0 for a term no passage holds. */
    public double idfIfIndexed(String field, String term) {
        return idf(field, term, true);
    }

    private double idf(String field, String term, boolean zeroIfAbsent) {
        return index.withSearcher(s -> {
            try {
                long n = s.getIndexReader().numDocs();
                long df = s.getIndexReader().docFreq(new Term(field, term));
                return df == 0 && zeroIfAbsent ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
