package fr.preuve.indexer.pipeline;

import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.EmbeddingCache;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.index.Provenance;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.SourceSpec;
import fr.preuve.indexer.config.SourceTypes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedding and writing phase of a run: chunks each document to index, embeds the passages in batches (vectors of
 * passage texts seen before come from the cache), writes each document when all its passages have vectors, and
 * commits at checkpoints with the cursors of the documents safely written.
 */
final class PassageWriter {

    /** Where batches are cut and how often to commit. */
    record Batching(int batchSize, int commitEvery) {
    }

    /** A document being embedded: its passages and the vectors they have so far. */
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

    /** One passage of a batch and the document it belongs to. */
    private record Slot(Pending owner, Passage passage) {
    }

    private final PassageIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final Clock clock;
    private final Batching batching;
    private final StopSignal stop;
    private final EmbeddingCache cache;

    PassageWriter(PassageIndex index, Embedder embedder, Chunker chunker, Clock clock, Batching batching,
                  EmbeddingCache cache, StopSignal stop) {
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
        this.clock = clock;
        this.batching = batching;
        this.cache = cache;
        this.stop = stop;
    }

    /**
     * Chunks, embeds and writes {@code toIndex}; a document that cannot be cut into passages is added to the reading's
     * failures.
     *
     * @param checkpoint the state committed at checkpoints, with the cursors of the documents safely written
     */
    EmbeddingProgress write(SourceReading reading, List<SourceDocument> toIndex, CorpusState checkpoint,
                            ProgressListener listener, Instant started) {
        List<Pending> pending = chunk(reading, toIndex);
        List<Slot> slots = pending.stream().flatMap(p -> p.passages.stream().map(passage -> new Slot(p, passage))).toList();
        EmbeddingProgress progress = new EmbeddingProgress(listener, started, slots.size(), reading.documents().size(),
                reading.failures());
        progress.report();
        int written = 0;
        int sinceCommit = 0;
        for (int from = 0; from < slots.size(); from += batching.batchSize()) {
            List<Slot> batch = slots.subList(from, Math.min(slots.size(), from + batching.batchSize()));
            List<float[]> vectors = vectors(batch.stream().map(s -> Indexer.embeddingText(s.passage())).toList(), progress);
            for (int j = 0; j < batch.size(); j++) {
                batch.get(j).owner().vectors.add(vectors.get(j));
            }
            written = writeCompleted(reading, pending, written);
            progress.done(batch.size());
            sinceCommit += batch.size();
            boolean stopping = stop.requested() && from + batching.batchSize() < slots.size();
            if (sinceCommit >= batching.commitEvery() || stopping) {
                int safe = written < pending.size() ? pending.get(written).position : reading.documents().size();
                index.commit(reading.cursorsAt(safe).commitData(checkpoint));
                sinceCommit = 0;
                if (stopping) {
                    progress.report();
                    throw new RunStopped("stopped after " + progress.doneCount() + " of " + slots.size()
                            + " passages, committed; the next run resumes from there");
                }
            } else {
                index.refresh();
            }
            progress.report();
        }
        return progress;
    }

    /**
     * Writes, in reading order, the documents after the first {@code written} whose passages all have vectors, and
     * returns how many are written now.
     */
    private int writeCompleted(SourceReading reading, List<Pending> pending, int written) {
        int next = written;
        while (next < pending.size() && pending.get(next).complete()) {
            Pending done = pending.get(next++);
            index.put(done.doc, done.passages, done.vectors, provenance(reading.origin(done.doc.id().toString())));
        }
        return next;
    }

    /** The passages of each document, in order; documents with none, or that cannot be cut, become failures. */
    private List<Pending> chunk(SourceReading reading, List<SourceDocument> toIndex) {
        List<Pending> pending = new ArrayList<>(toIndex.size());
        for (SourceDocument d : toIndex) {
            String id = d.id().toString();
            String label = reading.origin(id).label();
            try {
                List<Passage> passages = chunker.chunk(d);
                if (passages.isEmpty()) {
                    reading.failures().add(new DocumentOutcome.Failed(label, id, "no passage could be cut from the text"));
                    continue;
                }
                pending.add(new Pending(d, passages, reading.position(id)));
            } catch (RuntimeException e) {
                reading.failures().add(new DocumentOutcome.Failed(label, id, "cannot cut into passages: " + e.getMessage()));
            }
        }
        return pending;
    }

    /** Vectors of {@code texts}: from the cache when known, otherwise embedded (and cached). */
    private List<float[]> vectors(List<String> texts, EmbeddingProgress progress) {
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
        progress.vectors(missing.size(), texts.size() - missing.size());
        return out;
    }

    private Provenance provenance(SourceSpec spec) {
        return new Provenance(spec.label(), spec.licence(), SourceTypes.of(spec) + "/pipeline " + Indexer.PIPELINE_VERSION,
                clock.instant().toString());
    }
}
