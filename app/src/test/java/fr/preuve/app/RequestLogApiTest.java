package fr.preuve.app;

import static fr.preuve.app.MetricsApiTest.QUERY_MARK;
import static fr.preuve.app.MetricsApiTest.QUESTION_MARK;
import static fr.preuve.app.MetricsApiTest.RAW_ID;
import static fr.preuve.app.MetricsApiTest.enc;
import static fr.preuve.app.MetricsApiTest.get;
import static fr.preuve.app.MetricsApiTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.LogSettings;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.server.auth.Security;
import fr.preuve.server.http.ApiServer;
import fr.preuve.server.http.Backend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request log of a real server: one JSON object per line in the declared file, with the route template, status,
 * time and the answer's id, mode and outcome as the client received them; routine polls left out; never the question,
 * the query or a raw id. In the default text format, one line per request among the diagnostic messages.
 */
class RequestLogApiTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void jsonLinesCarryTheAnswerIdOutcomeAndTimingsButNeverTheQuestion() throws Exception {
        Path file = tmp.resolve("logs/requests.jsonl");
        JsonNode answer;
        try (RunningServer app = RunningServer.start(tmp.resolve("home"), ApiServerTest.smallCorpus(),
                new LogSettings(LogSettings.Format.JSON, file))) {
            String base = app.base();
            HttpResponse<String> asked = post(base, "/api/ask", "{\"question\": \"Quel est le prix du " + QUESTION_MARK
                    + " sur Mars ?\"}");
            assertThat(asked.statusCode()).isEqualTo(200);
            answer = JSON.readTree(asked.body());
            assertThat(get(base, "/api/status").statusCode()).isEqualTo(200);
            assertThat(get(base, "/health").statusCode()).isEqualTo(200);
            assertThat(get(base, "/api/search?q=" + enc("sel " + QUERY_MARK)).statusCode()).isEqualTo(200);
            assertThat(get(base, "/api/documents/" + RAW_ID).statusCode()).isEqualTo(404);
            assertThat(post(base, "/api/ask", "{}").statusCode()).isEqualTo(400);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(QUESTION_MARK).doesNotContain("Mars").doesNotContain(QUERY_MARK)
                .doesNotContain(RAW_ID).doesNotContain("127.0.0.1");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("method").asText() + " " + l.get("route").asText() + " "
                + l.get("status").asInt()).as("the polls of /api/status and /health are left out").containsExactly(
                "POST /api/ask 200", "GET /api/search 200", "GET /api/documents/{id} 404", "POST /api/ask 400");
        JsonNode ask = lines.getFirst();
        assertThat(Instant.parse(ask.get("time").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(ask.get("event").asText()).isEqualTo("request");
        assertThat(ask.get("ms").asDouble()).isPositive();
        JsonNode a = ask.get("answer");
        assertThat(a.get("id").asText()).isEqualTo(answer.get("id").asText());
        assertThat(a.get("mode").asText()).isEqualTo("extractive");
        assertThat(a.get("outcome").asText()).as("the metrics' outcome of the coverage the client got").isEqualTo(
                switch (answer.get("coverage").asText()) {
                    case "full" -> "answered";
                    case "partial" -> "partial";
                    default -> "abstained";
                });
        assertThat(a.get("endpoint").asText()).isEqualTo("local");
        assertThat(a.get("corpusVersion").asText()).isEqualTo(answer.get("corpusVersion").asText());
        assertThat(a.get("retrievalMs").asDouble())
                .isCloseTo(answer.get("timings").get("retrievalMs").asDouble(), org.assertj.core.data.Offset.offset(0.051));
        assertThat(a.get("passages").asInt()).isEqualTo(answer.get("passages").size());
        assertThat(a.get("energyWh").asDouble()).isEqualTo(answer.get("footprint").get("energyWh").asDouble());
        assertThat(a.get("tokensSent").asLong()).isZero();
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l.has("answer")).isFalse());
    }

    @Test
    void aServerErrorsLineCarriesTheReferenceTheClientWasShown() throws Exception {
        Path file = tmp.resolve("logs/errors.jsonl");
        try (RunningServer app = RunningServer.start(tmp.resolve("home"), ApiServerTest.smallCorpus(),
                LogSettings.defaults())) {
            PreuveConfig logging = app.config().withLog(new LogSettings(LogSettings.Format.JSON, file));
            Backend failing = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(),
                    new Class<?>[] {Backend.class}, (proxy, method, args) -> {
                        if (method.getName().equals("ask")) {
                            throw new IllegalStateException("a bug while answering");
                        }
                        if (method.getName().equals("config")) {
                            return logging;
                        }
                        try {
                            return method.invoke(app.runtime(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            try (ApiServer server = new ApiServer(failing, Security.of(logging, app.runtime().clock()))) {
                String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
                HttpResponse<String> failed = post(base, "/api/ask", "{\"question\": \"Quel est le prix du "
                        + QUESTION_MARK + " ?\"}");
                assertThat(failed.statusCode()).isEqualTo(500);
                String ref = JSON.readTree(failed.body()).get("error").asText()
                        .replaceAll(".*\\(ref ([0-9a-f]+)\\).*", "$1");
                assertThat(ref).hasSize(8);
                JsonNode line = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8).strip());
                assertThat(line.get("status").asInt()).isEqualTo(500);
                assertThat(line.get("route").asText()).isEqualTo("/api/ask");
                assertThat(line.get("errorRef").asText()).isEqualTo(ref);
                assertThat(line.has("answer")).isFalse();
                assertThat(line.toString()).doesNotContain(QUESTION_MARK).doesNotContain("a bug while answering");
            }
        }
    }

    @Test
    void theDefaultIsOnePlainLinePerRequestAmongTheDiagnostics() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String id;
        try (RunningServer app = RunningServer.start(tmp.resolve("home"), ApiServerTest.smallCorpus(),
                LogSettings.defaults())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> asked = post(app.base(), "/api/ask", "{\"question\": \"Quel est le prix du "
                        + QUESTION_MARK + " sur Mars ?\"}");
                id = JSON.readTree(asked.body()).get("id").asText();
                assertThat(get(app.base(), "/api/status").statusCode()).isEqualTo(200);
            } finally {
                System.setErr(err);
            }
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("RequestLog - POST /api/ask 200 [0-9.]+ ms answer " + id + " extractive ")
                .doesNotContain(QUESTION_MARK).doesNotContain("/api/status");
    }
}
