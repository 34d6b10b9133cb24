package fr.preuve.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The whole runtime configuration, built by {@link ConfigLoader} from defaults, an optional YAML file and the
 * environment (the environment wins).
 *
 * @param home         where indexes, caches and databases live ({@code PREUVE_HOME})
 * @param host         interface the server binds to
 * @param port         HTTP port ({@code PREUVE_PORT})
 * @param corpusConfig the corpus declaration to serve and index ({@code PREUVE_CORPUS})
 * @param search       hybrid search settings
 * @param answer       answer settings
 * @param llm          the generative model, if any ({@link LlmSettings#none()} otherwise)
 */
public record PreuveConfig(Path home, String host, int port, Path corpusConfig, SearchSettings search,
                           AnswerSettings answer, LlmSettings llm) {
    public PreuveConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(corpusConfig, "corpusConfig");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(llm, "llm");
        Check.range("port", port, 0, 65_535);
    }

    /** Directory of the index of the corpus named {@code corpusName}. */
    public Path indexDir(String corpusName) {
        return home.resolve("indexes").resolve(corpusName);
    }

    /** Raw downloads and resume files of the corpus named {@code corpusName}. */
    public Path cacheDir(String corpusName) {
        return home.resolve(Defaults.CACHE_DIR).resolve(corpusName);
    }

    public PreuveConfig withPort(int newPort) {
        return new PreuveConfig(home, host, newPort, corpusConfig, search, answer, llm);
    }

    public PreuveConfig withHome(Path newHome) {
        return new PreuveConfig(newHome, host, port, corpusConfig, search, answer, llm);
    }

    public PreuveConfig withLlm(LlmSettings newLlm) {
        return new PreuveConfig(home, host, port, corpusConfig, search, answer, newLlm);
    }

    public PreuveConfig withCorpusConfig(Path newCorpus) {
        return new PreuveConfig(home, host, port, newCorpus, search, answer, llm);
    }
}
