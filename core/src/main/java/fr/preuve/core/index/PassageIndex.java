package fr.preuve.core.index;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.PublicationType;
import fr.preuve.core.doc.SourceDocument;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
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
 *
 * <p>This class opens, writes and commits; how entries map to fields is in {@code EntryFields}, what a searcher sees in
 * {@code IndexContents}, and the kept versions in {@code IndexVersions}.
 */
public final class PassageIndex implements Closeable {

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
            IndexWriter writer = new IndexWriter(directory, IndexVersions.writerConfig());
            return new PassageIndex(dir, directory, writer, new SearcherManager(writer, null));
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IndexLockedException(dir, e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open the index at " + dir + ": " + e.getMessage(), e);
        }
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
        return IndexVersions.keptVersions(dir);
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
        return IndexVersions.rollback(dir, version);
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
        StringField type = new StringField(IndexSchema.TYPE, PublicationType.of(doc).key(), Field.Store.YES);
        for (int i = 0; i < passages.size(); i++) {
            block.add(EntryFields.passageEntry(passages.get(i), vectors.get(i), type));
        }
        block.add(EntryFields.docEntry(doc, passages.size(), provenance, type));
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
        T result;
        try {
            result = fn.apply(s);
        } catch (RuntimeException | Error e) {
            try {
                searchers.release(s);
            } catch (IOException released) {
                e.addSuppressed(released);
            }
            throw e;
        }
        try {
            searchers.release(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** The dimension of the passage vectors in the index, or empty when it holds none. */
    public OptionalInt vectorDimension() {
        return withSearcher(IndexContents::vectorDimension);
    }

    /** Content hash of every indexed document, by id. */
    public Map<String, String> documentHashes() {
        return withSearcher(IndexContents::documentHashes);
    }

    /** Every indexed document's id, content hash, passage count and source name, sorted by id. */
    public List<DocumentEntry> documentEntries() {
        return withSearcher(IndexContents::documentEntries);
    }

    /** Documents and passages per declared source name (the provenance's origin). */
    public Map<String, IndexCounts.SourceCount> countsByOrigin() {
        return withSearcher(IndexContents::countsByOrigin);
    }

    /** The stored "doc" entry of document {@code id}, if indexed. */
    public Optional<StoredDocument> document(String id) {
        return withSearcher(s -> IndexContents.document(s, id));
    }

    /** The passage {@code id}, if indexed. */
    public Optional<Passage> passage(String id) {
        return withSearcher(s -> IndexContents.passage(s, id));
    }

    /** The passages of a document, in reading order. */
    public List<Passage> passagesOf(String docId) {
        return withSearcher(s -> IndexContents.passagesOf(s, docId));
    }

    /** Documents and passages, in all and per source. */
    public IndexCounts counts() {
        return withSearcher(IndexContents::counts);
    }

    /** Reads a stored passage entry back into a {@link Passage}. */
    public static Passage toPassage(Document d) {
        return EntryFields.toPassage(d);
    }

    /** The entries of one kind: {@link IndexSchema#KIND_DOC} or {@link IndexSchema#KIND_PASSAGE}. */
    public static Query kindQuery(String kind) {
        return IndexQueries.kindQuery(kind);
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
