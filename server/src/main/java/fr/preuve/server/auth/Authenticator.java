package fr.preuve.server.auth;

import fr.preuve.core.config.AuthSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Says who makes a request, from what it carries: a bearer token or the page's session cookie (API tokens), or the
 * headers of the hospital's authenticating proxy, believed only from the proxy's addresses (trusted header).
 */
public final class Authenticator {

    /** What a request proved about its sender. */
    public sealed interface Outcome {
    }

    /** The sender is known (or authentication is off: {@link Principal#open()}). */
    public record Known(Principal principal) implements Outcome {
    }

    /** The request carries no credentials: fine for the open routes only. */
    public record Anonymous() implements Outcome {
    }

    /** The request carries credentials that do not hold. */
    public record Refused(int status, String message) implements Outcome {
    }

    /** What the authenticator reads from a request. */
    public record Request(String authorization, String sessionId, String remoteAddress, UnaryOperator<String> header) {
    }

    private final AuthSettings settings;
    private final TokenStore tokens;
    private final Sessions sessions;
    private final Set<InetAddress> proxies = new HashSet<>();

    public Authenticator(AuthSettings settings, TokenStore tokens, Sessions sessions) {
        this.settings = settings;
        this.tokens = tokens;
        this.sessions = sessions;
        for (String p : settings.trustedProxies()) {
            proxies.add(address(p).orElseThrow(() -> new IllegalArgumentException(
                    "auth.trustedProxies: '" + p + "' is not an IP address")));
        }
    }

    public AuthSettings settings() {
        return settings;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** Who sent {@code r}. */
    public Outcome authenticate(Request r) {
        return switch (settings.mode()) {
            case NONE -> new Known(Principal.open());
            case TOKENS -> byToken(r);
            case TRUSTED_HEADER -> byProxy(r);
        };
    }

    private Outcome byToken(Request r) {
        String auth = r.authorization();
        if (auth != null && !auth.isBlank()) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Refused(401, "the Authorization header must be 'Bearer <token>'");
            }
            return tokens.find(auth.substring(7).strip())
                    .<Outcome>map(t -> new Known(Principal.of(t.name(), t.role())))
                    .orElseGet(() -> new Refused(401, "this API token is unknown or revoked"));
        }
        if (r.sessionId() != null) {
            var token = sessions.tokenHash(r.sessionId()).flatMap(tokens::byHash);
            if (token.isEmpty()) {
                sessions.close(r.sessionId());
                return new Refused(401, "the session has ended (expired, logged out or its token revoked); log in again");
            }
            return new Known(Principal.of(token.get().name(), token.get().role()));
        }
        return new Anonymous();
    }

    /** Whether {@code remoteAddress} is one of the trusted proxies' ({@code auth.trustedProxies}). */
    public boolean fromTrustedProxy(String remoteAddress) {
        return address(remoteAddress).map(proxies::contains).orElse(false);
    }

    private Outcome byProxy(Request r) {
        if (!fromTrustedProxy(r.remoteAddress())) {
            return new Refused(403, "this server accepts requests only through the hospital's authenticating proxy");
        }
        String user = r.header().apply(settings.trustedHeader());
        if (user == null || user.isBlank()) {
            return new Anonymous();
        }
        String roleName = settings.roleHeader() == null ? null : r.header().apply(settings.roleHeader());
        Role role;
        try {
            role = roleName == null || roleName.isBlank() ? Role.CLINICIAN : Role.parse(roleName);
        } catch (IllegalArgumentException e) {
            return new Refused(403, "the proxy gave an unknown role '" + roleName.strip().toLowerCase(Locale.ROOT)
                    + "'; expected clinician, librarian or admin");
        }
        return new Known(Principal.of(user.strip(), role));
    }

    /** {@code raw} as an IP address, without any name lookup. */
    public static java.util.Optional<InetAddress> address(String raw) {
        if (raw == null) {
            return java.util.Optional.empty();
        }
        String s = raw.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        boolean literal = s.matches("[0-9.]+") && s.chars().filter(c -> c == '.').count() == 3 || s.contains(":");
        if (!literal) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(s)); // a literal: no lookup
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }
}
