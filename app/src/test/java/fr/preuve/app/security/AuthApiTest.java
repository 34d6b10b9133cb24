package fr.preuve.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.app.RunningServer;
import fr.preuve.core.config.AuthSettings;
import fr.preuve.core.testing.RunDir;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.server.auth.RateLimits;
import fr.preuve.server.auth.Role;
import fr.preuve.server.auth.Security;
import fr.preuve.server.auth.TokenStore;
import fr.preuve.server.http.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real server with API tokens on, over the smoke corpus, with the default rate limits: who may do what, the page's
 * login, requests other sites make a browser send, floods, and a server that refuses to run open on a network.
 */
class AuthApiTest {
    private static final Path DEMO = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/smoke.yaml");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASK = "{\"question\": \"Quelle quantité de sel par jour pour un adulte ?\"}";

    static RunningServer app;
    static String base;
    static TokenStore tokens;

    @BeforeAll
    static void start() throws Exception {
        Path home = RunDir.resolve("auth-api").resolve("home");
        app = RunningServer.start(home, CorpusConfig.load(DEMO), AuthSettings.tokens(), RateLimits.Settings.defaults());
        base = app.base();
        tokens = new TokenStore(app.config().tokensFile(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    static String token(String name, Role role) {
        return tokens.create(name, role).secret();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).GET();
    }

    static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpRequest.Builder as(HttpRequest.Builder b, String secret) {
        return b.header("Authorization", "Bearer " + secret);
    }

    @Test
    void withoutATokenNothingButThePageHealthAndLoginAnswers() throws Exception {
        HttpResponse<String> ask = send(post("/api/ask", ASK));
        assertThat(ask.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(ask.body());
        assertThat(error.get("status").asInt()).isEqualTo(401);
        assertThat(error.get("error").asText()).contains("authentication required");
        assertThat(error.get("login").asText()).isEqualTo("/api/session");
        assertThat(ask.body()).doesNotContainIgnoringCase("sel").doesNotContain("passage");
        for (String path : List.of("/api/search?q=sel", "/api/status", "/api/corpus", "/api/documents/x",
                "/api/passages/x", "/api/no-such-endpoint")) {
            assertThat(send(get(path)).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(send(post("/api/feedback", "{\"answerId\": \"a\", \"rating\": \"useful\"}")).statusCode()).isEqualTo(401);
        assertThat(send(get("/")).statusCode()).isEqualTo(200);
        assertThat(send(get("/health")).statusCode()).isEqualTo(200);
        JsonNode session = JSON.readTree(send(get("/api/session")).body());
        assertThat(session.get("mode").asText()).isEqualTo("tokens");
        assertThat(session.get("authenticated").asBoolean()).isFalse();
        assertThat(send(as(post("/api/ask", ASK), "pv_forged-token")).statusCode()).isEqualTo(401);
    }

    @Test
    void aClinicianAsksButCannotReadTheCorpusPagesALibrarianCan() throws Exception {
        String clinician = token("dr.martin", Role.CLINICIAN);
        String librarian = token("bib.durand", Role.LIBRARIAN);
        HttpResponse<String> ask = send(as(post("/api/ask", ASK), clinician));
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ask.body()).get("answer").asText()).isNotBlank();
        String answerId = JSON.readTree(ask.body()).get("id").asText();
        var audited = app.runtime().auditLog().entries(fr.preuve.core.audit.TimeRange.all(), 1000).stream()
                .filter(e -> e.id().equals(answerId)).findFirst().orElseThrow();
        assertThat(audited.requester()).as("the audit trail names the token, never its secret").isEqualTo("dr.martin");
        assertThat(audited.toString()).doesNotContain(clinician);
        assertThat(send(as(get("/api/search?q=sel"), clinician)).statusCode()).isEqualTo(200);
        HttpResponse<String> corpus = send(as(get("/api/corpus"), clinician));
        assertThat(corpus.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(corpus.body()).get("error").asText()).contains("clinician").contains("librarian");
        assertThat(send(as(get("/api/corpus/versions"), clinician)).statusCode()).isEqualTo(403);
        assertThat(send(as(get("/api/corpus"), librarian)).statusCode()).isEqualTo(200);
        JsonNode status = JSON.readTree(send(as(get("/api/status"), librarian)).body());
        assertThat(status.at("/auth/user").asText()).isEqualTo("bib.durand");
        assertThat(status.at("/auth/role").asText()).isEqualTo("librarian");
        assertThat(status.at("/auth/insecure").asBoolean()).isFalse();
    }

    @Test
    void thePageLogsInWithATokenIntoAStrictHttpOnlyCookieAndOut() throws Exception {
        String secret = token("ward-7", Role.CLINICIAN);
        assertThat(send(post("/api/session", "{\"token\": \"pv_wrong\"}")).statusCode()).isEqualTo(401);
        HttpResponse<String> login = send(post("/api/session", "{\"token\": \"" + secret + "\"}"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(login.body()).get("user").asText()).isEqualTo("ward-7");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("preuve_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContain("Secure").doesNotContain(secret);
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertThat(send(post("/api/ask", ASK).header("Cookie", session)).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send(get("/api/session").header("Cookie", session)).body()).get("role").asText())
                .isEqualTo("clinician");
        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(base + "/api/session")).DELETE()
                .header("Cookie", session));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(send(post("/api/ask", ASK).header("Cookie", session)).statusCode()).isEqualTo(401);

        String again = send(post("/api/session", "{\"token\": \"" + secret + "\"}")).headers()
                .firstValue("Set-Cookie").orElseThrow().split(";")[0];
        tokens.revoke("ward-7");
        assertThat(send(post("/api/ask", ASK).header("Cookie", again)).statusCode())
                .as("revoking the token ends its sessions").isEqualTo(401);
        assertThat(send(as(post("/api/ask", ASK), secret)).statusCode()).isEqualTo(401);
    }

    @Test
    void requestsAnotherSiteMakesTheBrowserSendAreRefused() throws Exception {
        String secret = token("dr.csrf", Role.CLINICIAN);
        HttpResponse<String> plain = send(as(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(ASK)), secret));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("application/json");
        HttpResponse<String> foreign = send(as(post("/api/ask", ASK).header("Origin", "http://evil.example"), secret));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("evil.example");
        assertThat(send(as(post("/api/feedback", "{}").header("Sec-Fetch-Site", "cross-site"), secret)).statusCode())
                .isEqualTo(403);
        assertThat(send(post("/api/session", "{\"token\": \"" + secret + "\"}").header("Origin", "http://evil.example"))
                .statusCode()).as("no login from another site either").isEqualTo(403);
        assertThat(send(as(post("/api/ask", ASK).header("Origin", base), secret)).statusCode()).isEqualTo(200);
        HttpResponse<String> inUrl = send(as(get("/api/ask/stream?q=sel"), secret));
        assertThat(inUrl.statusCode()).isEqualTo(405);
    }

    @Test
    void aFloodFromOneTokenGetsQuickRefusalsAndOthersAreStillAnswered() throws Exception {
        String flooder = token("script-flood", Role.CLINICIAN);
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(() -> send(as(post("/api/ask", ASK), flooder)));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
        }
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(200, 429));
        assertThat(refused).hasSizeGreaterThanOrEqualTo(200 - RateLimits.Settings.defaults().questionsPerMinute() - 10);
        assertThat(refused).allSatisfy(r -> {
            assertThat(Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(r.body()).contains("\"status\":429");
        });
        assertThat(send(as(post("/api/ask", ASK), token("dr.other", Role.CLINICIAN))).statusCode())
                .as("another clinician is not affected").isEqualTo(200);
    }

    @Test
    void anOpenServerRefusesANetworkAddressUnlessToldInsecure() throws Exception {
        var config = app.config().withAuth(AuthSettings.none());
        try (ApiServer open = new ApiServer(app.runtime(), Security.of(config, Clock.systemUTC()))) {
            assertThatThrownBy(() -> open.start("0.0.0.0", 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PREUVE_HOST").hasMessageContaining("--insecure-no-auth")
                    .hasMessageContaining("auth.mode");
        }
        var insecure = config.withAuth(AuthSettings.none().insecure());
        try (ApiServer open = new ApiServer(app.runtime(), Security.of(insecure, Clock.systemUTC()))) {
            int port = open.start("0.0.0.0", 0);
            JsonNode status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(status.at("/auth/insecure").asBoolean()).isTrue();
            assertThat(status.at("/auth/mode").asText()).isEqualTo("none");
        }
    }

    @Test
    void anOpenLoopbackServerAnswersOnlyRequestsAddressedToLocalhost() throws Exception {
        var config = app.config().withAuth(AuthSettings.none());
        try (ApiServer open = new ApiServer(app.runtime(), Security.of(config, Clock.systemUTC()))) {
            int port = open.start("127.0.0.1", 0);
            URI status = URI.create("http://127.0.0.1:" + port + "/api/status");
            assertThat(HTTP.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            // a page whose name was rebound to 127.0.0.1 sends its own Host
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET /api/status HTTP/1.1\r\nHost: evil.example:" + port
                        + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 403").contains("localhost only").doesNotContain("corpusVersion");
            }
        }
    }
}
