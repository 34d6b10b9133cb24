package fr.preuve.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds {@link PreuveConfig}: defaults, then the YAML file ({@code --config}, {@code PREUVE_CONFIG}, or
 * {@code $PREUVE_HOME/preuve.yaml} when it exists), then environment variables, which win:
 * {@code PREUVE_HOME}, {@code PREUVE_PORT}, {@code PREUVE_HOST}, {@code PREUVE_CORPUS}, and for the generative model
 * {@code PREUVE_LLM_PROVIDER}, {@code PREUVE_LLM_NAME}, {@code PREUVE_LLM_BASE_URL}, {@code PREUVE_LLM_MODEL},
 * {@code PREUVE_LLM_API_KEY}, {@code PREUVE_LLM_HDS}, {@code PREUVE_LLM_TIMEOUT_SECONDS}, {@code PREUVE_LLM_PATIENT_DATA}, {@code PREUVE_LLM_JUDGE},
 * for the audit trail {@code PREUVE_AUDIT_URL} and {@code PREUVE_AUDIT_KEY} (the key only from the environment),
 * and for authentication {@code PREUVE_AUTH}, {@code PREUVE_AUTH_TRUSTED_HEADER}, {@code PREUVE_AUTH_ROLE_HEADER} and
 * {@code PREUVE_AUTH_TRUSTED_PROXIES}, and for the request log {@code PREUVE_LOG_REQUESTS} and {@code PREUVE_LOG_FILE}.
 */
public final class ConfigLoader {

    /** The YAML file's shape; every field optional. */
    public record FileConfig(String home, String host, Integer port, String corpus, SearchFile search,
                             AnswerFile answer, LlmFile llm, AuditFile audit, AuthFile auth, LogFile log) {
    }

    /** Optional overrides of {@link LogSettings}. */
    public record LogFile(String requests, String file) {
    }

    /** Optional overrides of {@link AuthSettings}. */
    public record AuthFile(String mode, String trustedHeader, String roleHeader, java.util.List<String> trustedProxies) {
    }

    /** Optional overrides of {@link AuditSettings}; the key is read from {@code PREUVE_AUDIT_KEY} only. */
    public record AuditFile(String url) {
    }

    /** Optional overrides of {@link LlmSettings}; the API key is better left to {@code PREUVE_LLM_API_KEY}. */
    public record LlmFile(String provider, String name, String baseUrl, String model, String apiKey, Boolean hds,
                          Integer timeoutSeconds, Integer maxTokens, Double temperature, String unsupported,
                          Integer circuitFailures, Integer circuitOpenSeconds, String patientData, String judge) {
    }

    /** Optional overrides of {@link SearchSettings}. */
    public record SearchFile(Integer k, Integer candidates, Integer rrfK, Double bm25Weight, Double vectorWeight,
                             Integer maxPerDocument) {
    }

    /** Optional overrides of {@link AnswerSettings}. */
    public record AnswerFile(Integer passages, Integer minSentences, Integer maxSentences, Integer maxQuestionChars,
                             Double wattsPerCore, Double whPer1kTokens) {
    }

    private final Environment env;
    private final Path userHome;

    public ConfigLoader(Environment env, Path userHome) {
        this.env = env;
        this.userHome = userHome;
    }

    public static ConfigLoader system() {
        return new ConfigLoader(Environment.system(), Path.of(System.getProperty("user.home")));
    }

    /** Loads the configuration; {@code explicitFile} may be null. */
    public PreuveConfig load(Path explicitFile) {
        Path file = explicitFile;
        if (file == null && notBlank(env.get("PREUVE_CONFIG"))) {
            file = Path.of(env.get("PREUVE_CONFIG"));
        }
        String envHome = env.get("PREUVE_HOME");
        if (file == null) {
            Path home = notBlank(envHome) ? expand(envHome) : userHome.resolve(Defaults.HOME_DIR);
            Path candidate = home.resolve("preuve.yaml");
            if (Files.isRegularFile(candidate)) {
                file = candidate;
            }
        }
        FileConfig fc = file == null ? new FileConfig(null, null, null, null, null, null, null, null, null, null) : Yaml.read(file, FileConfig.class);
        String where = file == null ? "defaults" : file.toString();
        try {
            Path home = notBlank(envHome) ? expand(envHome)
                    : fc.home() != null ? expand(fc.home()) : userHome.resolve(Defaults.HOME_DIR);
            String host = firstNonBlank(env.get("PREUVE_HOST"), fc.host(), Defaults.HOST);
            int port = notBlank(env.get("PREUVE_PORT")) ? parsePort(env.get("PREUVE_PORT"))
                    : fc.port() != null ? fc.port() : Defaults.PORT;
            Path corpus = Path.of(firstNonBlank(env.get("PREUVE_CORPUS"), fc.corpus(), Defaults.CORPUS_CONFIG));
            return new PreuveConfig(home.toAbsolutePath().normalize(), host, port, corpus, search(fc.search()),
                    answer(fc.answer()), llm(fc.llm()), audit(fc.audit()), auth(fc.auth()), log(fc.log()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
    }

    private static SearchSettings search(SearchFile f) {
        SearchSettings d = SearchSettings.defaults();
        if (f == null) {
            return d;
        }
        return new SearchSettings(or(f.k(), d.k()), or(f.candidates(), d.candidates()), or(f.rrfK(), d.rrfK()),
                or(f.bm25Weight(), d.bm25Weight()), or(f.vectorWeight(), d.vectorWeight()),
                or(f.maxPerDocument(), d.maxPerDocument()));
    }

    private static AnswerSettings answer(AnswerFile f) {
        AnswerSettings d = AnswerSettings.defaults();
        if (f == null) {
            return d;
        }
        return new AnswerSettings(or(f.passages(), d.passages()), or(f.minSentences(), d.minSentences()),
                or(f.maxSentences(), d.maxSentences()), or(f.maxQuestionChars(), d.maxQuestionChars()),
                new EnergySettings(or(f.wattsPerCore(), d.energy().wattsPerCore()),
                        or(f.whPer1kTokens(), d.energy().whPer1kTokens())));
    }

    private LlmSettings llm(LlmFile f) {
        LlmSettings d = LlmSettings.none();
        LlmFile file = f != null ? f : new LlmFile(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        String provider = firstNonBlank(env.get("PREUVE_LLM_PROVIDER"), file.provider(), d.provider().key());
        String hds = firstNonBlank(env.get("PREUVE_LLM_HDS"), file.hds() == null ? null : file.hds().toString(), "false");
        String timeout = firstNonBlank(env.get("PREUVE_LLM_TIMEOUT_SECONDS"),
                file.timeoutSeconds() == null ? null : file.timeoutSeconds().toString(), Long.toString(d.timeout().toSeconds()));
        return new LlmSettings(LlmSettings.Provider.parse(provider),
                firstNonBlank(env.get("PREUVE_LLM_NAME"), file.name()),
                firstNonBlank(env.get("PREUVE_LLM_BASE_URL"), file.baseUrl()),
                firstNonBlank(env.get("PREUVE_LLM_MODEL"), file.model()),
                firstNonBlank(env.get("PREUVE_LLM_API_KEY"), file.apiKey()),
                parseBoolean("PREUVE_LLM_HDS / llm.hds", hds),
                java.time.Duration.ofSeconds(parseInt("PREUVE_LLM_TIMEOUT_SECONDS / llm.timeoutSeconds", timeout)),
                or(file.maxTokens(), d.maxTokens()), or(file.temperature(), d.temperature()),
                file.unsupported() == null ? d.unsupported() : LlmSettings.UnsupportedPolicy.parse(file.unsupported()),
                or(file.circuitFailures(), d.circuitFailures()),
                file.circuitOpenSeconds() == null ? d.circuitOpen() : java.time.Duration.ofSeconds(file.circuitOpenSeconds()),
                LlmSettings.PatientDataPolicy.parse(firstNonBlank(env.get("PREUVE_LLM_PATIENT_DATA"), file.patientData(),
                        d.patientData().key())),
                judge(firstNonBlank(env.get("PREUVE_LLM_JUDGE"), file.judge())));
    }

    private static fr.preuve.core.verify.JudgeSpec judge(String value) {
        try {
            return fr.preuve.core.verify.JudgeSpec.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PREUVE_LLM_JUDGE / llm.judge: " + e.getMessage(), e);
        }
    }

    private AuditSettings audit(AuditFile f) {
        return new AuditSettings(firstNonBlank(env.get("PREUVE_AUDIT_URL"), f == null ? null : f.url()),
                env.get("PREUVE_AUDIT_KEY"));
    }

    private LogSettings log(LogFile f) {
        String requests = firstNonBlank(env.get("PREUVE_LOG_REQUESTS"), f == null ? null : f.requests(),
                LogSettings.defaults().requests().key());
        String file = firstNonBlank(env.get("PREUVE_LOG_FILE"), f == null ? null : f.file());
        return new LogSettings(LogSettings.Format.parse(requests.strip().toLowerCase(Locale.ROOT)),
                file == null ? null : expand(file));
    }

    private AuthSettings auth(AuthFile f) {
        AuthFile file = f != null ? f : new AuthFile(null, null, null, null);
        String proxies = env.get("PREUVE_AUTH_TRUSTED_PROXIES");
        return new AuthSettings(
                AuthSettings.Mode.parse(firstNonBlank(env.get("PREUVE_AUTH"), file.mode(), AuthSettings.Mode.NONE.key())),
                firstNonBlank(env.get("PREUVE_AUTH_TRUSTED_HEADER"), file.trustedHeader()),
                firstNonBlank(env.get("PREUVE_AUTH_ROLE_HEADER"), file.roleHeader()),
                notBlank(proxies) ? java.util.List.of(proxies.split(",")) : file.trustedProxies(), false);
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "oui" -> true;
            case "false", "no", "0", "non" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    static int parsePort(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PREUVE_PORT must be a number between 0 and 65535, got '" + value + "'");
        }
    }

    private Path expand(String p) {
        String s = p.trim();
        if (s.equals("~") || s.startsWith("~/")) {
            return userHome.resolve(s.substring(Math.min(2, s.length())));
        }
        return Path.of(s);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (notBlank(v)) {
                return v.trim();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ConfigLoader[userHome=%s]", userHome);
    }
}
