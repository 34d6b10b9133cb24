package fr.preuve.server.metrics;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every HTTP request by method, route template ({@code /api/documents/{id}}; {@code static} for the page's
 * files, {@code unmatched} for a path no route serves) and status class ({@code 2xx} … {@code 5xx}). The raw path and
 * the query string are never labels.
 */
final class HttpMetrics implements RequestLogger {
    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float millis) {
        Timer.builder("preuve.http.requests").description("HTTP requests, by route template and status class")
                .tag("method", ctx.method().name()).tag("route", route(ctx)).tag("status", (ctx.statusCode() / 100) + "xx")
                .serviceLevelObjectives(Metrics.BUCKETS).register(registry)
                .record(Duration.ofNanos(Math.round(millis * 1e6)));
    }

    /** The template of the route that served {@code ctx}, never its path. */
    static String route(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null && !matched.path.equals("*")) {
            return matched.path;
        }
        return ctx.statusCode() == 404 || ctx.path().startsWith("/api/") ? "unmatched" : "static";
    }
}
