package fr.preuve.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** The librarian's corpus routes that take parameters: differences between versions, starting and stopping runs. */
final class CorpusApi {
    private final Backend backend;
    private final JsonBodies bodies;

    CorpusApi(Backend backend, JsonBodies bodies) {
        this.backend = backend;
        this.bodies = bodies;
    }

    /**
     * {@code POST /api/corpus/runs {"force"?: false}} (librarians): starts a run of the served corpus, its declaration
     * read again → 202 with the progress; 409 while a run is in progress or when the index is read-only.
     */
    void startRun(Context ctx) {
        JsonNode body = bodies.object(ctx, "{\"force\": false}");
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("force")) {
                throw ApiError.badRequest("unknown field '" + f + "'; expected force");
            }
        }
        JsonNode force = body.get("force");
        if (force != null && !force.isBoolean()) {
            throw ApiError.badRequest("field force must be true or false");
        }
        try {
            backend.startRun(force != null && force.asBoolean());
        } catch (IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        }
        ctx.status(202).json(backend.indexing());
    }

    /** {@code DELETE /api/corpus/runs} (librarians): stops the run in progress at its next batch → 202; 409 without one. */
    void cancelRun(Context ctx) {
        try {
            backend.cancelRun();
        } catch (IllegalStateException e) {
            throw new ApiError(409, e.getMessage());
        }
        ctx.status(202).json(backend.indexing());
    }

    /** {@code ?from=V1&to=V2}: the documents added, changed and removed between two corpus versions. */
    void diff(Context ctx) {
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            throw ApiError.badRequest("parameters from and to (two corpus versions) are required");
        }
        try {
            ctx.json(backend.history().diff(from, to));
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound(e.getMessage());
        }
    }
}
