package fr.preuve.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.config.LlmSettings.Provider;
import fr.preuve.core.llm.ScriptedLlmServer.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The real LangChain4j clients against a scripted server on loopback speaking each real protocol. */
class LangChain4jGatewayTest {

    static final String REPLY = "Adults should eat less than 5 g of salt per day [1]. Free sugars should stay under 10% "
            + "of total energy intake [2].";
    static final Prompt PROMPT = new Prompt("Answer from the passages only.", "Question: how much salt?", "test");

    static ScriptedLlmServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ScriptedLlmServer(r -> ScriptedLlmServer.text(REPLY));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static LlmSettings settings(Provider provider, Duration timeout) {
        String base = provider == Provider.OLLAMA ? server.ollamaBaseUrl() : server.openAiBaseUrl();
        return new LlmSettings(provider, "scripted", base, "test-model", "secret-key", false, timeout, 300, 0.0,
                LlmSettings.UnsupportedPolicy.REMOVE, 3, Duration.ofSeconds(30), LlmSettings.PatientDataPolicy.REFUSE, fr.preuve.core.verify.JudgeSpec.DEFAULT);
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"OPENAI", "OLLAMA", "MISTRAL"})
    void streamsTheReplyOverEachProtocol(Provider provider) {
        server.script(r -> ScriptedLlmServer.text(REPLY));
        int before = server.requests().size();
        ScriptedLlmServer.Tokens tokens = new ScriptedLlmServer.Tokens();

        String reply = LangChain4jGateway.of(settings(provider, Duration.ofSeconds(10))).chat(PROMPT, tokens);

        assertThat(reply).isEqualTo(REPLY);
        assertThat(tokens.pieces()).hasSizeGreaterThan(5);
        assertThat(tokens.text()).isEqualTo(REPLY);
        ScriptedLlmServer.Request req = server.requests().get(before);
        assertThat(req.streaming()).isTrue();
        assertThat(req.body().path("model").asText()).isEqualTo("test-model");
        assertThat(req.prompt()).contains("Answer from the passages only.").contains("Question: how much salt?");
        double temperature = provider == Provider.OLLAMA ? req.body().path("options").path("temperature").asDouble(-1)
                : req.body().path("temperature").asDouble(-1);
        assertThat(temperature).isZero();
    }

    @Test
    void aSlowEndpointFailsAtTheDeadlineNotLater() {
        server.script(r -> ScriptedLlmServer.slow(REPLY, Duration.ofSeconds(5)));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LangChain4jGateway.of(settings(Provider.OPENAI, Duration.ofSeconds(1))).chat(PROMPT, s -> { }))
                .isInstanceOfSatisfying(LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.TIMEOUT));
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(3.0);
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"OPENAI", "OLLAMA"})
    void aServerErrorIsReportedWithItsStatus(Provider provider) {
        server.script(r -> new Reply.Status(503, "model is loading"));
        assertThatThrownBy(() -> LangChain4jGateway.of(settings(provider, Duration.ofSeconds(5))).chat(PROMPT, s -> { }))
                .isInstanceOfSatisfying(LlmFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(LlmFailure.Kind.HTTP_ERROR);
                    assertThat(f.getMessage()).contains("503");
                });
    }

    @Test
    void anEmptyReplyIsAFailure() {
        server.script(r -> ScriptedLlmServer.text(""));
        assertThatThrownBy(() -> LangChain4jGateway.of(settings(Provider.OPENAI, Duration.ofSeconds(5))).chat(PROMPT, s -> { }))
                .isInstanceOfSatisfying(LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.EMPTY));
    }

    @Test
    void garbageInsteadOfTheProtocolIsAFailureNotAHang() {
        server.script(r -> new Reply.Garbage("<html><body>502 Bad Gateway</body></html>"));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> LangChain4jGateway.of(settings(Provider.OPENAI, Duration.ofSeconds(3))).chat(PROMPT, s -> { }))
                .isInstanceOf(LlmFailure.class);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(4.0);
    }

    @Test
    void aStreamCutInTheMiddleIsAFailure() {
        server.script(r -> new Reply.Broken(REPLY));
        assertThatThrownBy(() -> LangChain4jGateway.of(settings(Provider.OPENAI, Duration.ofSeconds(3))).chat(PROMPT, s -> { }))
                .isInstanceOf(LlmFailure.class);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCallingTheEndpoint() throws Exception {
        server.script(r -> new Reply.Status(500, "boom"));
        ChatGateway gateway = new CircuitBreakingGateway(LangChain4jGateway.of(settings(Provider.OPENAI, Duration.ofSeconds(3))),
                2, Duration.ofMillis(1_500)); // open long enough that a loaded machine reaches the third call in it
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> gateway.chat(PROMPT, s -> { }))
                    .isInstanceOfSatisfying(LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.HTTP_ERROR));
        }
        int calls = server.requests().size();
        assertThatThrownBy(() -> gateway.chat(PROMPT, s -> { }))
                .isInstanceOfSatisfying(LlmFailure.class, f -> assertThat(f.kind()).isEqualTo(LlmFailure.Kind.CIRCUIT_OPEN));
        assertThat(server.requests()).hasSize(calls);

        server.script(r -> ScriptedLlmServer.text(REPLY));
        Thread.sleep(1_700);
        assertThat(gateway.chat(PROMPT, s -> { })).isEqualTo(REPLY);
    }

    @Test
    void settingsNeverPrintTheKey() {
        assertThat(settings(Provider.OPENAI, Duration.ofSeconds(5)).toString()).doesNotContain("secret-key").contains("***");
    }
}
