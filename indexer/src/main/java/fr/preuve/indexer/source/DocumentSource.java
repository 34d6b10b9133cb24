package fr.preuve.indexer.source;

import java.util.function.Consumer;

/**
 * One declared source of documents (a PubMedQA file, a WHO PDF, a HAS API answer...). Reading never throws for bad
 * content: each malformed item, or an unreadable file, is reported as {@link ReadOutcome.Failed} and reading goes on.
 */
@FunctionalInterface
public interface DocumentSource {

    /** Reads every item, in a stable order, handing each outcome to {@code sink}. */
    void read(Consumer<ReadOutcome> sink);
}
