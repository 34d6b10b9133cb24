package fr.preuve.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Reads request bodies as JSON objects with the server's strict mapper (a repeated field is an error). */
final class JsonBodies {
    private final ObjectMapper json;

    JsonBodies(ObjectMapper json) {
        this.json = json;
    }

    /** The request body as a JSON object; a 400 naming the problem otherwise ({@code example} shows the shape). */
    JsonNode object(Context ctx, String example) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (io.javalin.http.HttpResponseException e) { // too large: 413
            throw e;
        } catch (Exception e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object such as " + example);
        }
        return body;
    }
}
