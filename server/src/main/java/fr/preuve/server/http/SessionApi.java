package fr.preuve.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.config.AuthSettings;
import fr.preuve.server.auth.Principal;
import fr.preuve.server.auth.Security;
import fr.preuve.server.auth.Sessions;
import fr.preuve.server.auth.TokenStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/session}: who the page is ({@code GET}), logging in with an API token ({@code POST {"token"}}, which
 * sets an HttpOnly, SameSite=Strict session cookie, Secure over TLS) and logging out ({@code DELETE}).
 */
final class SessionApi {
    private final Security security;

    SessionApi(Security security) {
        this.security = security;
    }

    /** How the server authenticates and who the caller is; the page asks it first. */
    Map<String, Object> who(Context ctx) {
        AuthSettings s = security.settings();
        Principal p = Gate.principal(ctx);
        boolean known = p.proof() != Principal.Proof.ANONYMOUS;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", s.mode().key());
        m.put("insecure", s.insecureNoAuth());
        m.put("authenticated", known);
        m.put("user", known ? p.name() : null);
        m.put("role", known ? p.role().key() : null);
        return m;
    }

    void get(Context ctx) {
        ctx.json(who(ctx));
    }

    void login(Context ctx, JsonNode body) {
        switch (security.settings().mode()) {
            case NONE -> throw ApiError.badRequest("this server runs without authentication; there is nothing to log in to");
            case TRUSTED_HEADER -> throw ApiError.badRequest("this server is reached through the hospital's "
                    + "authenticating proxy, which logs you in");
            case TOKENS -> {
            }
        }
        String ip = ctx.ip();
        security.limits().checkLogin(ip);
        JsonNode token = body.get("token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw ApiError.badRequest("field token (an API token from 'preuve token create') is missing");
        }
        TokenStore.TokenInfo info = security.authenticator().tokens().find(token.asText().strip()).orElse(null);
        if (info == null) {
            security.limits().loginFailed(ip);
            throw new ApiError(401, "this API token is unknown or revoked");
        }
        String id = security.authenticator().sessions().open(info.hash());
        boolean tls = ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
        ctx.attribute(Gate.PRINCIPAL, Principal.of(info.name(), info.role()));
        ctx.json(who(ctx));
    }

    void logout(Context ctx) {
        security.authenticator().sessions().close(ctx.cookie(Sessions.COOKIE));
        ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(204);
    }
}
