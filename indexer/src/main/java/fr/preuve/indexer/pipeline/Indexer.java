package fr.preuve.indexer.pipeline;

import fr.preuve.core.hash.Sha256;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.EmbeddingCache;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.DocumentEntry;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.index.Provenance;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.config.SourceSpec;
import fr.preuve.indexer.config.SourceTypes;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.ResumableSource;
import fr.preuve.indexer.versions.CorpusHistory;
import fr.preuve.indexer.versions.CorpusVersion;
import fr.preuve.indexer.versions.LastRun;
import fr.preuve.indexer.versions.VersionDiff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The indexing pipeline: read every declared source, compare content hashes with the index, chunk and embed only new
 * or changed documents (reusing cached vectors of passage texts seen before), write each document atomically with its
 * provenance, commit at checkpoints, remove documents no longer declared, and record a corpus version in the
 * {@link CorpusHistory} beside the index. Bad items are reported and skipped; the rest is indexed.
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

    private static final DateTimeFormatter VERSION_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final PassageIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final Clock clock;
    private final ProgressListener listener;
    private final int batchSize;
    private final int commitEvery;
    private final CorpusHistory history;

    public Indexer(PassageIndex index, Embedder embedder, Chunker chunker, Clock clock, ProgressListener listener) {
        this(index, embedder, chunker, clock, listener, Defaults.EMBED_BATCH, Defaults.COMMIT_EVERY_PASSAGES);
    }

    public Indexer(PassageIndex index, Embedder embedder, Chunker chunker, Clock clock, ProgressListener listener,
                   int batchSize, int commitEvery) {
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
        this.clock = clock;
        this.listener = listener;
        this.batchSize = batchSize;
        this.commitEvery = commitEvery;
        this.history = CorpusHistory.forIndex(index.dir());
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private IndexReport run(CorpusConfig corpus, boolean force, EmbeddingCache cache) {
        Instant started = clock.instant();
        Map<String, String> lastCommit = index.commitData();
        CorpusState previous = CorpusState.from(lastCommit);
        SourceCursors lastCursors = SourceCursors.from(lastCommit)
                .only(corpus.sources().stream().map(SourceSpec::label).collect(java.util.stream.Collectors.toSet()));
        String fingerprint = corpus.fingerprint();
        String pipeline = pipelineId();
        boolean sameVectors = embedder.modelId().equals(previous.model()) && pipeline.equals(previous.pipeline());
        if (!force && previous.complete() && lastCursors.isEmpty() && sameVectors && fingerprint.equals(previous.fingerprint())) {
            recordVersion(previous, 0); // in case a crash came between the last commit and its history line
            listener.onProgress(new IndexProgress("done", null, 0, 0, 0, 0, 0, 0, started,
                    "corpus " + previous.version() + " is up to date"));
            return new IndexReport(previous.version(), true, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0);
        }
        // Until the run completes, documents not yet redone keep the previous model's vectors (and the previous
        // pipeline's passages): checkpoints record those, so that a run resumed after a crash redoes every document
        // (the vectors already computed come from the cache) and searches meanwhile refuse the new query model.
        String checkpointModel = sameVectors || previous.model() == null ? embedder.modelId() : previous.model();
        String checkpointPipeline = sameVectors || previous.pipeline() == null ? pipeline : previous.pipeline();
        Map<String, String> present = index.documentHashes();
        // Lucene keeps one vector dimension per field: vectors of another size need an empty index (every source is
        // then read from its start; earlier commits stay kept for rollback).
        boolean restart = !sameVectors && index.vectorDimension().isPresent()
                && index.vectorDimension().getAsInt() != embedder.dimension();
        if (restart) {
            index.deleteAll();
        }
        SourceCursors resumeFrom = restart ? SourceCursors.NONE : lastCursors;

        // 1. Read every source.
        Map<String, SourceDocument> documents = new LinkedHashMap<>();
        Map<String, SourceSpec> origins = new HashMap<>();
        List<DocumentOutcome.Failed> failures = new ArrayList<>();
        List<CursorMark> marks = new ArrayList<>();
        read(corpus, history.sourcesDir(), started, resumeFrom, documents, origins, failures, marks, listener);
        Map<String, Integer> positions = new HashMap<>();
        for (String id : documents.keySet()) {
            positions.put(id, positions.size());
        }

        // 2. Compare with the index.
        Comparison cmp = compare(documents, present, sameVectors);
        List<SourceDocument> toIndex = cmp.toIndex;
        int added = cmp.added.size();
        int unchanged = cmp.unchanged;
        int changed = toIndex.size() - added;

        // 3. Chunk, embed in batches (vectors of passage texts seen before come from the cache), write each document
        //    when all its passages have vectors, commit at checkpoints.
        List<Pending> pending = new ArrayList<>(toIndex.size());
        int total = 0;
        for (SourceDocument d : toIndex) {
            String label = origins.get(d.id().toString()).label();
            try {
                List<Passage> passages = chunker.chunk(d);
                if (passages.isEmpty()) {
                    failures.add(new DocumentOutcome.Failed(label, d.id().toString(), "no passage could be cut from the text"));
                    continue;
                }
                pending.add(new Pending(d, passages, positions.get(d.id().toString())));
                total += passages.size();
            } catch (RuntimeException e) {
                failures.add(new DocumentOutcome.Failed(label, d.id().toString(), "cannot cut into passages: " + e.getMessage()));
            }
        }
        Embedding embedding = new Embedding(started, total, documents.size(), failures);
        embedding.report("embedding", null);
        int docCursor = 0;
        int passageCursor = 0;
        int written = 0;
        int sinceCommit = 0;
        while (docCursor < pending.size()) {
            List<Pending> owners = new ArrayList<>(batchSize);
            List<String> texts = new ArrayList<>(batchSize);
            while (texts.size() < batchSize && docCursor < pending.size()) {
                Pending p = pending.get(docCursor);
                owners.add(p);
                texts.add(embeddingText(p.passages.get(passageCursor++)));
                if (passageCursor == p.passages.size()) {
                    docCursor++;
                    passageCursor = 0;
                }
            }
            List<float[]> vectors = vectors(texts, cache, embedding);
            for (int j = 0; j < owners.size(); j++) {
                owners.get(j).vectors.add(vectors.get(j));
            }
            while (written < pending.size() && pending.get(written).complete()) {
                Pending done = pending.get(written++);
                index.put(done.doc, done.passages, done.vectors, provenance(origins.get(done.doc.id().toString())));
            }
            embedding.done += texts.size();
            sinceCommit += texts.size();
            if (sinceCommit >= commitEvery) {
                int safe = written < pending.size() ? pending.get(written).position : documents.size();
                index.commit(withCursors(previous.inProgress(fingerprint, checkpointModel, checkpointPipeline),
                        cursorsAt(safe, resumeFrom, marks)));
                sinceCommit = 0;
            } else {
                index.refresh();
            }
            embedding.report("embedding", null);
        }

        // 4. Remove what is no longer declared, unless something failed to read (it may be among the missing).
        //    A resumed source did not give again the documents it gave before its cursor: they stay.
        Map<String, String> originOf = new HashMap<>();
        if (!resumeFrom.isEmpty()) {
            index.documentEntries().forEach(e -> originOf.put(e.id(), e.origin()));
        }
        List<String> missing = present.keySet().stream().filter(id -> !documents.containsKey(id)).sorted().toList();
        int deleted = 0;
        java.util.function.Predicate<String> resumed = id -> originOf.containsKey(id)
                && resumeFrom.bySource().containsKey(originOf.get(id));
        int kept = (int) missing.stream().filter(resumed).count();
        missing = missing.stream().filter(resumed.negate()).toList();
        if (failures.isEmpty() || restart) { // after a restart, nothing is left to keep
            for (String id : missing) {
                index.delete(DocumentId.parse(id));
                deleted++;
            }
        } else {
            kept += missing.size();
        }

        // 5. Record the version: the same content indexed the same way keeps its version.
        index.refresh();
        Instant now = clock.instant();
        String candidate = version(corpus.name(), now, index.documentHashes(), embedder.modelId() + "|" + pipeline);
        boolean same = previous.version() != null && hashPart(previous.version()).equals(hashPart(candidate));
        String version = same ? previous.version() : candidate;
        String date = same ? previous.date() : now.toString();
        CorpusState state = new CorpusState(corpus.name(), version, date, true, fingerprint, embedder.modelId(), pipeline);
        List<DocumentEntry> entries = index.documentEntries();
        if (!history.hasManifest(version)) {
            history.writeManifest(version, entries); // before the commit, so that a committed version can be diffed
        }
        index.commit(withCursors(state, cursorsAt(documents.size(), resumeFrom, marks)));
        recordVersion(state, failures.size());
        Instant finished = clock.instant();
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        IndexReport report = new IndexReport(version, false, added, changed, unchanged, deleted, kept, total,
                embedding.embedded, embedding.reused, List.copyOf(failures), seconds);
        history.saveLastRun(new LastRun(version, started.toString(), finished.toString(), seconds, added, changed,
                unchanged, deleted, kept, embedding.embedded, embedding.reused, failures.size(), failures));
        listener.onProgress(new IndexProgress("done", null, documents.size(), total, total, failures.size(),
                embedding.rate(), 0, started, report.summary()));
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
        Map<String, SourceDocument> documents = new LinkedHashMap<>();
        List<DocumentOutcome.Failed> failures = new ArrayList<>();
        read(corpus, CorpusHistory.forIndex(indexDir).sourcesDir(), clock.instant(), SourceCursors.NONE, documents,
                new HashMap<>(), failures, new ArrayList<>(), listener);
        Comparison cmp = compare(documents, present, true);
        List<String> changed = cmp.toIndex.stream().map(d -> d.id().toString()).filter(id -> present.containsKey(id)).toList();
        List<String> missing = present.keySet().stream().filter(id -> !documents.containsKey(id)).sorted().toList();
        return new IndexPlan(cmp.added, changed, failures.isEmpty() ? missing : List.of(), failures.isEmpty() ? List.of() : missing,
                cmp.unchanged, failures);
    }

    /** A cursor a source reported once {@code position} documents had been read (all sources together). */
    private record CursorMark(String label, int position, Map<String, String> cursor) {
    }

    /**
     * Reads every declared source into {@code documents}, noting each document's source, each failure and each cursor
     * reported; resumable sources start from their cursor in {@code from}.
     */
    private static void read(CorpusConfig corpus, Path sourcesDir, Instant started, SourceCursors from,
                             Map<String, SourceDocument> documents, Map<String, SourceSpec> origins,
                             List<DocumentOutcome.Failed> failures, List<CursorMark> marks, ProgressListener listener) {
        for (SourceSpec spec : corpus.sources()) {
            String label = spec.label();
            Map<String, String> cursor = from.of(label);
            listener.onProgress(new IndexProgress("reading", label, documents.size(), 0, 0, failures.size(), 0, -1, started,
                    cursor.isEmpty() ? "reading " + label : "resuming " + label + " at " + new TreeMap<>(cursor)));
            try {
                DocumentSource source = spec.open(corpus.sourceContext(sourcesDir));
                Consumer<ReadOutcome> sink = outcome -> {
                    switch (outcome) {
                        case ReadOutcome.Read r -> {
                            String id = r.document().id().toString();
                            if (documents.putIfAbsent(id, r.document()) != null) {
                                failures.add(new DocumentOutcome.Failed(label, id, "duplicate document id " + id + " (kept the first)"));
                            } else {
                                origins.put(id, spec);
                            }
                        }
                        case ReadOutcome.Failed f -> failures.add(new DocumentOutcome.Failed(label, f.location(), f.reason()));
                    }
                };
                if (source instanceof ResumableSource resumable) {
                    resumable.read(cursor, sink, c -> marks.add(new CursorMark(label, documents.size(), c)));
                } else {
                    source.read(sink);
                }
            } catch (RuntimeException e) {
                failures.add(new DocumentOutcome.Failed(label, label, "source failed: " + e));
            }
        }

    }

    /**
     * The cursors to commit when the first {@code safe} documents read are in the index: each source's last cursor
     * reported at or before that point, else the cursor it was resumed from.
     */
    private static SourceCursors cursorsAt(int safe, SourceCursors from, List<CursorMark> marks) {
        Map<String, Map<String, String>> out = new HashMap<>(from.bySource());
        for (CursorMark m : marks) {
            if (m.position() <= safe) {
                out.put(m.label(), m.cursor());
            }
        }
        return new SourceCursors(out);
    }

    private static Map<String, String> withCursors(CorpusState state, SourceCursors cursors) {
        Map<String, String> data = new HashMap<>(state.toMap());
        data.putAll(cursors.toCommitData());
        return data;
    }

    /** Documents to (re)index: new ones, changed ones, and all of them when vectors must be remade. */
    private record Comparison(List<SourceDocument> toIndex, List<String> added, int unchanged) {
    }

    private static Comparison compare(Map<String, SourceDocument> documents, Map<String, String> present,
                                      boolean sameVectors) {
        List<SourceDocument> toIndex = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int unchanged = 0;
        for (SourceDocument d : documents.values()) {
            String old = present.get(d.id().toString());
            if (old == null) {
                added.add(d.id().toString());
                toIndex.add(d);
            } else if (!sameVectors || !old.equals(d.contentHash())) {
                // changed content, or a new model or chunking: every present document is re-indexed
                toIndex.add(d);
            } else {
                unchanged++;
            }
        }
        return new Comparison(toIndex, added, unchanged);
    }

    /** Vectors of {@code texts}: from the cache when known, otherwise embedded (and cached). */
    private List<float[]> vectors(List<String> texts, EmbeddingCache cache, Embedding counts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = cache.get(texts.get(i)).orElse(null);
            out.add(v);
            if (v == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = embedder.embedAll(missing.stream().map(texts::get).toList());
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                out.set(i, fresh.get(j));
                cache.put(texts.get(i), fresh.get(j));
            }
        }
        counts.embedded += missing.size();
        counts.reused += texts.size() - missing.size();
        return out;
    }

    private Provenance provenance(SourceSpec spec) {
        return new Provenance(spec.label(), spec.licence(), SourceTypes.of(spec) + "/pipeline " + PIPELINE_VERSION,
                clock.instant().toString());
    }

    /**
     * Appends the history line of a complete version unless it is already the latest, with the documents added,
     * changed and removed since the latest recorded version.
     */
    private void recordVersion(CorpusState state, int failures) {
        if (state.version() == null || !history.hasManifest(state.version())) {
            return; // an index written before versions were recorded: its next change records one
        }
        Optional<CorpusVersion> latest = history.latest();
        if (latest.isPresent() && latest.get().version().equals(state.version())) {
            return;
        }
        Map<String, String> before = latest.filter(v -> history.hasManifest(v.version()))
                .map(v -> history.manifest(v.version())).orElse(Map.of());
        VersionDiff diff = VersionDiff.of(latest.map(CorpusVersion::version).orElse(null), before, state.version(),
                history.manifest(state.version()));
        IndexCounts counts = index.counts();
        int documents = counts.documents();
        history.append(new CorpusVersion(CorpusVersion.INDEXED, state.version(), state.date(), state.name(),
                state.fingerprint(), state.model(), state.pipeline(), documents, counts.passages(), index.countsByOrigin(),
                diff.added().size(), diff.changed().size(), diff.removed().size(),
                documents - diff.added().size() - diff.changed().size(), failures, null));
    }

    private String pipelineId() {
        return pipelineId(chunker);
    }

    /** Pipeline version and chunking bounds: passages are cut the same way only when this is equal. */
    public static String pipelineId(Chunker chunker) {
        return PIPELINE_VERSION + "/chunks " + chunker.minWords() + "-" + chunker.targetWords() + "-" + chunker.maxWords();
    }

    /**
     * {@code <name>-<yyyyMMdd>-<8 hex>}: the hash covers every document's content and how passages were cut and
     * embedded, so the same corpus indexed the same way gets the same hash part.
     */
    static String version(String name, Instant when, Map<String, String> hashes, String vectors) {
        return name + "-" + VERSION_DATE.format(when) + "-" + contentHash(hashes, vectors);
    }

    private static String hashPart(String version) {
        return version.substring(version.lastIndexOf('-') + 1);
    }

    private static String contentHash(Map<String, String> hashes, String vectors) {
        MessageDigest md = Sha256.digest();
        md.update((vectors + "\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
            md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 8);
    }

    private static final class Pending {
        final SourceDocument doc;
        final List<Passage> passages;
        final int position;
        final List<float[]> vectors = new ArrayList<>();

        Pending(SourceDocument doc, List<Passage> passages, int position) {
            this.doc = doc;
            this.passages = passages;
            this.position = position;
        }

        boolean complete() {
            return vectors.size() == passages.size();
        }
    }

    /** Rate and ETA of the embedding phase. */
    private final class Embedding {
        final Instant started;
        final int total;
        final int documents;
        final List<DocumentOutcome.Failed> failures;
        final long t0 = System.nanoTime();
        int done;
        int embedded;
        int reused;

        Embedding(Instant started, int total, int documents, List<DocumentOutcome.Failed> failures) {
            this.started = started;
            this.total = total;
            this.documents = documents;
            this.failures = failures;
        }

        double rate() {
            double secs = (System.nanoTime() - t0) / 1e9;
            return secs <= 0 ? 0 : done / secs;
        }

        void report(String state, String message) {
            double r = rate();
            long eta = r <= 0 ? -1 : Math.round((total - done) / r);
            listener.onProgress(new IndexProgress(state, null, documents, done, total, failures.size(), r, eta, started,
                    message == null ? done + "/" + total + " passages embedded" : message));
        }
    }
}
