package fr.preuve.core.index;

import java.util.Map;

/** Documents and passages in the index, in all and per source key. */
public record IndexCounts(int documents, int passages, Map<String, SourceCount> perSource) {

    /** Counts for one source. */
    public record SourceCount(int documents, int passages) {
    }
}
