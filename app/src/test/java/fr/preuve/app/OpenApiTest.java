package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} describes exactly the routes Javalin registered, its references resolve, and real responses
 * of the API carry the fields and types its schemas require (required properties and their JSON types, recursively
 * through objects and array items; not the whole of JSON Schema).
 */
class OpenApiTest {
    @TempDir
    static Path tmp;
    static RunningServer app;
    static JsonNode spec;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = RunningServer.start(tmp.resolve("home"), ApiServerTest.smallCorpus(), fr.preuve.core.config.LlmSettings.none());
        HttpResponse<String> r = get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        spec = JSON.readTree(r.body());
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(app.base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRegisteredRouteIsDescribedAndNothingElse() {
        assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> described = new TreeSet<>();
        spec.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m ->
                described.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey())));
        Set<String> registered = new TreeSet<>(app.server().routes());
        assertThat(registered).as("routes Javalin registered").isNotEmpty().contains("POST /api/ask");
        assertThat(described).isEqualTo(registered);
    }

    @Test
    void everyReferenceResolvesAndEveryOperationSaysItsResponses() {
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(resolve(ref)).as(ref).isNotNull());
        spec.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m ->
                assertThat(m.getValue().path("responses").size()).as(m.getKey() + " " + p.getKey()).isPositive()));
    }

    @Test
    void realResponsesHaveTheFieldsTheirSchemasRequire() throws Exception {
        conforms(get("/api/session"), "/api/session", "get", "200");
        conforms(get("/health"), "/health", "get", "200");
        conforms(post("/api/ask", "{\"question\": \"Quelle quantité de sel par jour pour un adulte ?\"}"), "/api/ask", "post", "200");
        conforms(post("/api/search", "{\"q\": \"sel\", \"k\": 3}"), "/api/search", "post", "200");
        conforms(get("/api/search?q=salt&k=2"), "/api/search", "get", "200");
        conforms(post("/api/guard", "{\"text\": \"Mme Durand, née le 12/03/1958\"}"), "/api/guard", "post", "200");
        conforms(post("/api/ask", "{\"question\": 12}"), "/api/ask", "post", "400");
        conforms(get("/api/documents/no-such-doc"), "/api/documents/{id}", "get", "404");
        assertThat(get("/api/docs").body()).contains("/openapi.json").contains("docs.js");
    }

    /** {@code r} matches the schema the description gives for {@code path}, {@code method} and {@code status}. */
    static void conforms(HttpResponse<String> r, String path, String method, String status) throws Exception {
        assertThat(r.statusCode()).as(method + " " + path).isEqualTo(Integer.parseInt(status));
        JsonNode response = spec.get("paths").get(path).get(method).get("responses").get(status);
        assertThat(response).as(method + " " + path + " " + status + " is described").isNotNull();
        if (response.has("$ref")) {
            response = resolve(response.get("$ref").asText());
        }
        JsonNode schema = response.get("content").get("application/json").get("schema");
        check(JSON.readTree(r.body()), schema, method + " " + path + " " + status);
    }

    static void check(JsonNode value, JsonNode schema, String where) {
        if (schema.has("$ref")) {
            schema = resolve(schema.get("$ref").asText());
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            assertThat(matches(value, type.asText())).as(where + ": " + type.asText() + ", got " + value.getNodeType()).isTrue();
        }
        for (JsonNode req : schema.path("required")) {
            assertThat(value.has(req.asText())).as(where + ": required '" + req.asText() + "'").isTrue();
        }
        JsonNode props = schema.path("properties");
        value.properties().forEach(e -> {
            if (props.has(e.getKey()) && !e.getValue().isNull()) {
                check(e.getValue(), props.get(e.getKey()), where + "." + e.getKey());
            }
        });
        if (value.isArray() && schema.has("items")) {
            for (JsonNode item : value) {
                check(item, schema.get("items"), where + "[]");
            }
        }
    }

    static boolean matches(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            default -> true;
        };
    }

    static JsonNode resolve(String ref) {
        JsonNode n = spec;
        for (String part : ref.substring(2).split("/")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }

    static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(x -> collectRefs(x, out));
        }
    }
}
