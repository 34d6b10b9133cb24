package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.audit.AuditCsv;
import fr.preuve.core.audit.AuditEntry;
import fr.preuve.core.audit.Feedback;
import fr.preuve.core.audit.TimeRange;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.guard.FindingType;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.app.runtime.PreuveRuntime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail end to end: a real server and the real CLI on the smoke corpus, writing to a real SQLite file; and
 * identifying data in questions checked absent from logs, console and database bytes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A NIR whose key checks (97 - 1841275123456 mod 97 = 40), a name and a date of birth. */
    static final String NIR = "1 84 12 75 123 456 40";
    static final String IDENTIFYING = "Mme Dupont, NIR " + NIR + ", née le 12/03/1958 : quelle quantité de sel par jour ?";

    @TempDir
    static Path tmp;
    static Path home;
    static String corpus;
    static RunningServer app;
    static PreuveRuntime runtime;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        CorpusConfig smoke = ApiServerTest.smallCorpus();
        corpus = smoke.file().toString();
        home = tmp.resolve("home");
        app = RunningServer.start(home, smoke, LlmSettings.none());
        runtime = app.runtime();
        base = app.base();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ask(String question) throws Exception {
        HttpResponse<String> r = post("/api/ask", JSON.writeValueAsString(Map.of("question", question)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The verified answer of {@code POST /api/ask/stream}. */
    static JsonNode stream(String question) throws Exception {
        String body = post("/api/ask/stream", JSON.writeValueAsString(Map.of("question", question))).body();
        String data = body.lines().dropWhile(l -> !l.equals("event: answer")).skip(1).findFirst().orElseThrow(
                () -> new AssertionError("no answer event in " + body));
        return JSON.readTree(data.substring("data: ".length()));
    }

    static HttpResponse<String> feedback(Object body) throws Exception {
        return post("/api/feedback", body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    static AuditEntry entry(String id) {
        return runtime.audit().log().entries(TimeRange.all(), Integer.MAX_VALUE).stream()
                .filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no audit entry " + id));
    }

    @Test
    @Order(1)
    void everyAnswerOverTheApiAndTheStreamIsRecorded() throws Exception {
        String question = "How much salt should adults eat per day?";
        JsonNode a = ask(question);
        assertThat(a.get("corpusDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        AuditEntry e = entry(a.get("id").asText());
        assertThat(e.channel()).isEqualTo(AuditChannel.API);
        assertThat(e.question()).isEqualTo(question);
        assertThat(e.findingTypes()).isEmpty();
        assertThat(e.fingerprint()).isEqualTo(runtime.audit().fingerprint().of(question));
        assertThat(e.mode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(e.model().endpoint()).isEqualTo("local");
        assertThat(e.model().healthDataApproved()).isTrue();
        assertThat(e.corpusVersion()).isEqualTo(a.get("corpusVersion").asText()).startsWith("smoke-");
        assertThat(e.corpusDate()).isEqualTo(a.get("corpusDate").asText());
        assertThat(e.cited()).containsExactlyElementsOf(a.get("passages").findValuesAsText("id"));
        assertThat(e.retrieved()).containsAll(e.cited()).hasSizeGreaterThan(e.cited().size());
        assertThat(e.verdicts()).hasSize(a.get("sentences").size());
        assertThat(e.deliveredChars()).isEqualTo(a.get("answer").asText().length());
        assertThat(e.timings().totalMs()).isEqualTo(a.at("/timings/totalMs").asDouble());

        JsonNode s = stream("Que recommande la HAS pour la vaccination des femmes enceintes ?");
        AuditEntry streamed = entry(s.get("id").asText());
        assertThat(streamed.channel()).isEqualTo(AuditChannel.STREAM);
        assertThat(streamed.language()).isEqualTo("fr");
        assertThat(streamed.question()).isEqualTo("Que recommande la HAS pour la vaccination des femmes enceintes ?");

        JsonNode status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(status.at("/audit/status").asText()).isEqualTo("ok");
        assertThat(status.at("/audit/failures").asInt()).isZero();
        assertThat(status.at("/audit/recorded").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void feedbackIsStoredWithItsAnswerAndSummarisedByTheCli() throws Exception {
        String incorrect = ask("What is the recommended salt intake for adults?").get("id").asText();
        String useful = ask("Which sugars should adults limit?").get("id").asText();

        HttpResponse<String> created = feedback(Map.of("answerId", incorrect, "rating", "incorrect",
                "correction", "Chez Mme Dupont (NIR " + NIR + ") la limite est de 5 g de sel, pas 2 g."));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("id").asLong()).isPositive();
        assertThat(body.get("answerId").asText()).isEqualTo(incorrect);
        assertThat(body.get("rating").asText()).isEqualTo("incorrect");
        assertThat(feedback(Map.of("answerId", incorrect, "rating", "incorrect")).statusCode()).isEqualTo(201);
        assertThat(feedback(Map.of("answerId", useful, "rating", "useful")).statusCode()).isEqualTo(201);
        assertThat(feedback(Map.of("answerId", useful, "rating", "not_useful", "correction", "Hors sujet, \"trop\" long"))
                .statusCode()).isEqualTo(201);

        Feedback stored = runtime.audit().log().feedback(TimeRange.all()).get(0);
        assertThat(stored.correction()).isEqualTo("Chez Mme [NOM] (NIR [NIR]) la limite est de 5 g de sel, pas 2 g.");
        assertThat(stored.findingTypes()).containsExactly(FindingType.NAME, FindingType.NIR);

        HttpResponse<String> unknown = feedback(Map.of("answerId", "no-such-answer", "rating", "useful"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("no-such-answer");
        for (var bad : Map.of(
                "{\"answerId\": \"" + useful + "\", \"rating\": \"great\"}", "unknown rating 'great'; expected one of useful, not_useful, incorrect",
                "{\"rating\": \"useful\"}", "field answerId is missing",
                "{\"answerId\": \"" + useful + "\"}", "field rating is missing",
                "{\"answerId\": \"" + useful + "\", \"rating\": \"useful\", \"stars\": 5}", "unknown field 'stars'",
                "{\"answerId\": \"" + useful + "\", \"rating\": \"useful\", \"correction\": \"" + "x".repeat(2001) + "\"}",
                "correction is 2001 characters long; the limit is 2000").entrySet()) {
            HttpResponse<String> r = feedback(bad.getKey());
            assertThat(r.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).contains(bad.getValue());
        }

        CliTest.Run summary = CliTest.run("audit", "feedback", "--home", home.toString());
        assertThat(summary.exit()).as(summary.err()).isZero();
        assertThat(summary.out()).contains("4 feedback").containsPattern("useful\\s+1\\n").containsPattern("not_useful\\s+1\\n")
                .containsPattern("incorrect\\s+2\\n").contains("Corrections (2):")
                .contains("Chez Mme [NOM] (NIR [NIR]) la limite est de 5 g de sel, pas 2 g.")
                .contains("2x  " + incorrect).doesNotContain("1x  " + useful);
        JsonNode json = JSON.readTree(CliTest.run("audit", "feedback", "--json", "--home", home.toString()).out());
        assertThat(json.at("/counts/incorrect").asInt()).isEqualTo(2);
        assertThat(json.at("/incorrect/0/answerId").asText()).isEqualTo(incorrect);
    }

    @Test
    @Order(3)
    void theCliListsAndExportsEntriesAsCsvAndJson() throws Exception {
        String awkward = "Salt, \"iodised\" or not: how much per day?";
        String id = ask(awkward).get("id").asText();
        CliTest.Run cli = CliTest.run("ask", "--home", home.toString(), "--corpus", corpus, "How", "much", "salt", "per", "day?");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Mode: extractive, no generative model")
                .contains("Model: extractive · endpoint local · approved for health data (HDS): yes")
                .containsPattern("Corpus: smoke-\\d{8}-[0-9a-f]+, of \\d{4}-\\d{2}-\\d{2}T")
                .containsPattern("Time: retrieval \\d+ ms, total \\d+ ms · answer [0-9a-f-]{36}")
                .contains("The clinician remains responsible");
        assertThat(cli.err()).doesNotContain("not recorded");
        String cliId = cli.out().replaceAll("(?s).*· answer ([0-9a-f-]{36}).*", "$1");
        assertThat(entry(cliId).channel()).isEqualTo(AuditChannel.CLI);

        CliTest.Run list = CliTest.run("audit", "list", "--home", home.toString(), "--limit", "100");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains(id).contains(cliId).contains("    " + awkward).contains(" cli ");

        Path csv = tmp.resolve("export.csv");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        CliTest.Run export = CliTest.run("audit", "export", "--format", "csv", "--from", today, "--to", today,
                "--output", csv.toString(), "--home", home.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = List.of(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", AuditCsv.COLUMNS));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(id + ",")
                .contains(",\"Salt, \"\"iodised\"\" or not: how much per day?\","));
        assertThat(lines.size() - 1).isEqualTo(runtime.audit().log().count());
        assertThat(export.err()).contains((lines.size() - 1) + " entries written to");

        CliTest.Run json = CliTest.run("audit", "export", "--format", "json", "--home", home.toString());
        JsonNode entries = JSON.readTree(json.out());
        assertThat(entries.isArray()).isTrue();
        JsonNode mine = Stream.of(entries).flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
                .filter(n -> n.get("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(mine.get("question").asText()).isEqualTo(awkward);
        assertThat(mine.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(mine.at("/model/healthDataApproved").asBoolean()).isTrue();

        CliTest.Run tomorrow = CliTest.run("audit", "list", "--home", home.toString(), "--from",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString());
        assertThat(tomorrow.out()).contains("0 entries");
        CliTest.Run bad = CliTest.run("audit", "list", "--home", home.toString(), "--from", "22/11/2026");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("preuve: from must be an ISO date such as 2026-11-22, got '22/11/2026'");
        CliTest.Run badFormat = CliTest.run("audit", "export", "--format", "xml", "--home", home.toString());
        assertThat(badFormat.err().strip()).isEqualTo("preuve: --format must be csv or json, got 'xml'");
        CliTest.Run none = CliTest.run("audit", "list", "--home", tmp.resolve("nowhere").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no audit trail at");
    }

    @Test
    @Order(4)
    void identifyingDataNeverReachesLogsConsoleOrTheDatabase() throws Exception {
        assertThat(PatientDataGuard.standard().scan(IDENTIFYING)).extracting(f -> f.type())
                .containsExactly(FindingType.NAME, FindingType.NIR, FindingType.BIRTHDATE);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String apiId;
        String streamId;
        try {
            PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            apiId = ask(IDENTIFYING).get("id").asText();
            streamId = stream(IDENTIFYING).get("id").asText();
            assertThat(post("/api/ask", JSON.writeValueAsString(Map.of("question", IDENTIFYING, "colour", "blue")))
                    .statusCode()).isEqualTo(400);
            assertThat(post("/api/ask/stream", JSON.writeValueAsString(Map.of("question", IDENTIFYING + "x".repeat(2000))))
                    .statusCode()).isEqualTo(400);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        for (String id : List.of(apiId, streamId)) {
            AuditEntry e = entry(id);
            assertThat(e.question()).isNull();
            assertThat(e.findingTypes()).containsExactly(FindingType.NAME, FindingType.NIR, FindingType.BIRTHDATE);
            assertThat(e.fingerprint()).isEqualTo(runtime.audit().fingerprint().of(IDENTIFYING));
        }

        CliTest.Run recorded = CliTest.run("ask", "--home", home.toString(), "--corpus", corpus, IDENTIFYING);
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        // a CLI whose audit database cannot be opened still answers, says so, and logs the answer id only
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, "audit:\n  url: jdbc:sqlite:" + tmp.resolve("no/such/dir/audit.db") + "\n");
        CliTest.Run unrecorded = CliTest.run("ask", "--config", broken.toString(), "--home", home.toString(),
                "--corpus", corpus, IDENTIFYING);
        assertThat(unrecorded.exit()).as(unrecorded.err()).isZero();
        String unrecordedId = unrecorded.out().replaceAll("(?s).*· réponse ([0-9a-f-]{36}).*", "$1");
        assertThat(unrecorded.err()).contains("answer " + unrecordedId + " was delivered but not recorded")
                .contains("preuve: warning: answer " + unrecordedId + " was not recorded in the audit trail");
        CliTest.Run listed = CliTest.run("audit", "list", "--home", home.toString(), "--limit", "1000");
        CliTest.Run exported = CliTest.run("audit", "export", "--format", "csv", "--home", home.toString());
        assertThat(listed.out()).contains("[question not kept: name, nir, birthdate]");

        String logs = console.toString(StandardCharsets.UTF_8) + recorded.err() + unrecorded.err() + listed.out()
                + listed.err() + exported.out();
        String db;
        try (Stream<Path> files = Files.list(home)) {
            db = files.filter(p -> p.getFileName().toString().startsWith("audit.db")).map(AuditEndToEndTest::latin1)
                    .collect(Collectors.joining());
        }
        assertThat(db).contains(apiId).contains("Salt, \"iodised\"");
        for (String secret : List.of("Dupont", NIR, NIR.replace(" ", ""), "12/03/1958")) {
            assertThat(logs).as("console and logs").doesNotContain(secret);
            assertThat(db).as("audit database bytes").doesNotContain(secret);
        }
    }

    /** A file's bytes as ISO-8859-1, so any UTF-8 text in it is found by an ASCII search. */
    static String latin1(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
