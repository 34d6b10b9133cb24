package fr.preuve.indexer.pipeline;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.config.SourceSpec;
import fr.preuve.indexer.source.ReadOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The indexing pipeline: read every declared source, compare content hashes with the index, chunk and embed only new
 * or changed documents, write each document atomically, commit at checkpoints, remove documents no longer declared,
 * and record a corpus version. Bad items are reported and skipped; the rest is indexed.
 */
public final class Indexer {

    /**
     * Version of the parsing and chunking code. Bump it when passages of unchanged documents would be cut differently:
     * the next run then re-indexes every document, as it does when the embedding model changes.
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
    }

    /** The text embedded for a passage: its document title, then the passage. */
    public static String embeddingText(Passage p) {
        return p.title() + "\n" + p.text();
    }

    /** Indexes {@code corpus}; with {@code force}, re-reads sources even when the fingerprint is unchanged. */
    public IndexReport run(CorpusConfig corpus, boolean force) {
        Instant started = clock.instant();
        CorpusState previous = CorpusState.from(index.commitData());
        String fingerprint = corpus.fingerprint();
        String pipeline = pipelineId();
        boolean sameVectors = embedder.modelId().equals(previous.model()) && pipeline.equals(previous.pipeline());
        if (!force && previous.complete() && sameVectors && fingerprint.equals(previous.fingerprint())) {
            listener.onProgress(new IndexProgress("done", null, 0, 0, 0, 0, 0, 0, started,
                    "corpus " + previous.version() + " is up to date"));
            return new IndexReport(previous.version(), true, 0, 0, 0, 0, 0, 0, List.of(), 0);
        }
        Map<String, String> present = index.documentHashes();

        // 1. Read every source.
        Map<String, SourceDocument> documents = new LinkedHashMap<>();
        List<DocumentOutcome.Failed> failures = new ArrayList<>();
        for (SourceSpec spec : corpus.sources()) {
            String label = spec.label();
            listener.onProgress(new IndexProgress("reading", label, documents.size(), 0, 0, failures.size(), 0, -1, started,
                    "reading " + label));
            try {
                spec.open(corpus.sourceContext()).read(outcome -> {
                    switch (outcome) {
                        case ReadOutcome.Read r -> {
                            String id = r.document().id().toString();
                            if (documents.putIfAbsent(id, r.document()) != null) {
                                failures.add(new DocumentOutcome.Failed(label, id, "duplicate document id " + id + " (kept the first)"));
                            }
                        }
                        case ReadOutcome.Failed f -> failures.add(new DocumentOutcome.Failed(label, f.location(), f.reason()));
                    }
                });
            } catch (RuntimeException e) {
                failures.add(new DocumentOutcome.Failed(label, label, "source failed: " + e));
            }
        }

        // 2. Compare with the index.
        List<SourceDocument> toIndex = new ArrayList<>();
        int unchanged = 0;
        int added = 0;
        for (SourceDocument d : documents.values()) {
            String old = present.get(d.id().toString());
            if (old == null) {
                added++;
                toIndex.add(d);
            } else if (!sameVectors || !old.equals(d.contentHash())) {
                // changed content, or a new model or chunking: every present document is re-embedded
                toIndex.add(d);
            } else {
                unchanged++;
            }
        }
        int changed = toIndex.size() - added;

        // 3. Chunk, embed in batches, write each document when all its passages are embedded.
        List<Pending> pending = new ArrayList<>(toIndex.size());
        int total = 0;
        for (SourceDocument d : toIndex) {
            try {
                List<Passage> passages = chunker.chunk(d);
                if (passages.isEmpty()) {
                    failures.add(new DocumentOutcome.Failed(d.source().key(), d.id().toString(), "no passage could be cut from the text"));
                    continue;
                }
                pending.add(new Pending(d, passages));
                total += passages.size();
            } catch (RuntimeException e) {
                failures.add(new DocumentOutcome.Failed(d.source().key(), d.id().toString(), "cannot cut into passages: " + e.getMessage()));
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
            List<float[]> vectors = embedder.embedAll(texts);
            for (int j = 0; j < owners.size(); j++) {
                owners.get(j).vectors.add(vectors.get(j));
            }
            while (written < pending.size() && pending.get(written).complete()) {
                Pending done = pending.get(written++);
                index.put(done.doc, done.passages, done.vectors);
            }
            embedding.done += texts.size();
            sinceCommit += texts.size();
            if (sinceCommit >= commitEvery) {
                index.commit(previous.inProgress(fingerprint, embedder.modelId(), pipeline).toMap());
                sinceCommit = 0;
            } else {
                index.refresh();
            }
            embedding.report("embedding", null);
        }

        // 4. Remove what is no longer declared, unless something failed to read (it may be among the missing).
        List<String> missing = present.keySet().stream().filter(id -> !documents.containsKey(id)).sorted().toList();
        int deleted = 0;
        int kept = 0;
        if (failures.isEmpty()) {
            for (String id : missing) {
                index.delete(DocumentId.parse(id));
                deleted++;
            }
        } else {
            kept = missing.size();
        }

        // 5. Record the version.
        index.refresh();
        Instant now = clock.instant();
        boolean anyChange = !toIndex.isEmpty() || deleted > 0 || previous.version() == null || !sameVectors;
        String version = anyChange ? version(corpus.name(), now, index.documentHashes(), embedder.modelId() + "|" + pipeline)
                : previous.version();
        String date = anyChange ? now.toString() : previous.date();
        index.commit(new CorpusState(corpus.name(), version, date, true, fingerprint, embedder.modelId(), pipeline).toMap());
        double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        IndexReport report = new IndexReport(version, false, added, changed, unchanged, deleted, kept, total,
                List.copyOf(failures), seconds);
        listener.onProgress(new IndexProgress("done", null, documents.size(), total, total, failures.size(),
                embedding.rate(), 0, started, report.summary()));
        return report;
    }

    /** Pipeline version and chunking bounds: passages are cut the same way only when this is equal. */
    private String pipelineId() {
        return PIPELINE_VERSION + "/chunks " + chunker.minWords() + "-" + chunker.targetWords() + "-" + chunker.maxWords();
    }

    /**
     * {@code <name>-<yyyyMMdd>-<8 hex>}: the hash covers every document's content and how passages were cut and
     * embedded, so the same corpus indexed the same way gets the same hash part.
     */
    static String version(String name, Instant when, Map<String, String> hashes, String vectors) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((vectors + "\n").getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
                md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return name + "-" + VERSION_DATE.format(when) + "-" + HexFormat.of().formatHex(md.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Pending {
        final SourceDocument doc;
        final List<Passage> passages;
        final List<float[]> vectors = new ArrayList<>();

        Pending(SourceDocument doc, List<Passage> passages) {
            this.doc = doc;
            this.passages = passages;
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
