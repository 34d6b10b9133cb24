package fr.preuve.indexer.source;

import fr.preuve.core.config.Environment;
import fr.preuve.indexer.fetch.DownloadCache;
import fr.preuve.indexer.fetch.FetchOutcome;
import fr.preuve.indexer.fetch.FetchPolicy;
import fr.preuve.indexer.fetch.Fetcher;
import fr.preuve.indexer.fetch.HttpFetcher;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a source needs besides its declaration: the directory relative paths are resolved against, the corpus cache
 * directory (raw downloads), the environment (secrets such as {@code NCBI_API_KEY}) and how to open a
 * {@link Fetcher} for a policy. Tests pass a fetcher factory that records waits instead of sleeping.
 *
 * @param baseDir     the corpus file's directory
 * @param cacheDir    {@code <index dir>.meta/sources}; null when the caller reads local files only
 * @param environment environment variables
 * @param fetchers    opens a fetcher with a policy over a download cache
 */
public record SourceContext(Path baseDir, Path cacheDir, Environment environment, Fetchers fetchers) {

    /** Opens a {@link Fetcher} following {@code policy} and storing bodies in {@code cache}. */
    @FunctionalInterface
    public interface Fetchers {
        Fetcher open(FetchPolicy policy, DownloadCache cache);

        /** Real HTTP. */
        static Fetchers http() {
            return HttpFetcher::new;
        }
    }

    public SourceContext {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(fetchers, "fetchers");
    }

    /** For local files only: a network source opened with it reports every download as failed. */
    public static SourceContext local(Path baseDir) {
        return new SourceContext(baseDir, null, Environment.system(),
                (policy, cache) -> request -> new FetchOutcome.Failed(request.uri(), 0,
                        "network sources need a cache directory (run them through the indexer)"));
    }

    /** Real HTTP, downloads under {@code cacheDir}. */
    public static SourceContext of(Path baseDir, Path cacheDir) {
        return new SourceContext(baseDir, Objects.requireNonNull(cacheDir, "cacheDir"), Environment.system(), Fetchers.http());
    }

    /** Resolves a declared path against {@link #baseDir()}. */
    public Path resolve(String path) {
        return baseDir.resolve(path);
    }

    /** The download cache shared by the corpus's sources ({@code <cacheDir>/downloads}). */
    public DownloadCache downloads() {
        return new DownloadCache(requireCache().resolve("downloads"));
    }

    /** A fetcher following {@code policy}, over {@link #downloads()}. */
    public Fetcher fetcher(FetchPolicy policy) {
        return fetchers.open(policy, cacheDir == null ? null : downloads());
    }

    private Path requireCache() {
        if (cacheDir == null) {
            throw new IllegalStateException("this source needs a cache directory: open it with SourceContext.of(...)");
        }
        return cacheDir;
    }
}
