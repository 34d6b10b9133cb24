package fr.preuve.core.search;

import fr.preuve.core.doc.Passage;
import fr.preuve.core.index.IndexSchema;
import fr.preuve.core.index.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;

/**
 * More passages of the documents a search ranked first, found by the question's words and concepts (BM25, both
 * languages) inside those documents only. A guideline of 400 pages holds the answer on one page, and the search keeps
 * at most a few passages per document: the answerer reads further into the documents it trusts.
 */
final class DocumentPassages {

    private DocumentPassages() {
    }

    static List<Passage> more(HybridSearcher searcher, PassageIndex index, String question, SearchResult result,
                              int documents, int k) {
        Set<String> docs = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (SearchHit h : result.hits()) {
            seen.add(h.passage().id());
            if (docs.size() < documents) {
                docs.add(h.passage().docId().toString());
            }
        }
        if (docs.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        Query own = searcher.bm25Query(question);
        Query cross = result.bridged().isEmpty() ? null : BridgedQueries.of(result.bridged(), searcher);
        if (own == null && cross == null) {
            return List.of();
        }
        if (own != null) {
            text.add(own, BooleanClause.Occur.SHOULD);
        }
        if (cross != null) {
            text.add(cross, BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder within = new BooleanQuery.Builder();
        docs.forEach(d -> within.add(new TermQuery(new Term(IndexSchema.DOC_ID, d)), BooleanClause.Occur.SHOULD));
        Query q = new BooleanQuery.Builder().add(text.build(), BooleanClause.Occur.MUST)
                .add(within.build(), BooleanClause.Occur.FILTER)
                .add(PassageIndex.kindQuery(IndexSchema.KIND_PASSAGE), BooleanClause.Occur.FILTER).build();
        return index.withSearcher(s -> {
            try {
                ScoreDoc[] top = s.search(q, k + seen.size()).scoreDocs;
                StoredFields stored = s.storedFields();
                List<Passage> out = new ArrayList<>();
                for (ScoreDoc d : top) {
                    Passage p = PassageIndex.toPassage(stored.document(d.doc));
                    if (!seen.contains(p.id()) && out.size() < k) {
                        out.add(p);
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
