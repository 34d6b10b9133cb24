package fr.preuve.core.index;

import java.util.HashMap;
import java.util.Map;

/**
 * What an index records about its corpus with each commit.
 *
 * @param name        corpus name
 * @param version     corpus version of the last complete run ({@code demo-20261122-3f2a9c1b}), or null before one
 * @param date        ISO instant at which that version was produced, or null
 * @param complete    false while a run is in progress (or was interrupted)
 * @param fingerprint fingerprint of the corpus declaration and input files of the last complete run
 * @param model       embedding model id the vectors were made with
 * @param pipeline    version of the parsing and chunking code the passages were cut with
 */
public record CorpusState(String name, String version, String date, boolean complete, String fingerprint, String model,
                          String pipeline) {

    public static CorpusState from(Map<String, String> data) {
        return new CorpusState(data.get("corpus_name"), data.get("corpus_version"), data.get("corpus_date"),
                "true".equals(data.get("complete")), data.get("fingerprint"), data.get("model"), data.get("pipeline"));
    }

    /** The state recorded at intermediate checkpoints: the previous version stays the reference. */
    public CorpusState inProgress(String newFingerprint, String newModel, String newPipeline) {
        return new CorpusState(name, version, date, false, newFingerprint, newModel, newPipeline);
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new HashMap<>();
        put(m, "corpus_name", name);
        put(m, "corpus_version", version);
        put(m, "corpus_date", date);
        m.put("complete", Boolean.toString(complete));
        put(m, "fingerprint", fingerprint);
        put(m, "model", model);
        put(m, "pipeline", pipeline);
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
