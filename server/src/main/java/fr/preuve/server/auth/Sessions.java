package fr.preuve.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's sessions, in memory: a login with a token opens one, named by a random id in an HttpOnly cookie. A
 * session remembers the token's hash, not its secret, so that revoking the token ends it; it also ends after
 * {@code idle} without use, on logout, and when the server restarts.
 */
public final class Sessions {
    /** The cookie carrying the session id. */
    public static final String COOKIE = "preuve_session";
    private static final int MAX_SESSIONS = 10_000;

    /** One open session. */
    record Session(String tokenHash, Instant lastSeen) {
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;

    public Sessions(Clock clock, Duration idle) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("session idle time must be positive, got " + idle);
        }
        this.clock = clock;
        this.idle = idle;
    }

    public Duration idle() {
        return idle;
    }

    /** Opens a session for the token whose hash is {@code tokenHash}; returns its id. */
    public String open(String tokenHash) {
        if (byId.size() >= MAX_SESSIONS) {
            Instant now = clock.instant();
            byId.values().removeIf(s -> expired(s, now));
            if (byId.size() >= MAX_SESSIONS) {
                throw new IllegalStateException("too many open sessions (" + MAX_SESSIONS + "); try again later");
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byId.put(id, new Session(tokenHash, clock.instant()));
        return id;
    }

    /** The token hash of the live session {@code id}, which counts as a use. */
    public Optional<String> tokenHash(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = byId.computeIfPresent(id, (k, v) -> expired(v, now) ? null : new Session(v.tokenHash(), now));
        return s == null ? Optional.empty() : Optional.of(s.tokenHash());
    }

    /** Ends the session {@code id}, if open. */
    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    private boolean expired(Session s, Instant now) {
        return s.lastSeen().plus(idle).isBefore(now);
    }
}
