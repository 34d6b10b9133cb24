package fr.preuve.core.config;

import fr.preuve.core.verify.JudgeSpec;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The generative model Preuve may call, and how its answers are policed. With provider {@code none} (the default)
 * answers are extractive and nothing leaves the process.
 *
 * @param provider            which protocol the endpoint speaks
 * @param name                a label shown with every answer (e.g. {@code "vllm-chu"}); defaults to the host
 * @param baseUrl             endpoint base URL ({@code http://localhost:8000/v1} for vLLM, {@code http://localhost:11434}
 *                            for Ollama); null for Mistral's public API
 * @param model               model name as the endpoint knows it
 * @param apiKey              bearer key, if the endpoint needs one (never printed)
 * @param healthDataApproved  whether the endpoint is approved to host health data (HDS)
 * @param timeout             deadline of one generation, from request to last token
 * @param maxTokens           most tokens the model may write
 * @param temperature         sampling temperature (0: the most deterministic)
 * @param unsupported         what happens to sentences that fail verification
 * @param circuitFailures     consecutive failures after which calls stop for {@code circuitOpen}
 * @param circuitOpen         how long a failing endpoint is left alone
 * @param patientData         what happens to a question with identifying patient data when the endpoint is not
 *                            approved for health data
 * @param judge               the support judge generated sentences must pass, after the deterministic checks:
 *                            {@code default} (embeddings and shared words, in process), {@code trained} (the
 *                            trained judge: stricter, see {@code docs/eval.md}), {@code llm} (this endpoint asked
 *                            sentence by sentence) or {@code nli:<directory>} (an NLI cross-encoder exported to ONNX)
 */
public record LlmSettings(Provider provider, String name, String baseUrl, String model, String apiKey,
                          boolean healthDataApproved, Duration timeout, int maxTokens, double temperature,
                          UnsupportedPolicy unsupported, int circuitFailures, Duration circuitOpen,
                          PatientDataPolicy patientData, JudgeSpec judge) {

    /** For an endpoint not approved for health data: never send identifying data, either way. */
    public enum PatientDataPolicy {
        /** The question is not sent; the answer is extractive, with a notice naming what was found (the default). */
        REFUSE,
        /** Identifying data is replaced by placeholders ([NOM], [NIR]…) before the question is sent. */
        REDACT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static PatientDataPolicy parse(String value) {
            return parseKey(PatientDataPolicy.class, "llm.patientData", value);
        }
    }

    /** Protocols Preuve speaks. */
    public enum Provider {
        NONE, OPENAI, OLLAMA, MISTRAL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code openai}, {@code ollama}, {@code mistral} or {@code none}, naming the bad value otherwise. */
        public static Provider parse(String value) {
            return parseKey(Provider.class, "llm.provider", value);
        }
    }

    /** What the delivered answer does with a sentence that fails verification. */
    public enum UnsupportedPolicy {
        /** Removed from the answer text, listed with its verdict and reason (the default). */
        REMOVE,
        /** Kept in the answer text, marked as unverified, with its verdict and reason. */
        FLAG;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static UnsupportedPolicy parse(String value) {
            return parseKey(UnsupportedPolicy.class, "llm.unsupported", value);
        }
    }

    public LlmSettings {
        Objects.requireNonNull(provider, "llm.provider");
        Objects.requireNonNull(timeout, "llm.timeout");
        Objects.requireNonNull(unsupported, "llm.unsupported");
        Objects.requireNonNull(circuitOpen, "llm.circuitOpen");
        Objects.requireNonNull(patientData, "llm.patientData");
        judge = judge == null ? JudgeSpec.DEFAULT : judge;
        if (JudgeSpec.EMBEDDING.equals(judge)) {
            throw new IllegalArgumentException("llm.judge must be default, trained, llm or nli:<model directory>; got '"
                    + judge.key() + "' (the embedding judge alone, without the checks, is for evaluation only)");
        }
        if (provider != Provider.NONE) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("llm.model is required when llm.provider is " + provider.key()
                        + " (set it in the config file or PREUVE_LLM_MODEL)");
            }
            if (baseUrl == null && provider != Provider.MISTRAL) {
                throw new IllegalArgumentException("llm.baseUrl is required when llm.provider is " + provider.key()
                        + " (set it in the config file or PREUVE_LLM_BASE_URL)");
            }
        }
        if (baseUrl != null) {
            URI uri;
            try {
                uri = URI.create(baseUrl.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("llm.baseUrl is not a URL: '" + baseUrl + "'");
            }
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("llm.baseUrl must be an http(s) URL with a host, got '" + baseUrl + "'");
            }
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("llm.timeoutSeconds must be between 1 and 600, got " + timeout.toSeconds());
        }
        Check.range("llm.maxTokens", maxTokens, 16, 32_768);
        Check.range("llm.temperature", temperature, 0, 2);
        Check.range("llm.circuitFailures", circuitFailures, 1, 1_000);
        if (name == null || name.isBlank()) {
            name = provider == Provider.NONE ? "none"
                    : baseUrl == null ? provider.key() : URI.create(baseUrl.trim()).getHost();
        }
    }

    /** The constant of {@code type} whose lower-case name is {@code value}; the error names the setting and the value. */
    private static <E extends Enum<E>> E parseKey(Class<E> type, String setting, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException(setting + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.joining(", "))
                + "; got '" + value + "'");
    }

    public static LlmSettings none() {
        return new LlmSettings(Provider.NONE, null, null, null, null, false, Duration.ofSeconds(Defaults.LLM_TIMEOUT_SECONDS),
                Defaults.LLM_MAX_TOKENS, Defaults.LLM_TEMPERATURE, UnsupportedPolicy.REMOVE, Defaults.LLM_CIRCUIT_FAILURES,
                Duration.ofSeconds(Defaults.LLM_CIRCUIT_OPEN_SECONDS), PatientDataPolicy.REFUSE, JudgeSpec.DEFAULT);
    }

    public boolean enabled() {
        return provider != Provider.NONE;
    }

    /** Never prints the API key. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LlmSettings[provider=%s, name=%s, baseUrl=%s, model=%s, apiKey=%s, hds=%s, "
                        + "timeout=%ss, maxTokens=%d, temperature=%s, unsupported=%s, patientData=%s, judge=%s]", provider.key(), name, baseUrl, model,
                apiKey == null ? "none" : "***", healthDataApproved, timeout.toSeconds(), maxTokens, temperature,
                unsupported.key(), patientData.key(), judge.key());
    }
}
