package fr.preuve.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerListener;
import fr.preuve.core.answer.CitedPassage;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.audit.AuditHealth;
import fr.preuve.core.audit.Feedback;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.core.index.StoredDocument;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.ModelMismatchException;
import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.server.auth.RateLimits;
import fr.preuve.server.auth.Security;
import fr.preuve.server.metrics.Operations;
import fr.preuve.server.metrics.RequestLog;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preuve's HTTP API and page, on Javalin. Routes and the single exception mapper are declared here as plain code.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Backend backend;
    private final Security security;
    private final Gate gate;
    private final SessionApi sessions;
    private final AdminApi admin;
    private final JsonBodies bodies;
    private final SearchApi search;
    private final CorpusApi corpus;
    private final RequestLog requests;
    /** Reads request bodies strictly (a repeated field is an error) and writes responses. */
    private final ObjectMapper json = Yaml.json().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private Javalin app;

    /** With the authentication the backend's configuration declares and the default rate limits. */
    public ApiServer(Backend backend) {
        this(backend, Security.of(backend.config(), backend.clock()));
    }

    public ApiServer(Backend backend, Security security) {
        this.backend = backend;
        this.security = security;
        this.gate = new Gate(security);
        this.sessions = new SessionApi(security);
        this.admin = new AdminApi(backend, security);
        this.bodies = new JsonBodies(json);
        this.search = new SearchApi(backend, bodies);
        this.corpus = new CorpusApi(backend, bodies);
        this.requests = RequestLog.of(backend.config().log(), backend.clock());
    }

    /**
     * Starts listening; a port already in use gives a {@link PortInUseException}, a non-loopback {@code host}
     * without authentication an {@link IllegalStateException} (see {@link Security#checkBind}). Returns the bound
     * port.
     */
    public int start(String host, int port) {
        security.checkBind(host);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = Defaults.HTTP_MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/public";
                sf.location = Location.CLASSPATH;
            });
            config.routes.before(ApiServer::securityHeaders);
            config.routes.before(gate::before);
            config.routes.get("/about", ctx -> page(ctx, "about.html"));
            config.routes.get("/librarian", ctx -> page(ctx, "librarian.html"));
            config.routes.get("/api/docs", ctx -> page(ctx, "docs.html"));
            config.routes.get("/openapi.json", ApiServer::openApi);
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            Operations.install(config, backend, requests); // GET /metrics, GET /ready, request timings and log
            config.routes.get("/api/session", sessions::get);
            config.routes.post("/api/session", ctx -> sessions.login(ctx, bodies.object(ctx, "{\"token\": \"pv_...\"}")));
            config.routes.delete("/api/session", sessions::logout);
            config.routes.get("/api/status", ctx -> ctx.json(status(ctx)));
            config.routes.get("/api/search", search::get);
            config.routes.post("/api/search", search::post);
            config.routes.post("/api/ask", this::ask);
            config.routes.post("/api/ask/stream", ctx -> stream(ctx, askRequest(ctx)));
            config.routes.get("/api/ask", ApiServer::questionInUrl);
            config.routes.get("/api/ask/stream", ApiServer::questionInUrl);
            config.routes.post("/api/guard", this::guard);
            config.routes.post("/api/feedback", this::feedback);
            config.routes.get("/api/passages/{id}", this::passage);
            config.routes.get("/api/documents/{id}", this::document);
            config.routes.get("/api/corpus", ctx -> ctx.json(backend.corpusStatus()));
            config.routes.get("/api/corpus/versions", ctx -> ctx.json(backend.history().versions().reversed()));
            config.routes.get("/api/corpus/diff", corpus::diff);
            config.routes.post("/api/corpus/runs", corpus::startRun);
            config.routes.delete("/api/corpus/runs", corpus::cancelRun);
            config.routes.get("/api/admin/audit", admin::audit);
            config.routes.get("/api/admin/tokens", admin::tokens);
            config.routes.exception(Exception.class, this::onError);
            jsonError(config, 404, ctx -> "no such endpoint: " + ctx.method() + " " + ctx.path());
            jsonError(config, 413, ctx -> "the request body is larger than " + Defaults.HTTP_MAX_BODY_BYTES + " bytes");
            jsonError(config, 405, ctx -> "method " + ctx.method() + " is not allowed on " + ctx.path());
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new PortInUseException(port, e);
            }
            throw e;
        }
        return app.port();
    }

    /** The routes Javalin registered, as {@code "METHOD /path"} ({@code /openapi.json} must describe each). */
    public java.util.List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().filter(h -> h.endpoint.method.isHttpMethod())
                .map(h -> h.endpoint.method.name() + " " + h.endpoint.path).toList();
    }

    /** The OpenAPI 3.1 description of this API (a resource kept true by a test against {@link #routes()}). */
    private static void openApi(Context ctx) {
        InputStream in = ApiServer.class.getResourceAsStream("openapi.json");
        if (in == null) {
            throw ApiError.notFound("openapi.json is missing from the server module");
        }
        ctx.contentType("application/json; charset=utf-8").result(in);
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        requests.close();
    }

    // ---------------------------------------------------------------- handlers

    /** A question and its filters, from a JSON body. */
    private record AskRequest(String question, Filters filters) {
    }

    private AskRequest askRequest(Context ctx) {
        JsonNode body = bodies.object(ctx, "{\"question\": \"...\"}");
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("question") && !f.equals("filters")) {
                throw ApiError.badRequest("unknown field '" + f + "'; expected question and filters");
            }
        }
        JsonNode q = body.get("question");
        if (q == null || !q.isTextual()) {
            throw ApiError.badRequest("field question is missing or is not a string");
        }
        return new AskRequest(validated(q.asText()), RequestParams.filters(body.get("filters")));
    }

    /** A question never travels in a URL (browser history, access logs): it is POSTed as JSON. */
    private static void questionInUrl(Context ctx) {
        ctx.header("Allow", "POST");
        throw new ApiError(405, "a question is never sent in a URL, where history and logs would keep it: POST "
                + ctx.path() + " with a JSON body {\"question\": \"...\"}");
    }

    private String validated(String question) {
        try {
            return backend.answers().validate(question);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private void ask(Context ctx) {
        AskRequest r = askRequest(ctx);
        Answer answer = security.limits().answering(() -> backend.ask(r.question(), r.filters(), AuditChannel.API,
                Gate.principal(ctx).requester(), AnswerListener.NONE));
        ctx.attribute(RequestLog.ANSWER, answer);
        ctx.json(answer);
    }

    /**
     * Server-Sent Events: {@code passages} (the numbered passages given to the model), {@code token} (pieces of the
     * model's text, not yet verified), then {@code answer} (the verified answer, as {@code POST /api/ask} returns it)
     * or {@code error}.
     */
    private void stream(Context ctx, AskRequest r) {
        security.limits().answering(() -> {
            streamAnswer(ctx, r);
            return null;
        });
    }

    private void streamAnswer(Context ctx, AskRequest r) {
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        SseWriter sse;
        try {
            sse = new SseWriter(ctx.res().getOutputStream(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            Answer answer = backend.ask(r.question(), r.filters(), AuditChannel.STREAM, Gate.principal(ctx).requester(),
                    new AnswerListener() {
                @Override
                public void onPassages(List<CitedPassage> passages) {
                    sse.send("passages", passages);
                }

                @Override
                public void onToken(String text) {
                    sse.send("token", Map.of("text", text));
                }
            });
            ctx.attribute(RequestLog.ANSWER, answer);
            sse.send("answer", answer);
        } catch (ModelMismatchException e) {
            sse.send("error", error(503, e.getMessage()));
        } catch (RuntimeException e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("stream {} failed (ref {})", ctx.path(), ref, e);
            ctx.attribute(RequestLog.ERROR_REF, ref);
            sse.send("error", error(500, "internal error (ref " + ref + "); the server log has the details"));
        }
    }

    /** What the patient-data guard finds in {@code {"text": "..."}}; nothing is stored or logged. */
    private void guard(Context ctx) {
        JsonNode text = bodies.object(ctx, "{\"text\": \"...\"}").get("text");
        if (text == null || !text.isTextual()) {
            throw ApiError.badRequest("field text is missing or is not a string");
        }
        ctx.json(Map.of("findings", backend.guard().scan(RequestParams.limited(backend, "text", text.asText()))));
    }

    /**
     * A clinician's rating of an answer: {@code {"answerId", "rating": useful|not_useful|incorrect, "correction"?}}
     * → 201 {@code {"id", "answerId", "rating"}}; 404 when the answer is not in the audit trail. Identifying data in
     * the correction is replaced by placeholders before it is stored.
     */
    private void feedback(Context ctx) {
        JsonNode body = bodies.object(ctx, "{\"answerId\": \"...\", \"rating\": \"useful\"}");
        FeedbackRequest f;
        try {
            f = FeedbackRequest.of(body, backend.guard());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        Optional<Feedback> stored;
        try {
            stored = backend.auditLog().feedback(f.answerId(), f.rating(), f.correction(), f.removed(),
                    backend.clock().instant());
        } catch (IllegalStateException e) {
            LOG.error("audit: feedback on answer {} not stored: {}", f.answerId(), e.getMessage());
            throw new ApiError(503, "the audit trail is unavailable; the feedback was not stored (the server log has the details)");
        }
        var fb = stored.orElseThrow(() -> ApiError.notFound("no answer with id '" + f.answerId() + "' in the audit trail"));
        ctx.status(201).json(Map.of("id", fb.id(), "answerId", fb.answerId(), "rating", fb.rating()));
    }

    private void passage(Context ctx) {
        String id = ctx.pathParam("id");
        Passage p = backend.index().passage(id)
                .orElseThrow(() -> ApiError.notFound("no passage with id '" + id + "'"));
        ctx.json(p);
    }

    private void document(Context ctx) {
        String id = ctx.pathParam("id");
        StoredDocument d = backend.index().document(id)
                .orElseThrow(() -> ApiError.notFound("no document with id '" + id + "'"));
        List<Passage> passages = backend.index().passagesOf(id);
        ctx.json(new DocumentResponse(d, passages));
    }

    /** A document with its passages. */
    public record DocumentResponse(StoredDocument document, List<Passage> passages) {
    }

    /** What {@code GET /api/status} returns. */
    public record Status(String status, String corpus, String description, String corpusVersion, String corpusDate,
                         String model, IndexCounts counts, IndexProgress indexing, String startedAt,
                         AuditHealth audit, Map<String, Object> auth) {
    }

    private Status status(Context ctx) {
        CorpusState state = backend.corpusState();
        IndexProgress progress = backend.indexing();
        IndexCounts counts = backend.index().counts();
        String status = progress.running() ? "indexing" : counts.passages() == 0 ? "empty" : "ready";
        return new Status(status, backend.corpus().name(), backend.corpus().description(), backend.corpusVersion(),
                state.date(), backend.modelId(), counts, progress, backend.startedAt().toString(),
                backend.auditHealth(), sessions.who(ctx));
    }

    // ---------------------------------------------------------------- errors and headers

    private void onError(Exception e, Context ctx) {
        if (e instanceof ApiError api) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(error(api.status(), api.getMessage()));
            if (api.status() == 401) {
                body.put("login", "/api/session");
            }
            ctx.status(api.status()).json(body);
            return;
        }
        if (e instanceof RateLimits.Exceeded x) {
            ctx.header("Retry-After", Long.toString(x.retryAfterSeconds()));
            ctx.status(429).json(error(429, x.getMessage()));
            return;
        }
        if (e instanceof io.javalin.http.HttpResponseException h) {
            ctx.status(h.getStatus()).json(error(h.getStatus(), h.getMessage()));
            return;
        }
        if (e instanceof ModelMismatchException m) { // until the corpus is embedded with its declared model
            ctx.status(503).json(error(503, m.getMessage()));
            return;
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("request {} {} failed (ref {})", ctx.method(), ctx.path(), ref, e);
        ctx.attribute(RequestLog.ERROR_REF, ref);
        ctx.status(500).json(error(500, "internal error (ref " + ref + "); the server log has the details"));
    }

    /**
     * Javalin's own {@code status} responses under {@code /api/} (no route, too large, wrong method) become the API's
     * JSON error with {@code message}; an error the API wrote itself is left as it is.
     */
    private static void jsonError(io.javalin.config.JavalinConfig config, int status,
                                  java.util.function.Function<Context, String> message) {
        config.routes.error(status, ctx -> {
            if (ctx.path().startsWith("/api/") && !isJson(ctx)) {
                ctx.json(error(status, message.apply(ctx)));
            }
        });
    }

    /** Whether the response already carries a JSON body (an error the API wrote itself). */
    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private static Map<String, Object> error(int status, String message) {
        return Map.of("status", status, "error", message);
    }

    /** A page of the web module ({@code /public/NAME} on the classpath), served at a path without ".html". */
    private static void page(Context ctx, String name) {
        InputStream in = ApiServer.class.getResourceAsStream("/public/" + name);
        if (in == null) {
            throw ApiError.notFound("page " + name + " is missing from the web module");
        }
        ctx.contentType("text/html; charset=utf-8").result(in);
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
