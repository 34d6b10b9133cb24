package fr.preuve.server.http;

import fr.preuve.server.auth.Authenticator;
import fr.preuve.server.auth.Principal;
import fr.preuve.server.auth.Role;
import fr.preuve.server.auth.Security;
import fr.preuve.server.auth.Sessions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Runs before every request: refuses requests from other sites (foreign {@code Origin}, {@code Sec-Fetch-Site:
 * cross-site}) and bodies that are not JSON, says who sends the request, checks their role against the route, and
 * counts the request against the client's rate limits. The page, {@code /health} and {@code /api/session} are open;
 * {@code /metrics} and {@code /ready} are open to requests made on this machine, and need the admin role otherwise.
 */
final class Gate {
    static final String PRINCIPAL = "preuve.principal";
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<HandlerType> WITH_BODY = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> OPERATIONS = Set.of("/metrics", "/ready");

    private final Security security;

    Gate(Security security) {
        this.security = security;
    }

    /** The sender of {@code ctx}, as the gate established it. */
    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        return p != null ? p : Principal.open();
    }

    /** The role {@code path} needs; null when it is open to anyone. */
    static Role needed(String path) {
        if (OPERATIONS.contains(path)) { // except from this machine (direct)
            return Role.ADMIN;
        }
        if (!path.startsWith("/api/") || path.equals("/api/session") || path.equals("/api/docs")) {
            return null;
        }
        if (path.equals("/api/corpus") || path.startsWith("/api/corpus/")) {
            return Role.LIBRARIAN;
        }
        if (path.startsWith("/api/admin/")) {
            return Role.ADMIN;
        }
        return Role.CLINICIAN;
    }

    void before(Context ctx) {
        boolean local = !security.settings().required() && !security.settings().insecureNoAuth();
        if (local && !localHost(ctx.header("Host"))) { // a DNS-rebinding page cannot reach an open local server
            throw new ApiError(403, "this server runs without authentication and answers requests addressed to "
                    + "localhost only");
        }
        if (!READS.contains(ctx.method())) {
            sameOrigin(ctx);
            if (WITH_BODY.contains(ctx.method()) || ctx.contentLength() > 0) {
                json(ctx);
            }
        }
        Role needed = OPERATIONS.contains(ctx.path()) && direct(ctx) ? null : needed(ctx.path());
        Principal principal = identify(ctx, needed != null);
        ctx.attribute(PRINCIPAL, principal);
        if (needed == null) {
            return;
        }
        if (principal.proof() == Principal.Proof.ANONYMOUS || !principal.role().includes(needed)) {
            throw new ApiError(403, "the role " + principal.role().key() + " may not use " + ctx.path() + "; it needs "
                    + needed.key());
        }
        String client = principal.authenticated() ? "user:" + principal.name() : "ip:" + ctx.ip();
        security.limits().request(client);
        if (question(ctx)) {
            security.limits().question(client);
        }
    }

    private Principal identify(Context ctx, boolean required) {
        Authenticator.Outcome outcome = security.authenticator().authenticate(new Authenticator.Request(
                ctx.header("Authorization"), ctx.cookie(Sessions.COOKIE), ctx.ip(), ctx::header));
        return switch (outcome) {
            case Authenticator.Known k -> k.principal();
            case Authenticator.Refused r -> {
                if (r.status() == 401) {
                    security.limits().checkLogin(ctx.ip());
                    security.limits().loginFailed(ctx.ip());
                }
                if (required || ctx.header("Authorization") != null) {
                    throw new ApiError(r.status(), r.message());
                }
                yield Principal.anonymous();
            }
            case Authenticator.Anonymous a -> {
                if (required) {
                    throw new ApiError(401, "authentication required: send 'Authorization: Bearer <token>' or log in "
                            + "with POST /api/session");
                }
                yield Principal.anonymous();
            }
        };
    }

    /**
     * A request from a loopback address that no proxy relayed (no forwarding header, not from a trusted proxy): it
     * was made on this machine.
     */
    private boolean direct(Context ctx) {
        var from = Authenticator.address(ctx.ip());
        return from.isPresent() && from.get().isLoopbackAddress() && ctx.header("Forwarded") == null
                && ctx.header("X-Forwarded-For") == null && !security.authenticator().fromTrustedProxy(ctx.ip());
    }

    private static boolean question(Context ctx) {
        String path = ctx.path();
        return ctx.method().equals(HandlerType.POST) && (path.equals("/api/ask") || path.equals("/api/ask/stream"))
                || path.equals("/api/search");
    }

    /** Refuses a state-changing request that another site's page made a browser send. */
    private static void sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw new ApiError(403, "cross-site request refused (Sec-Fetch-Site: " + site + ")");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return; // not sent by a browser on another site: curl, scripts, the eval harness
        }
        String host = ctx.header("Host");
        URI o;
        try {
            o = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiError(403, "cross-site request refused (Origin: " + origin + ")");
        }
        if (o.getHost() == null || host == null || !o.getRawAuthority().equalsIgnoreCase(host.strip())) {
            throw new ApiError(403, "cross-site request refused: Origin " + origin + " is not this server (" + host + ")");
        }
    }

    private static void json(Context ctx) {
        String type = ctx.contentType();
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new ApiError(415, "the body must be JSON (Content-Type: application/json), got "
                    + (type == null ? "no Content-Type" : "'" + type + "'"));
        }
    }

    private static boolean localHost(String host) {
        if (host == null) {
            return true; // HTTP/1.0 clients on this machine
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        return LOCAL_NAMES.contains(h) || h.startsWith("127.");
    }
}
