package fr.preuve.core.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.SourceDocument;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * How a document and its passages map to the Lucene entries of {@link IndexSchema}, and how stored entries read back
 * into a {@link Passage}, a {@link StoredDocument} and a {@link Provenance}.
 */
final class EntryFields {

    private static final ObjectMapper JSON = Yaml.json();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private EntryFields() {
    }

    /** The entry of one passage: stored fields, per-language analysed text and title, and its vector. */
    static Iterable<IndexableField> passageEntry(Passage p, float[] vector, IndexableField type) {
        Document d = head(type, IndexSchema.KIND_PASSAGE, p.id(), p.docId(), p.language(), p.year(), p.date(), p.title());
        d.add(new TextField(IndexSchema.titleField(p.language()), p.title(), Field.Store.NO));
        storeIfPresent(d, IndexSchema.SECTION, p.section());
        if (p.page() != null) {
            d.add(new StoredField(IndexSchema.PAGE, p.page()));
        }
        storeIfPresent(d, IndexSchema.URL, p.url());
        d.add(new StoredField(IndexSchema.ORDINAL, p.ordinal()));
        d.add(new StoredField(IndexSchema.START, p.start()));
        d.add(new StoredField(IndexSchema.END, p.end()));
        d.add(new StoredField(IndexSchema.TEXT, p.text()));
        String searchable = p.section() == null ? p.text() : p.section() + "\n" + p.text();
        d.add(new TextField(IndexSchema.textField(p.language()), searchable, Field.Store.NO));
        d.add(new KnnFloatVectorField(IndexSchema.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    /** The "doc" entry of a document: stored fields, passage count, provenance and metadata as JSON. */
    static Iterable<IndexableField> docEntry(SourceDocument doc, int passageCount, Provenance provenance, IndexableField type) {
        Document d = head(type, IndexSchema.KIND_DOC, doc.id().toString(), doc.id(), doc.language(), doc.year(),
                doc.date(), doc.title());
        storeIfPresent(d, IndexSchema.URL, doc.url());
        d.add(new StoredField(IndexSchema.HASH, doc.contentHash()));
        d.add(new StoredField(IndexSchema.PASSAGE_COUNT, passageCount));
        d.add(new StoredField(IndexSchema.TEXT, doc.text()));
        d.add(new StringField(IndexSchema.ORIGIN, provenance.origin(), Field.Store.YES));
        storeIfPresent(d, IndexSchema.LICENCE, provenance.licence());
        storeIfPresent(d, IndexSchema.PARSER, provenance.parser());
        storeIfPresent(d, IndexSchema.INDEXED_AT, provenance.indexedAt());
        try {
            d.add(new StoredField(IndexSchema.METADATA, JSON.writeValueAsString(doc.metadata())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return d;
    }

    /** The fields both kinds of entry start with, in this order: type, kind, ids, source, language, year, date, title. */
    private static Document head(IndexableField type, String kind, String id, DocumentId docId, String language,
                                 Integer year, String date, String title) {
        Document d = new Document();
        d.add(type);
        d.add(new StringField(IndexSchema.KIND, kind, Field.Store.NO));
        d.add(new StringField(IndexSchema.ID, id, Field.Store.YES));
        d.add(new StringField(IndexSchema.DOC_ID, docId.toString(), Field.Store.YES));
        d.add(new StringField(IndexSchema.SOURCE, docId.source().key(), Field.Store.YES));
        d.add(new StringField(IndexSchema.LANG, language, Field.Store.YES));
        addYear(d, year);
        storeIfPresent(d, IndexSchema.DATE, date);
        d.add(new StoredField(IndexSchema.TITLE, title));
        return d;
    }

    private static void addYear(Document d, Integer year) {
        if (year != null) {
            d.add(new IntPoint(IndexSchema.YEAR, year));
            d.add(new NumericDocValuesField(IndexSchema.YEAR, year));
            d.add(new StoredField(IndexSchema.YEAR, year));
        }
    }

    private static void storeIfPresent(Document d, String field, String value) {
        if (value != null) {
            d.add(new StoredField(field, value));
        }
    }

    /** Reads a stored passage entry back into a {@link Passage}. */
    static Passage toPassage(Document d) {
        IndexableField page = d.getField(IndexSchema.PAGE);
        return new Passage(d.get(IndexSchema.ID), DocumentId.parse(d.get(IndexSchema.DOC_ID)),
                d.getField(IndexSchema.ORDINAL).numericValue().intValue(), d.get(IndexSchema.TITLE),
                d.get(IndexSchema.SECTION), page == null ? null : page.numericValue().intValue(),
                d.get(IndexSchema.LANG), d.get(IndexSchema.DATE), d.get(IndexSchema.URL),
                d.getField(IndexSchema.START).numericValue().intValue(),
                d.getField(IndexSchema.END).numericValue().intValue(), d.get(IndexSchema.TEXT));
    }

    static StoredDocument toStoredDocument(Document d) {
        Map<String, String> metadata;
        try {
            String json = d.get(IndexSchema.METADATA);
            metadata = json == null ? Map.of() : JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt metadata for " + d.get(IndexSchema.DOC_ID), e);
        }
        return new StoredDocument(d.get(IndexSchema.DOC_ID), d.get(IndexSchema.SOURCE), d.get(IndexSchema.TITLE),
                d.get(IndexSchema.LANG), d.get(IndexSchema.DATE), d.get(IndexSchema.URL), metadata,
                d.get(IndexSchema.HASH), d.getField(IndexSchema.PASSAGE_COUNT).numericValue().intValue(),
                d.get(IndexSchema.TEXT), provenance(d));
    }

    static Provenance provenance(Document d) {
        String origin = d.get(IndexSchema.ORIGIN);
        return origin == null ? Provenance.unknown() : new Provenance(origin, d.get(IndexSchema.LICENCE),
                d.get(IndexSchema.PARSER), d.get(IndexSchema.INDEXED_AT));
    }
}
