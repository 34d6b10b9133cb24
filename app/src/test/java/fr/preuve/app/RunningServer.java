package fr.preuve.app;

import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.AuthSettings;
import fr.preuve.server.auth.RateLimits;
import fr.preuve.server.auth.Security;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.config.LogSettings;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.embed.EmbedderFactory;
import fr.preuve.core.testing.RunDir;
import fr.preuve.core.testing.TestEmbedders;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.ProgressListener;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.server.http.ApiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Preuve for end-to-end tests: the runtime over an indexed corpus, its HTTP server on a free loopback port, and
 * the server's base URL. Each corpus file is indexed once per test JVM and embedder factory, into the JVM's
 * {@link RunDir}; every server then starts from a copy of that index (with its versions and embedding cache), which
 * its own indexing run finds up to date. The embedders are the real model shared by the JVM's tests
 * ({@link TestEmbedders#factory()}) unless others are given.
 */
public record RunningServer(PreuveConfig config, PreuveRuntime runtime, ApiServer server, String base)
        implements AutoCloseable {

    private static final Map<String, Path> INDEXED = new HashMap<>();

    /** Starts Preuve with its home in {@code home}, over {@code corpus}, answering with {@code llm}. */
    public static RunningServer start(Path home, CorpusConfig corpus, LlmSettings llm) throws Exception {
        return start(home, corpus, llm, TestEmbedders.factory());
    }

    /** {@link #start(Path, CorpusConfig, LlmSettings)} embedding with {@code embedders}. */
    public static RunningServer start(Path home, CorpusConfig corpus, LlmSettings llm, EmbedderFactory embedders)
            throws Exception {
        return start(home, corpus, llm, embedders, AuthSettings.none(), TEST_LIMITS);
    }

    /** Preuve over {@code corpus} without a model, authenticating with {@code auth}, limited by {@code limits}. */
    public static RunningServer start(Path home, CorpusConfig corpus, AuthSettings auth, RateLimits.Settings limits)
            throws Exception {
        return start(home, corpus, LlmSettings.none(), TestEmbedders.factory(), auth, limits);
    }

    /** Preuve over {@code corpus} without a model, logging its requests as {@code log} says. */
    public static RunningServer start(Path home, CorpusConfig corpus, LogSettings log) throws Exception {
        return start(home, corpus, LlmSettings.none(), TestEmbedders.factory(), AuthSettings.none(), TEST_LIMITS, log);
    }

    private static RunningServer start(Path home, CorpusConfig corpus, LlmSettings llm, EmbedderFactory embedders,
                                       AuthSettings auth, RateLimits.Settings limits) throws Exception {
        return start(home, corpus, llm, embedders, auth, limits, LogSettings.defaults());
    }

    private static RunningServer start(Path home, CorpusConfig corpus, LlmSettings llm, EmbedderFactory embedders,
                                       AuthSettings auth, RateLimits.Settings limits, LogSettings log)
            throws Exception {
        PreuveConfig config = new PreuveConfig(home, "127.0.0.1", 0, corpus.file(), SearchSettings.defaults(),
                AnswerSettings.defaults(), llm).withAuth(auth).withLog(log);
        copy(template(corpus, embedders), corpus.indexDir(config).getParent());
        PreuveRuntime runtime = PreuveRuntime.writable(config, corpus, ProgressListener.NONE, embedders);
        try {
            runtime.startIndexing(false).get();
            ApiServer server = new ApiServer(runtime, Security.of(config, runtime.clock()).withLimits(limits));
            return new RunningServer(config, runtime, server, "http://127.0.0.1:" + server.start("127.0.0.1", 0));
        } catch (Exception | Error e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * The HTTP server over {@code runtime}, with its configuration's authentication and rate limits no test class
     * reaches (the limits have their own tests).
     */
    public static ApiServer apiServer(PreuveRuntime runtime) {
        return new ApiServer(runtime, Security.of(runtime.config(), runtime.clock()).withLimits(TEST_LIMITS));
    }

    private static final RateLimits.Settings TEST_LIMITS =
            new RateLimits.Settings(100_000, 100_000, 100_000, 64, java.time.Duration.ofSeconds(60));

    /** The indexes directory of a home where {@code corpus} was indexed by this JVM, built on first use. */
    private static synchronized Path template(CorpusConfig corpus, EmbedderFactory embedders) throws Exception {
        String key = corpus.file() + "|" + embedders.getClass().getName();
        Path done = INDEXED.get(key);
        if (done != null) {
            return done;
        }
        Path home = RunDir.resolve("servers").resolve(corpus.name() + "-" + Integer.toHexString(key.hashCode()));
        delete(home);
        PreuveConfig config = new PreuveConfig(home, "127.0.0.1", 0, corpus.file(), SearchSettings.defaults(),
                AnswerSettings.defaults(), LlmSettings.none());
        try (PreuveRuntime runtime = PreuveRuntime.writable(config, corpus, ProgressListener.NONE, embedders)) {
            runtime.startIndexing(false).get();
        }
        Path indexes = corpus.indexDir(config).getParent();
        INDEXED.put(key, indexes);
        return indexes;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().equals("write.lock")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            runtime.close();
        }
    }
}
