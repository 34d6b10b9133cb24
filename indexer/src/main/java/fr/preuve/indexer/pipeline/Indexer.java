package fr.preuve.indexer.pipeline;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.EmbeddingCache;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.config.SourceSpec;
import fr.preuve.indexer.source.ResumableSource;
import fr.preuve.indexer.versions.CorpusHistory;
import fr.preuve.indexer.versions.LastRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The indexing pipeline: read every declared source, compare content hashes with the index, chunk and embed only new
 * or changed documents (reusing cached vectors of passage texts seen before), write each document atomically with its
 * provenance, commit at checkpoints, remove documents no longer declared, and record a corpus version in the
 * {@link CorpusHistory} beside the index. Bad items are reported and skipped; the rest is indexed. Each phase is a
 * class of this package: {@code SourceReading}, {@code ChangeSet}, {@code PassageWriter}, {@code Removal} and
 * {@code VersionRecorder}.
 *
 * <p>Every commit carries the {@link SourceCursors} of the {@linkplain ResumableSource resumable sources}: for each,
 * the cursor after the last page whose documents are all in that commit. A source with a cursor is read from there by
 * the next run (after a crash, or a page that failed), and its documents already indexed are kept; a source read to
 * its end leaves no cursor.
 */
public final class Indexer {

    /**
     * Version of the parsing and chunking code. Bump it when passages of unchanged documents would be cut differently:
     * the next run then re-indexes every document, as it does when the embedding model changes (passages whose text
     * is unchanged get their vectors from the embedding cache). 3: provenance on doc entries.
     */
    public static final String PIPELINE_VERSION = "3";

    private final PassageIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final Clock clock;
    private final ProgressListener listener;
    private final PassageWriter.Batching batching;
    private final CorpusHistory history;
    private final VersionRecorder versions;
    private final StopSignal stop;

    public Indexer(PassageIndex index, Embedder embedder, Chunker chunker, Clock clock, ProgressListener listener) {
        this(index, embedder, chunker, clock, listener, StopSignal.NEVER);
    }

    /** An indexer whose runs stop, committed, when {@code stop} asks ({@link RunStopped}). */
    public Indexer(PassageIndex index, Embedder embedder, Chunker chunker, Clock clock, ProgressListener listener,
                   StopSignal stop) {
        this(index, embedder, chunker, clock, listener, Defaults.EMBED_BATCH, Defaults.COMMIT_EVERY_PASSAGES, stop);
    }

    public Indexer(PassageIndex index, Embedder embedder, Chunker chunker, Clock clock, ProgressListener listener,
                   int batchSize, int commitEvery) {
        this(index, embedder, chunker, clock, listener, batchSize, commitEvery, StopSignal.NEVER);
    }

    public Indexer(PassageIndex index, Embedder embedder, Chunker chunker, Clock clock, ProgressListener listener,
                   int batchSize, int commitEvery, StopSignal stop) {
        this.stop = stop;
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
        this.clock = clock;
        this.listener = listener;
        this.batching = new PassageWriter.Batching(batchSize, commitEvery);
        this.history = CorpusHistory.forIndex(index.dir());
        this.versions = new VersionRecorder(index, history, clock);
    }

    /** The text embedded for a passage: its document title, then the passage. */
    public static String embeddingText(Passage p) {
        return p.title() + "\n" + p.text();
    }

    /**
     * Indexes {@code corpus}; with {@code force}, re-reads sources even when the fingerprint is unchanged. A run that
     * was interrupted (crash, kill) resumes: resumable sources continue from the cursors of the last commit, the
     * documents others give again are found unchanged and skipped.
     */
    public IndexReport run(CorpusConfig corpus, boolean force) {
        try (EmbeddingCache cache = EmbeddingCache.open(history.embeddingsDir(), embedder.modelId(), embedder.dimension())) {
            return run(corpus, force, cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IndexReport run(CorpusConfig corpus, boolean force, EmbeddingCache cache) {
        Instant started = clock.instant();
        Map<String, String> lastCommit = index.commitData();
        RunBasis basis = new RunBasis(corpus.name(), CorpusState.from(lastCommit), corpus.fingerprint(),
                embedder.modelId(), pipelineId());
        SourceCursors lastCursors = SourceCursors.from(lastCommit).only(labels(corpus));
        if (!force && lastCursors.isEmpty() && basis.sameAsLastComplete()) {
            return upToDate(basis.previous(), started);
        }
        Map<String, String> present = index.documentHashes();
        boolean restart = emptyForNewDimension(basis);
        // 1. Read every source.
        SourceReading reading = SourceReading.read(corpus, history.sourcesDir(), started,
                restart ? SourceCursors.NONE : lastCursors, listener);
        if (stop.requested()) {
            throw new RunStopped("stopped after reading the sources, before writing anything");
        }
        // 2. Compare with the index.
        ChangeSet changes = ChangeSet.of(reading.documents(), present, basis.sameVectors());
        // 3. Chunk, embed and write, committing at checkpoints.
        EmbeddingProgress embedding = new PassageWriter(index, embedder, chunker, clock, batching, cache, stop)
                .write(reading, changes.toIndex(), basis.checkpoint(), listener, started);
        // 4. Remove what is no longer declared.
        Removal removal = Removal.apply(index, present, reading, restart);
        // 5. Record the version.
        CorpusState state = versions.commit(basis, reading.cursorsAtEnd(), reading.failures().size());
        return finish(state, started, changes, removal, embedding, reading);
    }

    private static Set<String> labels(CorpusConfig corpus) {
        return corpus.sources().stream().map(SourceSpec::label).collect(Collectors.toSet());
    }

    /** The report of a run that found nothing to do. */
    private IndexReport upToDate(CorpusState previous, Instant started) {
        versions.record(previous, 0); // in case a crash came between the last commit and its history line
        listener.onProgress(new IndexProgress(IndexState.DONE, null, 0, 0, 0, 0, 0, 0, started,
                "corpus " + previous.version() + " is up to date"));
        return new IndexReport(previous.version(), true, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0);
    }

    /**
     * Lucene keeps one vector dimension per field: vectors of another size need an empty index (every source is then
     * read from its start; earlier commits stay kept for rollback). Empties it when so, and says whether it did.
     */
    private boolean emptyForNewDimension(RunBasis basis) {
        boolean restart = !basis.sameVectors() && index.vectorDimension().isPresent()
                && index.vectorDimension().getAsInt() != embedder.dimension();
        if (restart) {
            index.deleteAll();
        }
        return restart;
    }

    /** The report of a complete run, also kept as the last run beside the index and sent as the last snapshot. */
    private IndexReport finish(CorpusState state, Instant started, ChangeSet changes, Removal removal,
                               EmbeddingProgress embedding, SourceReading reading) {
        List<DocumentOutcome.Failed> failures = reading.failures();
        Instant finished = clock.instant();
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        IndexReport report = new IndexReport(state.version(), false, changes.added().size(), changes.changed(),
                changes.unchanged(), removal.deleted(), removal.kept(), embedding.total(), embedding.embedded(),
                embedding.reused(), List.copyOf(failures), seconds);
        history.saveLastRun(new LastRun(state.version(), started.toString(), finished.toString(), seconds, report.added(),
                report.changed(), report.unchanged(), report.deleted(), report.kept(), report.embedded(), report.reused(),
                failures.size(), failures));
        listener.onProgress(new IndexProgress(IndexState.DONE, null, reading.documents().size(), embedding.total(),
                embedding.total(), failures.size(), embedding.rate(), 0, started, report.summary()));
        return report;
    }

    /**
     * What a run would do, without embedding or writing anything: documents added, changed (content hash differs),
     * removed (no longer declared; kept when something failed to read) and unchanged.
     *
     * @param indexDir the corpus's index directory (network sources use the downloads kept beside it)
     * @param present  content hash of each indexed document ({@link PassageIndex#documentHashes()}; empty without index)
     */
    public static IndexPlan plan(CorpusConfig corpus, Path indexDir, Map<String, String> present, ProgressListener listener) {
        return plan(corpus, indexDir, present, listener, Clock.systemUTC());
    }

    /** {@link #plan(CorpusConfig, Path, Map, ProgressListener)} with the clock that dates its progress snapshots. */
    public static IndexPlan plan(CorpusConfig corpus, Path indexDir, Map<String, String> present, ProgressListener listener,
                                 Clock clock) {
        SourceReading reading = SourceReading.read(corpus, CorpusHistory.forIndex(indexDir).sourcesDir(), clock.instant(),
                SourceCursors.NONE, listener);
        ChangeSet changes = ChangeSet.of(reading.documents(), present, true);
        List<String> changed = changes.toIndex().stream().map(d -> d.id().toString()).filter(present::containsKey).toList();
        List<String> missing = reading.missing(present);
        List<DocumentOutcome.Failed> failures = reading.failures();
        return new IndexPlan(changes.added(), changed, failures.isEmpty() ? missing : List.of(),
                failures.isEmpty() ? List.of() : missing, changes.unchanged(), failures);
    }

    private String pipelineId() {
        return pipelineId(chunker);
    }

    /** Pipeline version and chunking bounds: passages are cut the same way only when this is equal. */
    public static String pipelineId(Chunker chunker) {
        return PIPELINE_VERSION + "/chunks " + chunker.minWords() + "-" + chunker.targetWords() + "-" + chunker.maxWords();
    }
}
