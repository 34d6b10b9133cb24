package fr.preuve.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.app.RunningServer;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.AuthSettings;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.testing.TestEmbedders;
import fr.preuve.indexer.pipeline.ProgressListener;
import fr.preuve.indexer.versions.CorpusStatus;
import java.nio.file.Files;
import fr.preuve.core.testing.RunDir;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.fetch.FetchPolicy;
import fr.preuve.indexer.fetch.UrlGuard;
import fr.preuve.server.auth.RateLimits;
import fr.preuve.server.auth.Role;
import fr.preuve.server.auth.Security;
import fr.preuve.server.auth.TokenStore;
import fr.preuve.server.http.ApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The security regression suite: every hostile request of {@code security/requests.jsonl} sent to a real server with
 * API tokens (or, for {@code "server": "open"}, without authentication on loopback), and every URL of
 * {@code security/urls.jsonl} put to the fetcher's SSRF guard, each with its expected outcome. See
 * {@code security/README.md} for the format and {@code docs/security.md} for what is defended and how.
 */
class SecurityRegressionTest {
    private static final Path SMOKE = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/smoke.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern REPEAT = Pattern.compile("\\$\\{repeat:(.+?):(\\d+)}");

    static RunningServer app;
    static ApiServer open;
    static String openBase;
    static Map<String, String> tokens;

    @BeforeAll
    static void start() throws Exception {
        app = RunningServer.start(RunDir.resolve("security-suite").resolve("home"), CorpusConfig.load(SMOKE),
                AuthSettings.tokens(), new RateLimits.Settings(10_000, 10_000, 10_000, 16, Duration.ofSeconds(30)));
        TokenStore store = new TokenStore(app.config().tokensFile(), Clock.systemUTC());
        String revoked = store.create("suite-revoked", Role.ADMIN).secret();
        store.revoke("suite-revoked");
        tokens = Map.of("clinician", store.create("suite-clinician", Role.CLINICIAN).secret(),
                "librarian", store.create("suite-librarian", Role.LIBRARIAN).secret(),
                "admin", store.create("suite-admin", Role.ADMIN).secret(),
                "revoked", revoked, "forged", TokenStore.PREFIX + "A".repeat(43));
        open = new ApiServer(app.runtime(), Security.of(app.config().withAuth(AuthSettings.none()), Clock.systemUTC()));
        openBase = "http://127.0.0.1:" + open.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (open != null) {
            open.close();
        }
        app.close();
    }

    static List<JsonNode> cases(String name) {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = SecurityRegressionTest.class.getResourceAsStream("/security/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> hostileRequests() {
        List<JsonNode> all = cases("requests.jsonl");
        assertThat(all).as("the suite's size").hasSizeGreaterThanOrEqualTo(60);
        return all.stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c, send(c))));
    }

    @TestFactory
    Stream<DynamicTest> hostileUrls() {
        return cases("urls.jsonl").stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> {
            List<String> allowed = new ArrayList<>();
            c.get("allowed").forEach(h -> allowed.add(h.asText()));
            JsonNode resolves = c.path("resolves");
            UrlGuard guard = new UrlGuard(FetchPolicy.defaults(allowed), host -> {
                if (resolves.has(host)) {
                    List<InetAddress> addresses = new ArrayList<>();
                    for (JsonNode a : resolves.get(host)) {
                        addresses.add(InetAddress.getByName(a.asText())); // literals: no lookup
                    }
                    return addresses.toArray(InetAddress[]::new);
                }
                if (host.matches("[0-9.]+|\\[?[0-9a-f:]+]?")) {
                    return new InetAddress[] {InetAddress.getByName(host)};
                }
                throw new UnknownHostException(host);
            });
            String refusal = guard.refusal(URI.create(c.get("url").asText()));
            if (c.get("refused").isNull()) {
                assertThat(refusal).as(c.get("url").asText()).isNull();
            } else {
                assertThat(refusal).as(c.get("url").asText()).isNotNull().contains(c.get("refused").asText());
            }
        }));
    }

    /**
     * The hostile files of {@code security/files.jsonl}, all in one {@code local-folder} source (2 MB cap per file)
     * indexed by the real pipeline; each case checks what was indexed and what the run reported.
     */
    @TestFactory
    Stream<DynamicTest> hostileFiles() throws Exception {
        Path dir = RunDir.resolve("security-suite").resolve("files");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        List<JsonNode> all = cases("files.jsonl");
        java.util.Set<String> made = new java.util.HashSet<>();
        for (JsonNode c : all) {
            if (HostileFolder.make(folder, c)) {
                made.add(c.get("id").asText());
            }
        }
        Path yaml = dir.resolve("hostile.yaml");
        Files.writeString(yaml, String.join("\n", "name: hostile-files",
                "description: hostile files of the security suite", "sources:", "  - type: local-folder",
                "    name: hostile", "    dir: " + folder, "    language: fr", "    licence: HAS reuse terms",
                "    maxFileSize: 2MB", ""));
        CorpusConfig corpus = CorpusConfig.load(yaml);
        PreuveConfig config = new PreuveConfig(dir.resolve("home"), "127.0.0.1", 0, yaml, SearchSettings.defaults(),
                AnswerSettings.defaults(), LlmSettings.none());
        List<CorpusStatus.Failure> failures;
        Map<String, String> texts = new java.util.HashMap<>();
        List<String> leaked = new ArrayList<>();
        try (PreuveRuntime runtime = PreuveRuntime.writable(config, corpus, ProgressListener.NONE, TestEmbedders.factory())) {
            runtime.startIndexing(false).get();
            failures = runtime.corpusStatus().sources().getFirst().failures();
            for (JsonNode c : all) {
                String id = "local:" + c.get("file").asText();
                runtime.index().document(id).ifPresent(d -> texts.put(c.get("file").asText(), String.join("\n",
                        runtime.index().passagesOf(id).stream().map(fr.preuve.core.doc.Passage::text).toList())));
            }
            for (String probe : List.of("root:x:0:0 /bin/bash daemon nologin", "SECRET-OUTSIDE folder")) {
                runtime.searcher().search(new fr.preuve.core.search.SearchQuery(probe, 50, fr.preuve.core.search.Filters.NONE,
                        fr.preuve.core.search.Retriever.HYBRID, null)).hits().forEach(h -> leaked.add(h.passage().text()));
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("nothing-from-outside-is-searchable", () -> assertThat(leaked)
                .noneMatch(t -> t.contains("root:") || t.contains("SECRET-OUTSIDE"))));
        for (JsonNode c : all) {
            tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> {
                org.junit.jupiter.api.Assumptions.assumeTrue(made.contains(c.get("id").asText()), "cannot be made here");
                String file = c.get("file").asText();
                var failure = failures.stream().filter(f -> f.location().equals(file)
                        || f.location().startsWith(file + " ") || f.location().startsWith(file + "#")).findFirst();
                switch (c.get("expect").asText()) {
                    case "indexed" -> {
                        assertThat(failure).as(file + " was refused").isEmpty();
                        assertThat(texts).as(file + " is indexed").containsKey(file);
                    }
                    case "failed" -> {
                        assertThat(failure).as(file + " is reported").isPresent();
                        assertThat(failure.get().reason()).as(file).contains(c.get("reason").asText());
                        if (!c.has("contains")) {
                            assertThat(texts).as(file + " is not indexed").doesNotContainKey(file);
                        }
                    }
                    case "absent" -> {
                        assertThat(failure).as(file).isEmpty();
                        assertThat(texts).as(file + " is not indexed twice").doesNotContainKey(file);
                    }
                    default -> throw new IllegalArgumentException("expect " + c.get("expect"));
                }
                c.path("contains").forEach(t -> assertThat(texts.get(file)).as(file).contains(t.asText()));
                c.path("absentText").forEach(t -> assertThat(texts.get(file)).as(file).doesNotContain(t.asText()));
                if (texts.containsKey(file)) {
                    assertThat(texts.get(file)).as(file).doesNotContain("root:").doesNotContain("SECRET-OUTSIDE")
                            .doesNotContain("\uFFFD");
                }
            }));
        }
        return tests.stream();
    }

    /** What came back: status, headers and body as text. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    static String expand(String s, String base) {
        Matcher m = REPEAT.matcher(s.replace("${base}", base));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        return m.appendTail(out).toString();
    }

    static Reply send(JsonNode c) throws Exception {
        String base = "open".equals(c.path("server").asText()) ? openBase : app.base();
        String method = c.get("method").asText();
        String path = c.get("path").asText();
        String body = c.has("body") ? expand(c.get("body").asText(), base) : null;
        String type = c.has("contentType") ? c.get("contentType").asText() : body == null ? "" : "application/json";
        if (c.has("host")) {
            return raw(base, method, path, c.get("host").asText());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!type.isEmpty()) {
            b.header("Content-Type", type);
        }
        String as = c.path("as").asText("anonymous");
        if (tokens.containsKey(as)) {
            b.header("Authorization", "Bearer " + tokens.get(as));
        }
        c.path("headers").properties().forEach(h -> b.header(h.getKey(), expand(h.getValue().asText(), base)));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().map(), r.body());
    }

    /** A request with its own Host header, which the JDK's client does not let a caller set. */
    static Reply raw(String base, String method, String path, String host) throws IOException {
        URI u = URI.create(base);
        try (Socket socket = new Socket(u.getHost(), u.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + u.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            Map<String, List<String>> headers = new java.util.HashMap<>();
            for (String line : response.substring(0, split < 0 ? response.length() : split).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip(), List.of(line.substring(colon + 1).strip()));
                }
            }
            return new Reply(status, headers, split < 0 ? "" : response.substring(split + 4));
        }
    }

    static void check(JsonNode c, Reply r) {
        String id = c.get("id").asText();
        List<Integer> statuses = new ArrayList<>();
        c.get("status").forEach(s -> statuses.add(s.asInt()));
        assertThat(r.status()).as(id + ": status (body " + abbreviate(r.body()) + ")").isIn(statuses);
        c.path("contains").forEach(s -> assertThat(r.body()).as(id).contains(s.asText()));
        c.path("absent").forEach(s -> assertThat(r.body()).as(id).doesNotContain(s.asText()));
        if (c.has("contentType")) {
            String expected = c.get("contentType").asText();
            if (expected.startsWith("application/json") && c.get("method").asText().equals("GET")) {
                assertThat(r.header("Content-Type")).as(id).startsWith("application/json");
            }
        }
        c.path("responseHeaders").properties().forEach(h ->
                assertThat(r.header(h.getKey())).as(id + ": " + h.getKey()).contains(h.getValue().asText()));
        c.path("absentHeaders").forEach(h -> assertThat(r.header(h.asText())).as(id + ": " + h.asText()).isNull());
        assertThat(r.body()).as(id + ": no stack trace leaks").doesNotContain("\tat ").doesNotContain("Exception:");
        if (r.status() >= 400 && c.get("path").asText().startsWith("/api/") && r.status() != 431) {
            assertThat(r.header("Content-Type")).as(id + ": errors are JSON").startsWith("application/json");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
