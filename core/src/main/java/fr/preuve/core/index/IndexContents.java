package fr.preuve.core.index;

import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import static fr.preuve.core.index.IndexQueries.and;
import static fr.preuve.core.index.IndexQueries.docQuery;
import static fr.preuve.core.index.IndexQueries.first;
import static fr.preuve.core.index.IndexQueries.forEachDoc;
import static fr.preuve.core.index.IndexQueries.kindQuery;

/** What one searcher of the index sees: its documents, passages, counts and vector dimension. */
final class IndexContents {

    private IndexContents() {
    }

    /** See {@link PassageIndex#vectorDimension}. */
    static OptionalInt vectorDimension(IndexSearcher s) {
        FieldInfo info = FieldInfos.getMergedFieldInfos(s.getIndexReader()).fieldInfo(IndexSchema.VECTOR);
        return info == null || info.getVectorDimension() == 0 ? OptionalInt.empty()
                : OptionalInt.of(info.getVectorDimension());
    }

    /** See {@link PassageIndex#documentHashes}. */
    static Map<String, String> documentHashes(IndexSearcher s) {
        Map<String, String> out = new HashMap<>();
        forEachDoc(s, kindQuery(IndexSchema.KIND_DOC), d -> out.put(d.get(IndexSchema.DOC_ID), d.get(IndexSchema.HASH)));
        return out;
    }

    /** See {@link PassageIndex#documentEntries}. */
    static List<DocumentEntry> documentEntries(IndexSearcher s) {
        List<DocumentEntry> out = new ArrayList<>();
        forEachDoc(s, kindQuery(IndexSchema.KIND_DOC), d -> out.add(new DocumentEntry(d.get(IndexSchema.DOC_ID),
                d.get(IndexSchema.HASH), d.getField(IndexSchema.PASSAGE_COUNT).numericValue().intValue(),
                EntryFields.provenance(d).origin())));
        out.sort(Comparator.comparing(DocumentEntry::id));
        return out;
    }

    /** See {@link PassageIndex#countsByOrigin}. */
    static Map<String, IndexCounts.SourceCount> countsByOrigin(IndexSearcher s) {
        Map<String, IndexCounts.SourceCount> out = new TreeMap<>();
        for (DocumentEntry e : documentEntries(s)) {
            out.merge(e.origin(), new IndexCounts.SourceCount(1, e.passages()),
                    (a, b) -> new IndexCounts.SourceCount(a.documents() + b.documents(), a.passages() + b.passages()));
        }
        return out;
    }

    /** See {@link PassageIndex#document}. */
    static Optional<StoredDocument> document(IndexSearcher s, String id) {
        return first(s, docQuery(id, IndexSchema.KIND_DOC)).map(EntryFields::toStoredDocument);
    }

    /** See {@link PassageIndex#passage}. */
    static Optional<Passage> passage(IndexSearcher s, String id) {
        return first(s, and(new TermQuery(new Term(IndexSchema.ID, id)), kindQuery(IndexSchema.KIND_PASSAGE)))
                .map(EntryFields::toPassage);
    }

    /** See {@link PassageIndex#passagesOf}. */
    static List<Passage> passagesOf(IndexSearcher s, String docId) {
        List<Passage> out = new ArrayList<>();
        forEachDoc(s, docQuery(docId, IndexSchema.KIND_PASSAGE), d -> out.add(EntryFields.toPassage(d)));
        out.sort(Comparator.comparingInt(Passage::ordinal));
        return out;
    }

    /** See {@link PassageIndex#counts}. */
    static IndexCounts counts(IndexSearcher s) {
        try {
            Map<String, IndexCounts.SourceCount> per = new LinkedHashMap<>();
            for (SourceKind k : SourceKind.values()) {
                Query src = new TermQuery(new Term(IndexSchema.SOURCE, k.key()));
                int docs = s.count(and(src, kindQuery(IndexSchema.KIND_DOC)));
                if (docs > 0) {
                    per.put(k.key(), new IndexCounts.SourceCount(docs, s.count(and(src, kindQuery(IndexSchema.KIND_PASSAGE)))));
                }
            }
            return new IndexCounts(s.count(kindQuery(IndexSchema.KIND_DOC)), s.count(kindQuery(IndexSchema.KIND_PASSAGE)), per);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
