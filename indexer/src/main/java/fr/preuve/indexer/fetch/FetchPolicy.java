package fr.preuve.indexer.fetch;

import fr.preuve.core.config.Defaults;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules one source's downloads follow.
 *
 * @param allowedHosts      the only hosts contacted (exact names, lower case); a redirect elsewhere is refused. A host
 *                          that resolves to a loopback, private or link-local address is refused unless that address
 *                          itself is listed ({@code 127.0.0.1} in tests), so a declared name cannot reach the
 *                          internal network
 * @param userAgent         the {@code User-Agent} header
 * @param robotsAgent       the product token matched against robots.txt groups
 * @param obeyRobots        whether robots.txt is fetched and obeyed
 * @param connectTimeout    TCP connect deadline
 * @param readTimeout       deadline of a whole response (headers and body)
 * @param maxRedirects      redirects followed per request, each hop checked against {@code allowedHosts}
 * @param maxBytes          largest body accepted
 * @param requestsPerSecond per host
 * @param maxAttempts       attempts per request, retrying 429, 5xx and network errors
 * @param backoffFirst      first retry delay when the server gives no Retry-After (doubling, with jitter)
 * @param backoffMax        largest backoff delay
 * @param maxRetryAfter     a longer Retry-After ends the retries
 */
public record FetchPolicy(Set<String> allowedHosts, String userAgent, String robotsAgent, boolean obeyRobots,
                          Duration connectTimeout, Duration readTimeout, int maxRedirects, long maxBytes,
                          double requestsPerSecond, int maxAttempts, Duration backoffFirst, Duration backoffMax,
                          Duration maxRetryAfter) {

    public FetchPolicy {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(robotsAgent, "robotsAgent");
        if (allowedHosts == null || allowedHosts.isEmpty()) {
            throw new IllegalArgumentException("allowedHosts is empty: declare the hosts this source may contact");
        }
        Set<String> hosts = new TreeSet<>();
        for (String h : allowedHosts) {
            if (h == null || h.isBlank() || h.contains("/") || h.contains(":") && !h.startsWith("[")) {
                throw new IllegalArgumentException("allowed host must be a bare host name or address, got '" + h + "'");
            }
            hosts.add(h.strip().toLowerCase(Locale.ROOT));
        }
        allowedHosts = Set.copyOf(hosts);
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        positive("backoffFirst", backoffFirst);
        positive("backoffMax", backoffMax);
        positive("maxRetryAfter", maxRetryAfter);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, got " + maxRedirects);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        if (!(requestsPerSecond > 0) || requestsPerSecond > 1_000) {
            throw new IllegalArgumentException("requestsPerSecond must be in (0, 1000], got " + requestsPerSecond);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
    }

    /** The defaults of {@link Defaults} for these hosts. */
    public static FetchPolicy defaults(Collection<String> allowedHosts) {
        return new FetchPolicy(Set.copyOf(allowedHosts), Defaults.USER_AGENT, Defaults.ROBOTS_AGENT, true,
                Duration.ofSeconds(Defaults.FETCH_CONNECT_TIMEOUT_SECONDS),
                Duration.ofSeconds(Defaults.FETCH_READ_TIMEOUT_SECONDS), Defaults.FETCH_MAX_REDIRECTS,
                Defaults.FETCH_MAX_BYTES, Defaults.FETCH_REQUESTS_PER_SECOND, Defaults.FETCH_MAX_ATTEMPTS,
                Duration.ofMillis(Defaults.FETCH_BACKOFF_FIRST_MILLIS), Duration.ofSeconds(Defaults.FETCH_BACKOFF_MAX_SECONDS),
                Duration.ofSeconds(Defaults.FETCH_MAX_RETRY_AFTER_SECONDS));
    }

    /** The User-Agent with a contact address appended ({@code mailto:}), when one is given. */
    public FetchPolicy withContact(String email) {
        if (email == null || email.isBlank()) {
            return this;
        }
        String ua = userAgent.endsWith(")") ? userAgent.substring(0, userAgent.length() - 1) + "; mailto:" + email.strip() + ")"
                : userAgent + " (mailto:" + email.strip() + ")";
        return new FetchPolicy(allowedHosts, ua, robotsAgent, obeyRobots, connectTimeout, readTimeout, maxRedirects,
                maxBytes, requestsPerSecond, maxAttempts, backoffFirst, backoffMax, maxRetryAfter);
    }

    public FetchPolicy withRate(double perSecond) {
        return new FetchPolicy(allowedHosts, userAgent, robotsAgent, obeyRobots, connectTimeout, readTimeout,
                maxRedirects, maxBytes, perSecond, maxAttempts, backoffFirst, backoffMax, maxRetryAfter);
    }

    public FetchPolicy withLimits(Duration read, long bytes, int attempts) {
        return new FetchPolicy(allowedHosts, userAgent, robotsAgent, obeyRobots, connectTimeout, read, maxRedirects,
                bytes, requestsPerSecond, attempts, backoffFirst, backoffMax, maxRetryAfter);
    }

    public boolean allows(String host) {
        return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
