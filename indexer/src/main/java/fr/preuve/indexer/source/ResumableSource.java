package fr.preuve.indexer.source;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A source read in pages that can continue where an interrupted run stopped. After the documents of each page, it
 * reports its cursor: a small map of strings (search handle, next offset...) from which {@link #read(Map, Consumer,
 * Consumer)} goes on with the next page; an empty cursor means the source was read to its end. The indexer keeps the
 * cursor of the documents it has written in the Lucene commit, so that "where was I" is atomic with what was written.
 */
public interface ResumableSource extends DocumentSource {

    /**
     * Reads from {@code cursor} (empty: from the start) to the end, handing outcomes to {@code sink} and, after each
     * page's documents, the cursor to resume after them to {@code cursors}. A cursor the source does not recognise
     * (another search, expired cache) is ignored and reading starts over.
     */
    void read(Map<String, String> cursor, Consumer<ReadOutcome> sink, Consumer<Map<String, String>> cursors);

    @Override
    default void read(Consumer<ReadOutcome> sink) {
        read(Map.of(), sink, cursor -> {
        });
    }
}
