package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.index.IndexLockedException;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.ProgressListener;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.server.http.ApiServer;
import fr.preuve.server.http.PortInUseException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP API end to end: real server on loopback, real index of real documents, real HTTP client. */
class ApiServerTest {

    static final Path DEMO = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/demo");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    static PreuveConfig config;
    static CorpusConfig corpus;
    static RunningServer app;
    static PreuveRuntime runtime;
    static ApiServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        corpus = smallCorpus();
        app = RunningServer.start(tmp.resolve("home"), corpus, fr.preuve.core.config.LlmSettings.none());
        config = app.config();
        runtime = app.runtime();
        server = app.server();
        base = app.base();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    /** The shipped smoke corpus: the WHO healthy-diet leaflet and the two HAS recommendations. */
    static CorpusConfig smallCorpus() {
        return CorpusConfig.load(DEMO.getParent().resolve("smoke.yaml"));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void withoutAModelTheRuntimeRendersNoQuestion() {
        assertThat(runtime.renderer()).isSameAs(fr.preuve.core.crosslingual.QuestionRenderer.NONE);
    }

    @Test
    void healthAndStatus() throws Exception {
        assertThat(get("/health").body()).contains("\"ok\"");
        JsonNode s = JSON.readTree(get("/api/status").body());
        assertThat(s.get("status").asText()).isEqualTo("ready");
        assertThat(s.get("corpus").asText()).isEqualTo("smoke");
        assertThat(s.get("corpusVersion").asText()).startsWith("smoke-");
        assertThat(s.at("/counts/documents").asInt()).isEqualTo(3);
        assertThat(s.at("/counts/perSource/has/documents").asInt()).isEqualTo(2);
        assertThat(s.at("/indexing/state").asText()).isEqualTo("done");
        // the server started from an index built earlier in this JVM (RunningServer): its own run found it up to date
        assertThat(s.at("/indexing/message").asText()).isEqualTo("corpus " + s.get("corpusVersion").asText() + " is up to date");
    }

    @Test
    void corpusStatusVersionsAndDiffForTheLibrarian() throws Exception {
        JsonNode c = JSON.readTree(get("/api/corpus").body());
        String version = c.get("version").asText();
        assertThat(version).startsWith("smoke-");
        assertThat(c.get("corpus").asText()).isEqualTo("smoke");
        assertThat(c.get("sources")).hasSize(2);
        JsonNode has = c.get("sources").get(1);
        assertThat(has.get("name").asText()).isEqualTo("has-recommandations-vaccinales");
        assertThat(has.get("type").asText()).isEqualTo("has-api-xml");
        assertThat(has.get("licence").asText()).startsWith("HAS reuse terms");
        assertThat(has.get("documents").asInt()).isEqualTo(2);
        assertThat(has.get("passages").asInt()).isPositive();
        assertThat(has.get("failures")).isEmpty();
        assertThat(c.at("/lastRun/added").asInt()).isEqualTo(3);
        assertThat(c.at("/lastRun/failures").asInt()).isZero();
        assertThat(c.at("/indexing/state").asText()).isEqualTo("done");

        JsonNode versions = JSON.readTree(get("/api/corpus/versions").body());
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("version").asText()).isEqualTo(version);
        assertThat(versions.get(0).get("documents").asInt()).isEqualTo(3);
        assertThat(versions.get(0).get("added").asInt()).isEqualTo(3);
        assertThat(versions.at("/0/perSource/who-healthy-diet/documents").asInt()).isEqualTo(1);

        JsonNode same = JSON.readTree(get("/api/corpus/diff?from=" + version + "&to=" + version).body());
        assertThat(same.get("from").asText()).isEqualTo(version);
        assertThat(same.get("added")).isEmpty();
        assertThat(same.get("changed")).isEmpty();
        assertThat(same.get("removed")).isEmpty();
        HttpResponse<String> unknown = get("/api/corpus/diff?from=" + version + "&to=smoke-20000101-deadbeef");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown corpus version 'smoke-20000101-deadbeef'");
        assertThat(get("/api/corpus/diff?from=" + version).statusCode()).isEqualTo(400);

        // Provenance of a document.
        JsonNode doc = JSON.readTree(get("/api/documents/" + enc("has:p_3240117")).body()).get("document");
        assertThat(doc.at("/provenance/origin").asText()).isEqualTo("has-recommandations-vaccinales");
        assertThat(doc.at("/provenance/licence").asText()).startsWith("HAS reuse terms");
        assertThat(doc.at("/provenance/parser").asText()).startsWith("has-api-xml/pipeline ");
        assertThat(doc.at("/provenance/indexedAt").asText()).isNotBlank();
        assertThat(doc.get("contentHash").asText()).hasSize(64);
        assertThat(doc.get("url").asText()).isEqualTo("https://www.has-sante.fr/jcms/p_3240117");
    }

    @Test
    void searchReturnsRankedPassagesWithEachScore() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + enc("reduce salt intake") + "&k=3");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("hits")).hasSize(3);
        JsonNode top = body.get("hits").get(0);
        assertThat(top.get("docId").asText()).isEqualTo("who:WHO-EM-NUT-282-E");
        assertThat(top.get("page").asInt()).isPositive();
        assertThat(top.at("/scores/fused").asDouble()).isPositive();
        assertThat(top.at("/scores/bm25").isNumber()).isTrue();
        assertThat(top.at("/scores/vector").isNumber()).isTrue();
        JsonNode has = JSON.readTree(get("/api/search?q=vaccination&source=has&lang=fr&from=2021&to=2021").body());
        assertThat(has.get("hits")).isNotEmpty().allSatisfy(h -> assertThat(h.get("source").asText()).isEqualTo("has"));
        assertThat(JSON.readTree(get("/api/search?q=vaccination&type=guideline").body()).get("hits")).isNotEmpty();
        assertThat(JSON.readTree(get("/api/search?q=vaccination&type=rct,meta-analysis").body()).get("hits")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/search?q=salt&k=abc|k must be a whole number, got 'abc'",
            "/api/search?q=salt&k=0|k must be between 1 and 100, got 0",
            "/api/search?q=salt&source=cochrane|unknown source 'cochrane'",
            "/api/search?q=salt&colour=blue|unknown parameter 'colour'",
            "/api/search?q=salt&from=2024&to=2010|from 2024 is after to 2010",
            "/api/search?q=salt&lang=french|bad language 'french'",
            "/api/search?k=3|parameter q (the query) is missing or empty",
            "/api/search?q=salt&retriever=magic|unknown retriever 'magic'",
            "/api/search?q=salt&type=editorial|unknown publication type 'editorial'"})
    void badSearchParametersGet400NamingTheProblem(String path, String message) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains(message);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at fr.preuve");
    }

    @Test
    void askReturnsACitedExtractiveAnswer() throws Exception {
        HttpResponse<String> r = post("/api/ask", "{\"question\": \"Que recommande la HAS pour la vaccination des femmes "
                + "enceintes contre la Covid-19 ?\", \"filters\": {\"source\": [\"has\"]}}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode a = JSON.readTree(r.body());
        for (String field : new String[] {"id", "question", "mode", "abstained", "answer", "sentences", "passages",
                "corpusVersion", "timings", "notice", "modeLabel"}) {
            assertThat(a.has(field)).as(field).isTrue();
        }
        assertThat(a.get("mode").asText()).isEqualTo("extractive");
        assertThat(a.get("modeLabel").asText()).isEqualTo("extractif, sans modèle génératif");
        assertThat(a.get("abstained").asBoolean()).isFalse();
        assertThat(a.get("sentences").size()).isBetween(3, 6);
        for (JsonNode s : a.get("sentences")) {
            assertThat(s.get("verdict").asText()).isEqualTo("supported");
            int n = s.get("citations").get(0).asInt();
            JsonNode p = a.get("passages").get(n - 1);
            assertThat(p.get("n").asInt()).isEqualTo(n);
            for (String piece : s.get("text").asText().split(" … ")) { // verbatim, white space collapsed
                assertThat(p.get("text").asText().replaceAll("\\s+", " ")).contains(piece);
            }
            assertThat(p.get("source").asText()).isEqualTo("has");
            assertThat(p.get("url").asText()).startsWith("https://www.has-sante.fr/jcms/p_");
            assertThat(p.get("year").asInt()).isEqualTo(2021);
        }
        assertThat(a.get("answer").asText()).contains("[1]");
        assertThat(a.get("corpusVersion").asText()).startsWith("smoke-");
        assertThat(a.at("/timings/totalMs").asDouble()).isPositive();
    }

    @Test
    void abstainsOnAMedicalQuestionTheCorpusCannotAnswer() throws Exception {
        // In-domain, French, close to the HAS vaccination texts in embedding space, but no passage mentions lice.
        JsonNode a = JSON.readTree(post("/api/ask", "{\"question\": \"Quel traitement contre les poux proposer chez un "
                + "enfant de 4 ans ?\"}").body());
        assertThat(a.get("abstained").asBoolean()).isTrue();
        assertThat(a.get("answer").asText()).isEqualTo("Aucune preuve trouvée dans le corpus pour répondre à cette question.");
        assertThat(a.get("sentences")).isEmpty();
        assertThat(a.get("passages").size()).isBetween(1, 3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"question\": \"\"}|the question is empty",
            "{\"question\": \"   \"}|the question is empty",
            "{}|field question is missing",
            "{\"question\": 42}|field question is missing or is not a string",
            "{\"question\": \"salt\", \"filters\": {\"colour\": \"blue\"}}|unknown filter 'colour'",
            "{\"question\": \"salt\", \"filters\": {\"from\": \"last year\"}}|from must be a whole number",
            "{\"question\": \"salt\", \"filters\": {\"source\": [\"cochrane\"]}}|unknown source 'cochrane'",
            "{\"question\": \"salt\", \"filters\": {\"type\": [\"trial\"]}}|unknown publication type 'trial'",
            "{\"question\": \"salt\", \"extra\": 1}|unknown field 'extra'",
            "[1, 2]|the body must be a JSON object",
            "{not json|the body is not valid JSON"})
    void badQuestionsGet400NamingTheProblem(String body, String message) throws Exception {
        HttpResponse<String> r = post("/api/ask", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains(message);
    }

    @Test
    void overlongQuestionIsRejected() throws Exception {
        HttpResponse<String> r = post("/api/ask", "{\"question\": \"" + "a".repeat(2500) + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("2500 characters").contains("2000");
    }

    @Test
    void passagesAndDocumentsByIdAnd404s() throws Exception {
        HttpResponse<String> p = get("/api/passages/" + enc("has:p_3240117#0"));
        assertThat(p.statusCode()).isEqualTo(200);
        JsonNode passage = JSON.readTree(p.body());
        assertThat(passage.get("docId").asText()).isEqualTo("has:p_3240117");
        assertThat(passage.get("start").asInt()).isZero();
        HttpResponse<String> d = get("/api/documents/" + enc("has:p_3240117"));
        assertThat(d.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(d.body());
        assertThat(doc.at("/document/title").asText()).startsWith("Stratégie de vaccination contre le Sars-Cov-2");
        assertThat(doc.at("/document/url").asText()).isEqualTo("https://www.has-sante.fr/jcms/p_3240117");
        assertThat(doc.get("passages").size()).isEqualTo(doc.at("/document/passageCount").asInt()).isPositive();
        HttpResponse<String> missing = get("/api/documents/" + enc("pubmed:1"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("pubmed:1");
        assertThat(get("/api/passages/nope").statusCode()).isEqualTo(404);
        assertThat(get("/api/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void servesThePageWithSecurityHeaders() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<title>Preuve").contains("/app.js");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
    }

    @Test
    void aPortInUseGivesOneClearMessage() {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        ApiServer second = RunningServer.apiServer(runtime);
        assertThatThrownBy(() -> second.start("127.0.0.1", port))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("port " + port + " is already in use")
                .hasMessageContaining("PREUVE_PORT");
        second.close();
    }

    @Test
    void aSecondWriterOnTheSameIndexGivesOneClearMessage() {
        assertThatThrownBy(() -> PreuveRuntime.writable(config, corpus, ProgressListener.NONE))
                .isInstanceOf(IndexLockedException.class)
                .hasMessageContaining("being written by another Preuve process");
    }

    @Test
    void theGuardShowsIdentifyingDataWithTypesAndOffsets() throws Exception {
        String text = "Mme Martin-Durand, née le 12/03/1958, diabétique : quelle cible d'HbA1c à 67 ans ?";
        HttpResponse<String> r = post("/api/guard", "{\"text\": \"" + text + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode findings = JSON.readTree(r.body()).get("findings");
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).get("type").asText()).isEqualTo("name");
        assertThat(findings.get(1).get("type").asText()).isEqualTo("birthdate");
        int start = findings.get(1).get("start").asInt();
        int end = findings.get(1).get("end").asInt();
        assertThat(text.substring(start, end)).contains("12/03/1958");

        JsonNode clean = JSON.readTree(post("/api/guard", "{\"text\": \"Quelle dose d'amoxicilline chez un patient de 67 ans ?\"}").body());
        assertThat(clean.get("findings")).isEmpty();
        assertThat(post("/api/guard", "{\"txt\": 1}").statusCode()).isEqualTo(400);
    }
}
