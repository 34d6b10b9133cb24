package fr.preuve.server.metrics;

import fr.preuve.server.http.Backend;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * What operators read: {@code GET /metrics} (Prometheus text format), {@code GET /ready} (200 once the index is open
 * and the audit trail writable, 503 with the reasons before), the timing of every request and its log line
 * ({@link RequestLog}). Who may read them is
 * the gate's business (loopback, or the admin role, when authentication is on).
 */
public final class Operations {
    /** The Prometheus text format's media type. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private Operations() {
    }

    /** Declares the routes, the request timer over {@code backend}'s meters and the request log in {@code config}. */
    public static void install(JavalinConfig config, Backend backend, RequestLog requests) {
        config.requestLogger.http(new HttpMetrics(backend.metrics().registry()));
        config.requestLogger.http(requests);
        config.routes.get("/metrics", ctx -> metrics(ctx, backend));
        config.routes.get("/ready", ctx -> ready(ctx, backend));
    }

    private static void metrics(Context ctx, Backend backend) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(PROMETHEUS_TEXT).result(backend.metrics().scrape().orElse(""));
    }

    private static void ready(Context ctx, Backend backend) {
        Readiness r = Readiness.of(backend);
        ctx.header("Cache-Control", "no-store");
        if (r.ready()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ctx.status(503).json(Map.of("status", "not ready", "reasons", r.reasons()));
        }
    }
}
