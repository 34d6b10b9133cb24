package fr.preuve.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** The filter queries over entry kinds and document ids, and the two ways of reading their hits' stored entries. */
final class IndexQueries {

    private IndexQueries() {
    }

    /** The entries of one kind: {@link IndexSchema#KIND_DOC} or {@link IndexSchema#KIND_PASSAGE}. */
    static Query kindQuery(String kind) {
        return new TermQuery(new Term(IndexSchema.KIND, kind));
    }

    /** The entries of one kind belonging to document {@code docId}. */
    static Query docQuery(String docId, String kind) {
        return and(new TermQuery(new Term(IndexSchema.DOC_ID, docId)), kindQuery(kind));
    }

    static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
    }

    /** The stored entry of the best hit of {@code q}, if any. */
    static Optional<Document> first(IndexSearcher s, Query q) {
        try {
            TopDocs top = s.search(q, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(s.storedFields().document(top.scoreDocs[0].doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls {@code fn} on the stored entry of every hit of {@code q}, in index order. */
    static void forEachDoc(IndexSearcher s, Query q, Consumer<Document> fn) {
        try {
            int n = Math.max(1, s.count(q));
            TopDocs top = s.search(q, n, Sort.INDEXORDER);
            StoredFields fields = s.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                fn.accept(fields.document(sd.doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
