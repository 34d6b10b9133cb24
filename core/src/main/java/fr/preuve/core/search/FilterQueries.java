package fr.preuve.core.search;

import fr.preuve.core.doc.PublicationType;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.core.index.IndexSchema;
import fr.preuve.core.index.PassageIndex;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Search filters (source, language, publication type, years) as a Lucene query that only filters. */
final class FilterQueries {
    private FilterQueries() {
    }

    /** The passage-kind filter and the request's filters, as one Lucene filter clause. */
        static Query of(Filters f) {
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
            for (PublicationType t : f.types()) {
                any.add(new TermQuery(new Term(IndexSchema.TYPE, t.key())), BooleanClause.Occur.SHOULD);
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
}
