package fr.preuve.indexer.versions;

import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.config.SourceSpec;
import fr.preuve.indexer.config.SourceTypes;
import fr.preuve.indexer.pipeline.IndexProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a librarian sees of a corpus ({@code preuve corpus status}, {@code GET /api/corpus}): its version, each declared
 * source with its counts, licence and the failures of the last run, the last run, and the indexing in progress.
 *
 * @param lastRun  the last run that read the sources, or null before one
 * @param indexing the run in progress, or idle
 */
public record CorpusStatus(String corpus, String version, String date, List<SourceStatus> sources, LastRun lastRun,
                           IndexProgress indexing) {

    /** One declared source. */
    public record SourceStatus(String name, String type, String licence, int documents, int passages,
                               List<Failure> failures) {
    }

    /** An item that could not be read or indexed: file, URL or document id, and why. */
    public record Failure(String location, String reason) {
    }

    /**
     * @param state    the index's commit data
     * @param counts   documents and passages per source name ({@code PassageIndex#countsByOrigin}); empty without index
     */
    public static CorpusStatus of(CorpusConfig corpus, CorpusState state, Map<String, IndexCounts.SourceCount> counts,
                                  CorpusHistory history, IndexProgress indexing) {
        LastRun last = history.lastRun().orElse(null);
        List<SourceStatus> sources = new ArrayList<>();
        for (SourceSpec spec : corpus.sources()) {
            IndexCounts.SourceCount c = counts.getOrDefault(spec.label(), new IndexCounts.SourceCount(0, 0));
            List<Failure> failures = last == null ? List.of() : last.failed().stream()
                    .filter(f -> f.source().equals(spec.label()))
                    .map(f -> new Failure(f.location(), f.reason())).toList();
            sources.add(new SourceStatus(spec.label(), SourceTypes.of(spec), spec.licence(), c.documents(), c.passages(),
                    failures));
        }
        return new CorpusStatus(corpus.name(), state.version(), state.date(), sources, last, indexing);
    }
}
