package fr.preuve.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    private PreuveConfig load(Map<String, String> env, Path file) {
        return new ConfigLoader(Environment.of(env), tmp.resolve("user")).load(file);
    }

    @Test
    void defaultsWithoutFileOrEnvironment() {
        PreuveConfig c = load(Map.of(), null);
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.home()).isEqualTo(tmp.resolve("user/.preuve"));
        assertThat(c.corpusConfig()).hasToString("corpus-config/demo.yaml");
        assertThat(c.search()).isEqualTo(SearchSettings.defaults());
        assertThat(c.indexDir("demo")).isEqualTo(tmp.resolve("user/.preuve/indexes/demo"));
        assertThat(c.host()).as("loopback only by default").isEqualTo("127.0.0.1");
        assertThat(c.auth()).isEqualTo(AuthSettings.none());
    }

    @Test
    void authenticationFromTheFileAndTheEnvironment() throws Exception {
        Path file = tmp.resolve("preuve.yaml");
        Files.writeString(file, """
                host: 0.0.0.0
                auth:
                  mode: trusted-header
                  trustedHeader: X-Remote-User
                  roleHeader: X-Remote-Role
                  trustedProxies: [10.0.0.1]
                """);
        PreuveConfig proxied = load(Map.of(), file);
        assertThat(proxied.auth().mode()).isEqualTo(AuthSettings.Mode.TRUSTED_HEADER);
        assertThat(proxied.auth().trustedProxies()).containsExactly("10.0.0.1");
        assertThat(load(Map.of("PREUVE_AUTH", "tokens"), file).auth().mode()).isEqualTo(AuthSettings.Mode.TOKENS);
        assertThat(load(Map.of("PREUVE_AUTH_TRUSTED_PROXIES", "10.0.0.2, 10.0.0.3"), file).auth().trustedProxies())
                .containsExactly("10.0.0.2", "10.0.0.3");
        Files.writeString(file, "auth:\n  mode: trusted-header\n");
        assertThatThrownBy(() -> load(Map.of(), file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.trustedHeader").hasMessageContaining("PREUVE_AUTH_TRUSTED_HEADER");
        assertThatThrownBy(() -> load(Map.of("PREUVE_AUTH", "ldap"), null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ldap");
    }

    @Test
    void environmentWinsOverTheFile() throws Exception {
        Path file = tmp.resolve("preuve.yaml");
        Files.writeString(file, """
                port: 8080
                home: /srv/preuve
                search:
                  k: 5
                  bm25Weight: 0.5
                answer:
                  maxSentences: 4
                """);
        PreuveConfig fromFile = load(Map.of(), file);
        assertThat(fromFile.port()).isEqualTo(8080);
        assertThat(fromFile.home()).isEqualTo(Path.of("/srv/preuve"));
        assertThat(fromFile.search().k()).isEqualTo(5);
        assertThat(fromFile.search().bm25Weight()).isEqualTo(0.5);
        assertThat(fromFile.search().vectorWeight()).isEqualTo(Defaults.VECTOR_WEIGHT);
        assertThat(fromFile.answer().maxSentences()).isEqualTo(4);

        PreuveConfig env = load(Map.of("PREUVE_PORT", "9090", "PREUVE_HOME", tmp.resolve("h").toString()), file);
        assertThat(env.port()).isEqualTo(9090);
        assertThat(env.home()).isEqualTo(tmp.resolve("h"));
        assertThat(env.search().k()).isEqualTo(5);
    }

    @Test
    void theRequestLogIsPlainByDefaultJsonToAFileOnRequestAndTheEnvironmentWins() throws Exception {
        assertThat(load(Map.of(), null).log()).isEqualTo(LogSettings.defaults());
        assertThat(LogSettings.defaults().requests()).isEqualTo(LogSettings.Format.TEXT);
        Path file = tmp.resolve("preuve.yaml");
        Files.writeString(file, """
                log:
                  requests: json
                  file: logs/requests.jsonl
                """);
        LogSettings fromFile = load(Map.of(), file).log();
        assertThat(fromFile.requests()).isEqualTo(LogSettings.Format.JSON);
        assertThat(fromFile.file()).isNotNull().hasFileName("requests.jsonl");
        assertThat(load(Map.of("PREUVE_LOG_REQUESTS", "OFF", "PREUVE_LOG_FILE", " "), null).log())
                .isEqualTo(new LogSettings(LogSettings.Format.OFF, null));
        assertThatThrownBy(() -> load(Map.of("PREUVE_LOG_REQUESTS", "xml"), null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("request log format").hasMessageContaining("'xml'")
                .hasMessageContaining("text, json, off");
        assertThatThrownBy(() -> load(Map.of("PREUVE_LOG_FILE", "/tmp/r.jsonl"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("log.requests to json");
    }

    @Test
    void withoutAModelAnswersStayExtractive() {
        assertThat(load(Map.of(), null).llm().enabled()).isFalse();
    }

    @Test
    void theModelIsConfiguredInTheFileAndTheEnvironmentWins() throws Exception {
        Path file = tmp.resolve("preuve.yaml");
        Files.writeString(file, """
                llm:
                  provider: ollama
                  baseUrl: http://gpu-server:11434
                  model: mistral-small
                  hds: true
                  unsupported: flag
                """);
        LlmSettings fromFile = load(Map.of(), file).llm();
        assertThat(fromFile.provider()).isEqualTo(LlmSettings.Provider.OLLAMA);
        assertThat(fromFile.name()).isEqualTo("gpu-server");
        assertThat(fromFile.healthDataApproved()).isTrue();
        assertThat(fromFile.unsupported()).isEqualTo(LlmSettings.UnsupportedPolicy.FLAG);
        assertThat(fromFile.temperature()).isZero();

        LlmSettings env = load(Map.of("PREUVE_LLM_PROVIDER", "openai", "PREUVE_LLM_BASE_URL", "http://127.0.0.1:8000/v1",
                "PREUVE_LLM_MODEL", "qwen2.5-7b", "PREUVE_LLM_API_KEY", "sk-123", "PREUVE_LLM_HDS", "false",
                "PREUVE_LLM_TIMEOUT_SECONDS", "20"), file).llm();
        assertThat(env.provider()).isEqualTo(LlmSettings.Provider.OPENAI);
        assertThat(env.model()).isEqualTo("qwen2.5-7b");
        assertThat(env.apiKey()).isEqualTo("sk-123");
        assertThat(env.healthDataApproved()).isFalse();
        assertThat(env.timeout()).hasSeconds(20);
        assertThat(env.toString()).doesNotContain("sk-123");
    }

    @Test
    void aBadModelSettingIsNamed() {
        assertThatThrownBy(() -> load(Map.of("PREUVE_LLM_PROVIDER", "gpt"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'gpt'");
        assertThatThrownBy(() -> load(Map.of("PREUVE_LLM_PROVIDER", "openai", "PREUVE_LLM_MODEL", "m"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PREUVE_LLM_BASE_URL");
        assertThatThrownBy(() -> load(Map.of("PREUVE_LLM_PROVIDER", "openai", "PREUVE_LLM_MODEL", "m",
                "PREUVE_LLM_BASE_URL", "localhost:8000"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'localhost:8000'");
        assertThatThrownBy(() -> load(Map.of("PREUVE_LLM_HDS", "maybe"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'maybe'");
    }

    @Test
    void theFileIsFoundInPreuveHome() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("preuve.yaml"), "port: 7171\n");
        Map<String, String> env = new HashMap<>();
        env.put("PREUVE_HOME", home.toString());
        assertThat(load(env, null).port()).isEqualTo(7171);
    }

    @Test
    void badValuesAreNamed() throws Exception {
        assertThatThrownBy(() -> load(Map.of("PREUVE_PORT", "seventy"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PREUVE_PORT").hasMessageContaining("'seventy'");
        assertThatThrownBy(() -> load(Map.of("PREUVE_PORT", "70000"), null))
                .hasMessageContaining("port must be between 0 and 65535, got 70000");

        Path unknown = tmp.resolve("unknown.yaml");
        Files.writeString(unknown, "port: 7070\nsearch:\n  k: 5\n  colour: blue\n");
        assertThatThrownBy(() -> load(Map.of(), unknown))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(unknown + ":4")
                .hasMessageContaining("search.colour");

        Path wrongType = tmp.resolve("type.yaml");
        Files.writeString(wrongType, "port: lots\n");
        assertThatThrownBy(() -> load(Map.of(), wrongType))
                .hasMessageContaining(wrongType + ":1").hasMessageContaining("'port'");

        Path range = tmp.resolve("range.yaml");
        Files.writeString(range, "search:\n  bm25Weight: 0\n  vectorWeight: 0\n");
        assertThatThrownBy(() -> load(Map.of(), range))
                .hasMessageContaining(range.toString()).hasMessageContaining("both 0");

        assertThatThrownBy(() -> load(Map.of(), tmp.resolve("missing.yaml"))).hasMessageContaining("no such file");
    }
}
