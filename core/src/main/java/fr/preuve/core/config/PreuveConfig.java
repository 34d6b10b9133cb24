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
 * @param audit        where the audit trail goes and its fingerprint key
 * @param auth         who may use the HTTP server
 * @param log          how the server logs each request
 */
public record PreuveConfig(Path home, String host, int port, Path corpusConfig, SearchSettings search,
                           AnswerSettings answer, LlmSettings llm, AuditSettings audit, AuthSettings auth,
                           LogSettings log) {
    public PreuveConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(corpusConfig, "corpusConfig");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(log, "log");
        Check.range("port", port, 0, 65_535);
    }

    /** With plain request lines among the diagnostic messages. */
    public PreuveConfig(Path home, String host, int port, Path corpusConfig, SearchSettings search,
                        AnswerSettings answer, LlmSettings llm, AuditSettings audit, AuthSettings auth) {
        this(home, host, port, corpusConfig, search, answer, llm, audit, auth, LogSettings.defaults());
    }

    /** Without authentication (loopback only). */
    public PreuveConfig(Path home, String host, int port, Path corpusConfig, SearchSettings search,
                        AnswerSettings answer, LlmSettings llm, AuditSettings audit) {
        this(home, host, port, corpusConfig, search, answer, llm, audit, AuthSettings.none());
    }

    /** With the default audit settings (a SQLite file and a key file in {@code home}) and no authentication. */
    public PreuveConfig(Path home, String host, int port, Path corpusConfig, SearchSettings search,
                        AnswerSettings answer, LlmSettings llm) {
        this(home, host, port, corpusConfig, search, answer, llm, AuditSettings.defaults());
    }

    /** The API tokens' file ({@code preuve token}): hashes only, readable by its owner only. */
    public Path tokensFile() {
        return home.resolve(Defaults.TOKENS_FILE);
    }

    /** JDBC URL of the audit database: {@code audit.url}, else the SQLite file {@code audit.db} in {@code home}. */
    public String auditUrl() {
        return audit.url() != null ? audit.url() : "jdbc:sqlite:" + home.resolve(Defaults.AUDIT_DB_FILE);
    }

    /** The generated fingerprint key's file, used when {@code PREUVE_AUDIT_KEY} is not set. */
    public Path auditKeyFile() {
        return home.resolve(Defaults.AUDIT_KEY_FILE);
    }

    /**
     * The default directory of the index named {@code corpusName}, {@code <home>/indexes/<name>}. A declared corpus may
     * put its index elsewhere: find a corpus's index with {@code CorpusConfig.indexDir(PreuveConfig)}.
     */
    public Path indexDir(String corpusName) {
        return home.resolve("indexes").resolve(corpusName);
    }

    public PreuveConfig withPort(int newPort) {
        return new PreuveConfig(home, host, newPort, corpusConfig, search, answer, llm, audit, auth, log);
    }

    public PreuveConfig withHome(Path newHome) {
        return new PreuveConfig(newHome, host, port, corpusConfig, search, answer, llm, audit, auth, log);
    }

    public PreuveConfig withLlm(LlmSettings newLlm) {
        return new PreuveConfig(home, host, port, corpusConfig, search, answer, newLlm, audit, auth, log);
    }

    public PreuveConfig withCorpusConfig(Path newCorpus) {
        return new PreuveConfig(home, host, port, newCorpus, search, answer, llm, audit, auth, log);
    }

    public PreuveConfig withAuth(AuthSettings newAuth) {
        return new PreuveConfig(home, host, port, corpusConfig, search, answer, llm, audit, newAuth, log);
    }

    public PreuveConfig withHost(String newHost) {
        return new PreuveConfig(home, newHost, port, corpusConfig, search, answer, llm, audit, auth, log);
    }

    public PreuveConfig withAudit(AuditSettings newAudit) {
        return new PreuveConfig(home, host, port, corpusConfig, search, answer, llm, newAudit, auth, log);
    }

    public PreuveConfig withLog(LogSettings newLog) {
        return new PreuveConfig(home, host, port, corpusConfig, search, answer, llm, audit, auth, newLog);
    }
}
