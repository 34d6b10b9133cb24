package fr.preuve.indexer.fetch;

/**
 * Downloads one resource. Expected failures (a 404, a refused host, a robots.txt rule, a body too large, retries
 * exhausted) are {@link FetchOutcome.Failed}, never exceptions, so a source reports them and goes on.
 */
@FunctionalInterface
public interface Fetcher {

    FetchOutcome fetch(FetchRequest request);
}
