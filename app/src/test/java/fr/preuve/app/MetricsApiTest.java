package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.AuthSettings;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.server.auth.RateLimits;
import fr.preuve.server.auth.Role;
import fr.preuve.server.auth.TokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} and {@code /ready} end to end: a real server, real requests, then a scrape whose counters moved
 * with the right labels and that holds no question, query or raw id; readiness that waits for the audit trail; who
 * may read them with authentication on.
 */
class MetricsApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Words of the question and the query that must never reach a label. */
    static final String QUESTION_MARK = "Zorblaxine";
    static final String QUERY_MARK = "quuxification";
    static final String RAW_ID = "no-such-doc-4711";

    @TempDir
    Path tmp;

    @Test
    void readyWaitsForTheAuditTrailThenTheCountersMoveWithoutAnyQuestionOrId() throws Exception {
        Path home = tmp.resolve("home");
        Path blocker = home.resolve(Defaults.AUDIT_DB_FILE);
        Files.createDirectories(blocker); // a directory where the SQLite file should be: the trail cannot open
        try (RunningServer app = RunningServer.start(home, ApiServerTest.smallCorpus(), LlmSettings.none())) {
            String base = app.base();
            HttpResponse<String> notReady = get(base, "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            JsonNode reasons = JSON.readTree(notReady.body()).get("reasons");
            assertThat(reasons).hasSize(1);
            assertThat(reasons.get(0).asText()).startsWith("audit trail: it cannot be written");
            assertThat(get(base, "/health").statusCode()).as("liveness is unaffected").isEqualTo(200);

            Files.delete(blocker);
            HttpResponse<String> ready = get(base, "/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("ready");

            String ask = "{\"question\": \"Que recommande la HAS pour la vaccination des femmes enceintes contre la "
                    + "Covid-19 ?\", \"filters\": {\"source\": [\"has\"]}}";
            assertThat(post(base, "/api/ask", ask).statusCode()).isEqualTo(200);
            assertThat(post(base, "/api/ask", "{\"question\": \"Quel est le prix du " + QUESTION_MARK
                    + " sur Mars ?\"}").statusCode()).isEqualTo(200);
            assertThat(get(base, "/api/search?q=" + enc("sel " + QUERY_MARK)).statusCode()).isEqualTo(200);
            assertThat(post(base, "/api/search", "{\"q\": \"sucre " + QUERY_MARK + "\"}").statusCode()).isEqualTo(200);
            assertThat(post(base, "/api/ask", "{}").statusCode()).isEqualTo(400);
            assertThat(get(base, "/api/documents/" + RAW_ID).statusCode()).isEqualTo(404);
            assertThat(get(base, "/api/no/such/" + RAW_ID).statusCode()).isEqualTo(404);

            HttpResponse<String> scraped = get(base, "/metrics");
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String m = scraped.body();
            assertThat(m).doesNotContain(QUESTION_MARK).doesNotContain(QUERY_MARK).doesNotContain(RAW_ID)
                    .doesNotContain("Covid").doesNotContain("enceintes").doesNotContain("Mars");

            assertThat(sum(m, "preuve_http_requests_seconds_count", Map.of("route", "/api/ask", "method", "POST",
                    "status", "2xx"))).isEqualTo(2);
            assertThat(sum(m, "preuve_http_requests_seconds_count", Map.of("route", "/api/ask", "status", "4xx")))
                    .isEqualTo(1);
            assertThat(sum(m, "preuve_http_requests_seconds_count", Map.of("route", "/api/search"))).isEqualTo(2);
            assertThat(sum(m, "preuve_http_requests_seconds_count", Map.of("route", "/api/documents/{id}",
                    "status", "4xx"))).isEqualTo(1);
            assertThat(sum(m, "preuve_http_requests_seconds_count", Map.of("route", "unmatched"))).isEqualTo(1);
            assertThat(sum(m, "preuve_http_requests_seconds_count", Map.of("route", "/ready", "status", "5xx")))
                    .isEqualTo(1);
            assertThat(sum(m, "preuve_http_requests_seconds_bucket", Map.of("route", "/api/ask", "status", "2xx",
                    "le", "+Inf"))).isEqualTo(2);

            assertThat(sum(m, "preuve_answers_total", Map.of("mode", "extractive"))).isEqualTo(2);
            assertThat(sum(m, "preuve_answers_total", Map.of("mode", "extractive", "outcome", "answered"))
                    + sum(m, "preuve_answers_total", Map.of("mode", "extractive", "outcome", "partial")))
                    .as("the HAS question is answered").isGreaterThanOrEqualTo(1);
            assertThat(sum(m, "preuve_answer_duration_seconds_count", Map.of("mode", "extractive"))).isEqualTo(2);
            assertThat(m).contains("preuve_answer_unsupported_sentences_total{action=\"removed\",mode=\"extractive\"}");
            assertThat(sum(m, "preuve_answer_cpu_seconds_total", Map.of("mode", "extractive", "phase", "retrieval")))
                    .as("the answering thread's CPU time").isPositive();
            assertThat(sum(m, "preuve_answer_cpu_seconds_total", Map.of("mode", "extractive", "phase", "composition")))
                    .isPositive();
            assertThat(sum(m, "preuve_answer_tokens_total", Map.of("mode", "extractive"))).as("no model").isZero();
            assertThat(sum(m, "preuve_answer_energy_watt_hours_total", Map.of("mode", "extractive"))).isPositive();
            assertThat(sum(m, "preuve_audit_recorded_total", Map.of())).isEqualTo(2);
            assertThat(sum(m, "preuve_audit_failures_total", Map.of())).as("the failed opening").isEqualTo(1);
            assertThat(sum(m, "preuve_audit_failing", Map.of())).isZero();
            assertThat(sum(m, "preuve_indexing_state", Map.of("state", "done"))).isEqualTo(1);
            assertThat(sum(m, "preuve_indexing_runs_total", Map.of("outcome", "done"))).isEqualTo(1);
            assertThat(sum(m, "preuve_indexing_passages_done", Map.of())).isGreaterThanOrEqualTo(0);
            assertThat(m).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void withTokensOnlyThisMachineOrAnAdminReadsMetricsAndReadiness() throws Exception {
        try (RunningServer app = RunningServer.start(tmp.resolve("auth"), ApiServerTest.smallCorpus(),
                AuthSettings.tokens(), RateLimits.Settings.defaults())) {
            String base = app.base();
            assertThat(get(base, "/metrics").statusCode()).as("from loopback, without a token").isEqualTo(200);
            assertThat(get(base, "/ready").statusCode()).isEqualTo(200);
            assertThat(get(base, "/api/status").statusCode()).isEqualTo(401);
            HttpRequest.Builder relayed = HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .header("X-Forwarded-For", "203.0.113.9");
            assertThat(send(relayed).statusCode()).as("relayed by a proxy: from elsewhere").isEqualTo(401);
            TokenStore tokens = new TokenStore(app.config().tokensFile(), Clock.systemUTC());
            String clinician = tokens.create("dr.metrics", Role.CLINICIAN).secret();
            String admin = tokens.create("ops", Role.ADMIN).secret();
            assertThat(send(relayed.copy().header("Authorization", "Bearer " + clinician)).statusCode()).isEqualTo(403);
            HttpResponse<String> byAdmin = send(relayed.copy().header("Authorization", "Bearer " + admin));
            assertThat(byAdmin.statusCode()).isEqualTo(200);
            assertThat(byAdmin.body()).contains("preuve_http_requests_seconds_count");
        }
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}. */
    static double sum(String scrape, String name, Map<String, String> labels) {
        double total = 0;
        for (String line : scrape.lines().toList()) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean all = labels.entrySet().stream()
                    .allMatch(e -> line.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (all) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String base, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    static HttpResponse<String> post(String base, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
