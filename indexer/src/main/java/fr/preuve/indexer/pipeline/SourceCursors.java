package fr.preuve.indexer.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.index.CorpusState;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each {@linkplain fr.preuve.indexer.source.ResumableSource resumable source} stopped, as recorded in a Lucene
 * commit's data: one key {@code cursor.<source label>} per source with a cursor, its value the cursor as a JSON object.
 * A source read to its end has no key. Recorded with the documents written before it, so a crash cannot separate the
 * two.
 *
 * @param bySource cursor of each source label that has one (never empty maps)
 */
public record SourceCursors(Map<String, Map<String, String>> bySource) {

    static final String PREFIX = "cursor.";
    private static final TypeReference<TreeMap<String, String>> CURSOR = new TypeReference<>() {
    };

    /** No cursor: every source reads from its start. */
    public static final SourceCursors NONE = new SourceCursors(Map.of());

    public SourceCursors {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        bySource.forEach((label, cursor) -> {
            if (!cursor.isEmpty()) {
                copy.put(label, Map.copyOf(cursor));
            }
        });
        bySource = Collections.unmodifiableMap(copy);
    }

    /** The cursors in a commit's data; a value that is not a JSON object of strings is ignored (that source starts over). */
    public static SourceCursors from(Map<String, String> commitData) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        commitData.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                try {
                    out.put(key.substring(PREFIX.length()), Yaml.json().readValue(value, CURSOR));
                } catch (JsonProcessingException e) {
                    // a cursor that cannot be read only costs re-reading that source from its start
                }
            }
        });
        return new SourceCursors(out);
    }

    /** These cursors of the sources named in {@code labels} only (a source no longer declared has none). */
    public SourceCursors only(Set<String> labels) {
        Map<String, Map<String, String>> out = new TreeMap<>(bySource);
        out.keySet().retainAll(labels);
        return new SourceCursors(out);
    }

    /** The cursor of {@code label}, empty when it has none (read it from its start). */
    public Map<String, String> of(String label) {
        return bySource.getOrDefault(label, Map.of());
    }

    public boolean isEmpty() {
        return bySource.isEmpty();
    }

    /** The commit data of {@code state} with these cursors. */
    Map<String, String> commitData(CorpusState state) {
        Map<String, String> data = new HashMap<>(state.toMap());
        data.putAll(toCommitData());
        return data;
    }

    /** The commit data keys and values. */
    public Map<String, String> toCommitData() {
        Map<String, String> out = new TreeMap<>();
        bySource.forEach((label, cursor) -> {
            try {
                out.put(PREFIX + label, Yaml.json().writeValueAsString(new TreeMap<>(cursor)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }
}
