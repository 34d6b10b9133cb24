package fr.preuve.indexer.pipeline;

import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.config.SourceSpec;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import fr.preuve.indexer.source.ResumableSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The reading phase of a run: every declared source read into memory, in declaration order, with each document's
 * source, each failure and each cursor a resumable source reported. Later phases add their own failures to
 * {@link #failures()}.
 */
final class SourceReading {

    /** A cursor a source reported once {@code position} documents had been read (all sources together). */
    private record CursorMark(String label, int position, Map<String, String> cursor) {
    }

    private final Map<String, SourceDocument> documents = new LinkedHashMap<>();
    private final Map<String, SourceSpec> origins = new HashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<DocumentOutcome.Failed> failures = new ArrayList<>();
    private final List<CursorMark> marks = new ArrayList<>();
    private final SourceCursors from;

    private SourceReading(SourceCursors from) {
        this.from = from;
    }

    /**
     * Reads every source of {@code corpus}; resumable sources start from their cursor in {@code from}.
     *
     * @param started when the run started, for progress snapshots
     */
    static SourceReading read(CorpusConfig corpus, Path sourcesDir, Instant started, SourceCursors from,
                              ProgressListener listener) {
        SourceReading reading = new SourceReading(from);
        for (SourceSpec spec : corpus.sources()) {
            reading.read(spec, corpus, sourcesDir, started, listener);
        }
        for (String id : reading.documents.keySet()) {
            reading.positions.put(id, reading.positions.size());
        }
        return reading;
    }

    private void read(SourceSpec spec, CorpusConfig corpus, Path sourcesDir, Instant started, ProgressListener listener) {
        String label = spec.label();
        Map<String, String> cursor = from.of(label);
        listener.onProgress(new IndexProgress(IndexState.READING, label, documents.size(), 0, 0, failures.size(), 0, -1, started,
                cursor.isEmpty() ? "reading " + label : "resuming " + label + " at " + new TreeMap<>(cursor)));
        try {
            DocumentSource source = spec.open(corpus.sourceContext(sourcesDir));
            Consumer<ReadOutcome> sink = outcome -> accept(spec, outcome);
            if (source instanceof ResumableSource resumable) {
                resumable.read(cursor, sink, c -> marks.add(new CursorMark(label, documents.size(), c)));
            } else {
                source.read(sink);
            }
        } catch (RuntimeException e) {
            failures.add(new DocumentOutcome.Failed(label, label, "source failed: " + e));
        }
    }

    private void accept(SourceSpec spec, ReadOutcome outcome) {
        String label = spec.label();
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
    }

    /** The documents read, by id, in reading order (a duplicate id keeps the first). */
    Map<String, SourceDocument> documents() {
        return documents;
    }

    /** The ids of {@code present} (the indexed documents) that were not read, sorted. */
    List<String> missing(Map<String, String> present) {
        return present.keySet().stream().filter(id -> !documents.containsKey(id)).sorted().toList();
    }

    /** The declared source that gave document {@code id}. */
    SourceSpec origin(String id) {
        return origins.get(id);
    }

    /** The 0-based rank of document {@code id} in reading order. */
    int position(String id) {
        return positions.get(id);
    }

    /** Items that could not be read, then what later phases add. */
    List<DocumentOutcome.Failed> failures() {
        return failures;
    }

    /** The cursors the sources were resumed from. */
    SourceCursors resumedFrom() {
        return from;
    }

    /**
     * The cursors to commit when the first {@code safe} documents read are in the index: each source's last cursor
     * reported at or before that point, else the cursor it was resumed from.
     */
    SourceCursors cursorsAt(int safe) {
        Map<String, Map<String, String>> out = new HashMap<>(from.bySource());
        for (CursorMark m : marks) {
            if (m.position() <= safe) {
                out.put(m.label(), m.cursor());
            }
        }
        return new SourceCursors(out);
    }

    /** The cursors to commit once every document read is in the index. */
    SourceCursors cursorsAtEnd() {
        return cursorsAt(documents.size());
    }
}
