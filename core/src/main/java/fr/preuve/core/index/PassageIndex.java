package fr.preuve.core.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.PublicationType;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * A Preuve index on disk: one Lucene index where each document is a block of one "doc" entry and its "passage"
 * entries (text analysed per language for BM25, an HNSW vector for semantic search). A document is always replaced as
 * a whole, atomically, so a reader never sees half a document.
 *
 * <p>Opened for writing, it holds Lucene's write lock and serves near-real-time searchers that see documents as soon
 * as they are added; opened read-only, it sees the last commit and takes no lock.
 *
 * <p>The commit of each of the last {@link Defaults#KEEP_VERSIONS} complete corpus versions stays on disk, so that
 * {@link #rollback} can make one of them the head again.
 */
public final class PassageIndex implements Closeable {

    private static final ObjectMapper JSON = Yaml.json();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer; // null when read-only
    private final SearcherManager searchers;

    private PassageIndex(Path dir, Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    /** Opens (or creates) the index at {@code dir} for writing. */
    public static PassageIndex openForWriting(Path dir) {
        Directory directory = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            IndexWriter writer = new IndexWriter(directory, writerConfig());
            return new PassageIndex(dir, directory, writer, new SearcherManager(writer, null));
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IndexLockedException(dir, e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open the index at " + dir + ": " + e.getMessage(), e);
        }
    }

    private static IndexWriterConfig writerConfig() {
        return new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                .setIndexDeletionPolicy(new KeepVersionsPolicy(Defaults.KEEP_VERSIONS))
                .setRAMBufferSizeMB(64);
    }

    /** Whether an index has been committed at {@code dir}. */
    public static boolean exists(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The corpus versions of complete runs whose commits are still on disk at {@code dir}, oldest first: the versions
     * {@link #rollback} can restore.
     */
    public static List<CorpusState> keptVersions(Path dir) {
        if (!exists(dir)) {
            return List.of();
        }
        try (Directory directory = FSDirectory.open(dir)) {
            List<CorpusState> out = new ArrayList<>();
            for (IndexCommit c : DirectoryReader.listCommits(directory)) {
                CorpusState s = CorpusState.from(c.getUserData());
                if (s.complete() && s.version() != null) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the commits of " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the newest kept commit of corpus {@code version} the head of the index at {@code dir} again: documents,
     * passages and commit data become exactly what they were. Later versions stay kept, so this can be undone.
     *
     * @return the state recorded with the restored commit
     * @throws IllegalArgumentException when no complete commit of that version is kept
     * @throws IndexLockedException     when another process is writing the index
     */
    public static CorpusState rollback(Path dir, String version) {
        if (!exists(dir)) {
            throw new IllegalStateException("no index at " + dir + " yet: run `preuve index` first");
        }
        try (Directory directory = FSDirectory.open(dir)) {
            IndexCommit target = null;
            for (IndexCommit c : DirectoryReader.listCommits(directory)) {
                CorpusState s = CorpusState.from(c.getUserData());
                if (s.complete() && version.equals(s.version())) {
                    target = c;
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("version '" + version + "' is not kept in " + dir + "; kept: "
                        + keptVersions(dir).stream().map(CorpusState::version).distinct().toList());
            }
            try (IndexWriter w = new IndexWriter(directory, writerConfig().setIndexCommit(target))) {
                w.setLiveCommitData(new TreeMap<>(target.getUserData()).entrySet());
                w.commit();
            }
            return CorpusState.from(target.getUserData());
        } catch (LockObtainFailedException e) {
            throw new IndexLockedException(dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll back the index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens the last commit of the index at {@code dir} for searching only; fails if there is no index yet. */
    public static PassageIndex openReadOnly(Path dir) {
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new IllegalStateException("no index at " + dir + " yet: run `preuve index` or `preuve demo` first");
            }
            return new PassageIndex(dir, directory, null, new SearcherManager(directory, null));
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open the index at " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Adds or replaces a document with its passages, their vectors and its provenance, atomically.
     *
     * @throws IllegalArgumentException when passages and vectors do not match
     */
    public void put(SourceDocument doc, List<Passage> passages, List<float[]> vectors, Provenance provenance) {
        requireWritable();
        if (passages.size() != vectors.size()) {
            throw new IllegalArgumentException(doc.id() + ": " + passages.size() + " passages but " + vectors.size() + " vectors");
        }
        List<Iterable<IndexableField>> block = new ArrayList<>(passages.size() + 1);
        StringField type = new StringField(IndexSchema.TYPE, PublicationType.of(doc), Field.Store.YES);
        for (int i = 0; i < passages.size(); i++) {
            block.add(passageEntry(passages.get(i), vectors.get(i), type));
        }
        block.add(docEntry(doc, passages.size(), provenance, type));
        try {
            writer.updateDocuments(new Term(IndexSchema.DOC_ID, doc.id().toString()), block);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + doc.id() + " to " + dir, e);
        }
    }

    /** Removes a document and its passages. */
    public void delete(DocumentId id) {
        requireWritable();
        try {
            writer.deleteDocuments(new Term(IndexSchema.DOC_ID, id.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + id + " from " + dir, e);
        }
    }

    /**
     * Removes every document and forgets the fields' schema, so that vectors of another dimension can be written; takes
     * effect for readers at the next commit. Earlier commits stay kept for {@link #rollback}.
     */
    public void deleteAll() {
        requireWritable();
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the index at " + dir, e);
        }
    }

    /** Makes everything written so far durable, recording {@code data} with the commit. */
    public void commit(Map<String, String> data) {
        requireWritable();
        try {
            writer.setLiveCommitData(new TreeMap<>(data).entrySet());
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the index at " + dir, e);
        }
    }

    /** The data recorded with the last commit (empty for a new index). */
    public Map<String, String> commitData() {
        if (writer != null) {
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            return data;
        }
        return withSearcher(s -> {
            try {
                return ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Makes recent writes visible to searchers (near real time). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the index at " + dir, e);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Runs {@code fn} on a current searcher, released afterwards. */
    public <T> T withSearcher(Function<IndexSearcher, T> fn) {
        IndexSearcher s;
        try {
            s = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return fn.apply(s);
        } finally {
            try {
                searchers.release(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The dimension of the passage vectors in the index, or empty when it holds none. */
    public OptionalInt vectorDimension() {
        return withSearcher(s -> {
            FieldInfo info = FieldInfos.getMergedFieldInfos(s.getIndexReader()).fieldInfo(IndexSchema.VECTOR);
            return info == null || info.getVectorDimension() == 0 ? OptionalInt.empty()
                    : OptionalInt.of(info.getVectorDimension());
        });
    }

    /** Content hash of every indexed document, by id. */
    public Map<String, String> documentHashes() {
        return withSearcher(s -> {
            Map<String, String> out = new HashMap<>();
            forEachDoc(s, kindQuery(IndexSchema.KIND_DOC), d -> out.put(d.get(IndexSchema.DOC_ID), d.get(IndexSchema.HASH)));
            return out;
        });
    }

    /** Every indexed document's id, content hash, passage count and source name, sorted by id. */
    public List<DocumentEntry> documentEntries() {
        return withSearcher(s -> {
            List<DocumentEntry> out = new ArrayList<>();
            forEachDoc(s, kindQuery(IndexSchema.KIND_DOC), d -> out.add(new DocumentEntry(d.get(IndexSchema.DOC_ID),
                    d.get(IndexSchema.HASH), d.getField(IndexSchema.PASSAGE_COUNT).numericValue().intValue(),
                    provenance(d).origin())));
            out.sort(java.util.Comparator.comparing(DocumentEntry::id));
            return out;
        });
    }

    /** Documents and passages per declared source name (the provenance's origin). */
    public Map<String, IndexCounts.SourceCount> countsByOrigin() {
        Map<String, IndexCounts.SourceCount> out = new TreeMap<>();
        for (DocumentEntry e : documentEntries()) {
            out.merge(e.origin(), new IndexCounts.SourceCount(1, e.passages()),
                    (a, b) -> new IndexCounts.SourceCount(a.documents() + b.documents(), a.passages() + b.passages()));
        }
        return out;
    }

    public Optional<StoredDocument> document(String id) {
        return withSearcher(s -> first(s, docQuery(id, IndexSchema.KIND_DOC)).map(PassageIndex::toStoredDocument));
    }

    public Optional<Passage> passage(String id) {
        return withSearcher(s -> first(s, new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.ID, id)), BooleanClause.Occur.FILTER)
                .add(kindQuery(IndexSchema.KIND_PASSAGE), BooleanClause.Occur.FILTER).build())
                .map(PassageIndex::toPassage));
    }

    /** The passages of a document, in reading order. */
    public List<Passage> passagesOf(String docId) {
        return withSearcher(s -> {
            List<Passage> out = new ArrayList<>();
            forEachDoc(s, docQuery(docId, IndexSchema.KIND_PASSAGE), d -> out.add(toPassage(d)));
            out.sort(java.util.Comparator.comparingInt(Passage::ordinal));
            return out;
        });
    }

    /** Documents and passages, in all and per source. */
    public IndexCounts counts() {
        return withSearcher(s -> {
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
        });
    }

    /** Reads a stored passage entry back into a {@link Passage}. */
    public static Passage toPassage(Document d) {
        IndexableField page = d.getField(IndexSchema.PAGE);
        return new Passage(d.get(IndexSchema.ID), DocumentId.parse(d.get(IndexSchema.DOC_ID)),
                d.getField(IndexSchema.ORDINAL).numericValue().intValue(), d.get(IndexSchema.TITLE),
                d.get(IndexSchema.SECTION), page == null ? null : page.numericValue().intValue(),
                d.get(IndexSchema.LANG), d.get(IndexSchema.DATE), d.get(IndexSchema.URL),
                d.getField(IndexSchema.START).numericValue().intValue(),
                d.getField(IndexSchema.END).numericValue().intValue(), d.get(IndexSchema.TEXT));
    }

    public static Query kindQuery(String kind) {
        return new TermQuery(new Term(IndexSchema.KIND, kind));
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            if (writer != null) {
                writer.rollback(); // uncommitted changes are dropped; callers commit what they mean to keep
            }
        } finally {
            directory.close();
        }
    }

    // ---------------------------------------------------------------- internals

    private void requireWritable() {
        if (writer == null) {
            throw new IllegalStateException("the index at " + dir + " is open read-only");
        }
    }

    private static Iterable<IndexableField> passageEntry(Passage p, float[] vector, IndexableField type) {
        Document d = new Document();
        d.add(type);
        d.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_PASSAGE, Field.Store.NO));
        d.add(new StringField(IndexSchema.ID, p.id(), Field.Store.YES));
        d.add(new StringField(IndexSchema.DOC_ID, p.docId().toString(), Field.Store.YES));
        d.add(new StringField(IndexSchema.SOURCE, p.source().key(), Field.Store.YES));
        d.add(new StringField(IndexSchema.LANG, p.language(), Field.Store.YES));
        addYear(d, p.year());
        storeIfPresent(d, IndexSchema.DATE, p.date());
        d.add(new StoredField(IndexSchema.TITLE, p.title()));
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

    private static Iterable<IndexableField> docEntry(SourceDocument doc, int passageCount, Provenance provenance, IndexableField type) {
        Document d = new Document();
        d.add(type);
        d.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_DOC, Field.Store.NO));
        d.add(new StringField(IndexSchema.ID, doc.id().toString(), Field.Store.YES));
        d.add(new StringField(IndexSchema.DOC_ID, doc.id().toString(), Field.Store.YES));
        d.add(new StringField(IndexSchema.SOURCE, doc.source().key(), Field.Store.YES));
        d.add(new StringField(IndexSchema.LANG, doc.language(), Field.Store.YES));
        addYear(d, doc.year());
        storeIfPresent(d, IndexSchema.DATE, doc.date());
        d.add(new StoredField(IndexSchema.TITLE, doc.title()));
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

    private static StoredDocument toStoredDocument(Document d) {
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

    private static Provenance provenance(Document d) {
        String origin = d.get(IndexSchema.ORIGIN);
        return origin == null ? Provenance.unknown() : new Provenance(origin, d.get(IndexSchema.LICENCE),
                d.get(IndexSchema.PARSER), d.get(IndexSchema.INDEXED_AT));
    }

    private static Query docQuery(String docId, String kind) {
        return and(new TermQuery(new Term(IndexSchema.DOC_ID, docId)), kindQuery(kind));
    }

    private static Query and(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, BooleanClause.Occur.FILTER).add(b, BooleanClause.Occur.FILTER).build();
    }

    private static Optional<Document> first(IndexSearcher s, Query q) {
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

    private static void forEachDoc(IndexSearcher s, Query q, java.util.function.Consumer<Document> fn) {
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

    private static void closeQuietly(Directory d) {
        if (d != null) {
            try {
                d.close();
            } catch (IOException ignored) {
                // the original failure is what the caller reports
            }
        }
    }
}
