package fr.preuve.indexer.fetch;

import fr.preuve.core.hash.Sha256;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.spi.Scheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link Fetcher} over {@link HttpClient}, following a {@link FetchPolicy}: allow-listed hosts only (each redirect hop
 * checked, no internal addresses), robots.txt obeyed, a per-host rate limit and retries with jittered exponential
 * backoff on 429, 5xx and network errors, honouring {@code Retry-After} (Failsafe {@link RateLimiter} and
 * {@link RetryPolicy}), a deadline and a size cap on every body, and every body stored in a {@link DownloadCache}.
 *
 * <p>Waits (rate limit, retry delays) go through a Failsafe {@link Scheduler}, and a {@code Retry-After} date is read
 * against a {@link Clock}; tests pass a scheduler that records the delays instead of sleeping, and a fixed clock.
 */
public final class HttpFetcher implements Fetcher {

    private static final ScheduledExecutorService THREADS = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "preuve-fetch");
        t.setDaemon(true);
        return t;
    });
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(410, "Gone"), Map.entry(414, "URI Too Long"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    /** One attempt's result: a status with headers and maybe a body on disk, or an error. */
    private record Attempt(int status, HttpHeaders headers, Path body, String sha256, String error, boolean retryable,
                           int attempts) {
        static Attempt error(String error, boolean retryable, int attempts) {
            return new Attempt(0, null, null, null, error, retryable, attempts);
        }

        Optional<String> header(String name) {
            return headers == null ? Optional.empty() : headers.firstValue(name);
        }
    }

    private final FetchPolicy policy;
    private final DownloadCache cache;
    private final Scheduler scheduler;
    private final Clock clock;
    private final UrlGuard guard;
    private final RetryPolicy<Attempt> retry;
    private final Map<String, FailsafeExecutor<Attempt>> perHost = new ConcurrentHashMap<>();
    private final Map<String, RobotsTxt> robots = new ConcurrentHashMap<>();
    private volatile HttpClient client;

    public HttpFetcher(FetchPolicy policy, DownloadCache cache) {
        this(policy, cache, defaultScheduler(), UrlGuard.Resolver.system());
    }

    public HttpFetcher(FetchPolicy policy, DownloadCache cache, Scheduler scheduler, UrlGuard.Resolver resolver) {
        this(policy, cache, scheduler, resolver, Clock.systemUTC());
    }

    /** With the clock that a {@code Retry-After} date is counted from. */
    public HttpFetcher(FetchPolicy policy, DownloadCache cache, Scheduler scheduler, UrlGuard.Resolver resolver,
                       Clock clock) {
        this.policy = policy;
        this.cache = cache;
        this.scheduler = scheduler;
        this.clock = clock;
        this.guard = new UrlGuard(policy, resolver);
        this.retry = RetryPolicy.<Attempt>builder()
                .handleResultIf(a -> a != null && a.retryable())
                .withMaxAttempts(policy.maxAttempts())
                .withDelayFn(ctx -> delay(ctx.getLastResult(), ctx.getAttemptCount()))
                .abortIf(a -> a != null && retryAfter(a) != null && retryAfter(a).compareTo(policy.maxRetryAfter()) > 0)
                .build();
    }

    /** The scheduler of real fetches: waits really wait, on two daemon threads. */
    public static Scheduler defaultScheduler() {
        return Scheduler.of(THREADS);
    }

    public FetchPolicy policy() {
        return policy;
    }

    @Override
    public FetchOutcome fetch(FetchRequest request) {
        URI uri = request.uri();
        String refusal = guard.refusal(uri);
        if (refusal != null) {
            return new FetchOutcome.Failed(uri, 0, refusal);
        }
        Optional<DownloadCache.Entry> cached = cache.lookup(uri);
        if (request.reuse() && cached.isPresent()) {
            DownloadCache.Entry e = cached.get();
            return new FetchOutcome.NotModified(uri, e.file(), e.sha256(), e.contentType(), false);
        }
        URI current = uri;
        for (int hop = 0; ; hop++) {
            String forbidden = robotsRefusal(current);
            if (forbidden != null) {
                return new FetchOutcome.Failed(uri, 0, forbidden);
            }
            Optional<DownloadCache.Entry> validators = hop == 0 ? cached : Optional.empty();
            Attempt a = execute(current, request.accept(), validators);
            if (a.error() != null) {
                return new FetchOutcome.Failed(uri, a.status(), a.error()
                        + (a.retryable() && a.attempts() > 1 ? " (after " + a.attempts() + " attempts)" : ""));
            }
            int status = a.status();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                String location = a.header("location").orElse(null);
                if (location == null) {
                    return new FetchOutcome.Failed(uri, status, "HTTP " + status + " redirect without a Location header");
                }
                if (hop >= policy.maxRedirects()) {
                    return new FetchOutcome.Failed(uri, status, "more than " + policy.maxRedirects() + " redirects");
                }
                URI next;
                try {
                    next = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    return new FetchOutcome.Failed(uri, status, "redirect to a malformed URL: " + location);
                }
                String refused = guard.refusal(next);
                if (refused != null) {
                    return new FetchOutcome.Failed(uri, status, "redirect to " + next + " refused: " + refused);
                }
                current = next;
                continue;
            }
            if (status == 304 && validators.isPresent()) {
                DownloadCache.Entry e = validators.get();
                return new FetchOutcome.NotModified(uri, e.file(), e.sha256(), e.contentType(), true);
            }
            if (status >= 200 && status < 300) {
                String type = a.header("content-type").orElse(null);
                DownloadCache.Entry e = cache.put(uri, a.body(), a.sha256(), type, a.header("etag").orElse(null),
                        a.header("last-modified").orElse(null));
                return new FetchOutcome.Fetched(uri, current, e.file(), e.sha256(), type);
            }
            return new FetchOutcome.Failed(uri, status, describe(a));
        }
    }

    private String describe(Attempt a) {
        String text = "HTTP " + a.status() + Optional.ofNullable(REASONS.get(a.status())).map(r -> " " + r).orElse("");
        Duration wait = retryAfter(a);
        if (a.retryable() && wait != null && a.attempts() >= 1) {
            text += " (the server asked to wait " + wait.toSeconds() + " s";
            return text + ", after " + a.attempts() + (a.attempts() == 1 ? " attempt)" : " attempts)");
        }
        return a.retryable() ? text + " after " + a.attempts() + (a.attempts() == 1 ? " attempt" : " attempts") : text;
    }

    private Attempt execute(URI uri, String accept, Optional<DownloadCache.Entry> validators) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        FailsafeExecutor<Attempt> executor = perHost.computeIfAbsent(host, h -> Failsafe.with(retry,
                RateLimiter.<Attempt>smoothBuilder(Duration.ofNanos(Math.round(1e9 / policy.requestsPerSecond())))
                        .withMaxWaitTime(Duration.ofMinutes(30)).build()).with(scheduler));
        try {
            return executor.getAsync(ctx -> attempt(uri, accept, validators, ctx.getAttemptCount() + 1)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.error("interrupted", false, 0);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RateLimitExceededException) {
                return Attempt.error("rate limit for " + host + " would need too long a wait", false, 0);
            }
            return Attempt.error("request failed: " + cause, false, 0);
        }
    }

    private Attempt attempt(URI uri, String accept, Optional<DownloadCache.Entry> validators, int n) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(policy.readTimeout())
                .header("User-Agent", policy.userAgent());
        if (accept != null) {
            b.header("Accept", accept);
        }
        validators.ifPresent(e -> {
            if (e.etag() != null) {
                b.header("If-None-Match", e.etag());
            }
            if (e.lastModified() != null) {
                b.header("If-Modified-Since", e.lastModified());
            }
        });
        long deadline = System.nanoTime() + policy.readTimeout().toNanos();
        HttpResponse<InputStream> r;
        try {
            r = client().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return Attempt.error("no answer within " + within(policy.readTimeout()), true, n);
        } catch (IOException e) {
            return Attempt.error("network error: " + e.getMessage(), true, n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.error("interrupted", false, n);
        }
        int status = r.statusCode();
        if (status < 200 || status >= 300) {
            closeQuietly(r.body());
            return new Attempt(status, r.headers(), null, null, null, status == 429 || status >= 500, n);
        }
        long declared = r.headers().firstValueAsLong("content-length").orElse(-1);
        if (declared > policy.maxBytes()) {
            closeQuietly(r.body());
            return Attempt.error("body of " + declared + " bytes is larger than the " + policy.maxBytes() + "-byte cap",
                    false, n);
        }
        return readBody(r, deadline, n);
    }

    private Attempt readBody(HttpResponse<InputStream> r, long deadline, int n) {
        Path tmp = cache.newTempFile();
        InputStream in = r.body();
        AtomicBoolean timedOut = new AtomicBoolean();
        long remaining = Math.max(1, deadline - System.nanoTime());
        ScheduledFuture<?> watchdog = THREADS.schedule(() -> {
            timedOut.set(true);
            closeQuietly(in);
        }, remaining, TimeUnit.NANOSECONDS);
        MessageDigest md = Sha256.digest();
        long total = 0;
        try (in; OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[64 * 1024];
            int k;
            while ((k = in.read(buf)) >= 0) {
                total += k;
                if (total > policy.maxBytes()) {
                    deleteQuietly(tmp);
                    return Attempt.error("body is larger than the " + policy.maxBytes() + "-byte cap", false, n);
                }
                md.update(buf, 0, k);
                out.write(buf, 0, k);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            if (timedOut.get()) {
                return Attempt.error("body not received within " + within(policy.readTimeout()), true, n);
            }
            return Attempt.error("connection broken while reading the body: " + e.getMessage(), true, n);
        } finally {
            watchdog.cancel(false);
        }
        if (timedOut.get()) {
            deleteQuietly(tmp);
            return Attempt.error("body not received within " + within(policy.readTimeout()), true, n);
        }
        return new Attempt(r.statusCode(), r.headers(), tmp, HexFormat.of().formatHex(md.digest()), null, false, n);
    }

    /** Null when robots.txt allows {@code uri}, else why not. */
    private String robotsRefusal(URI uri) {
        if (!policy.obeyRobots()) {
            return null;
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        RobotsTxt rules = robots.computeIfAbsent(origin, o -> loadRobots(URI.create(o + "/robots.txt")));
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String rule = rules.disallowedBy(policy.robotsAgent(), path);
        return rule == null ? null : "robots.txt of " + uri.getHost() + " forbids " + path + " (" + rule + ")";
    }

    /** RFC 9309: a 4xx means no rules; a 5xx or no answer means assume everything is disallowed. */
    private RobotsTxt loadRobots(URI robotsUri) {
        Attempt a = execute(robotsUri, "text/plain", Optional.empty());
        try {
            if (a.error() != null || a.status() >= 500) {
                return RobotsTxt.disallowAll();
            }
            if (a.status() >= 200 && a.status() < 300) {
                return RobotsTxt.parse(Files.readString(a.body(), StandardCharsets.UTF_8));
            }
            return RobotsTxt.ALLOW_ALL;
        } catch (IOException e) {
            return RobotsTxt.disallowAll();
        } finally {
            if (a.body() != null) {
                deleteQuietly(a.body());
            }
        }
    }

    /**
     * The wait before retry number {@code attempts}: the server's {@code Retry-After} plus up to 10 % (jitter never
     * shortens what the server asked), else exponential backoff from {@link FetchPolicy#backoffFirst()} up to
     * {@link FetchPolicy#backoffMax()}, jittered by ±25 % so that clients do not retry in step.
     */
    private Duration delay(Attempt last, int attempts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Duration asked = retryAfter(last);
        if (asked != null) {
            return asked.plusMillis(Math.round(asked.toMillis() * 0.1 * random.nextDouble()));
        }
        long first = policy.backoffFirst().toMillis();
        long exp = first << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(policy.backoffMax().toMillis(), exp);
        return Duration.ofMillis(Math.round(capped * (0.75 + 0.5 * random.nextDouble())));
    }

    /** {@code Retry-After} of a 429 or 503, in seconds or as an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(Attempt a) {
        if (a == null || a.headers() == null) {
            return null;
        }
        return RetryAfter.parse(a.header("retry-after").orElse(null), clock.instant());
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(policy.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                c = client;
            }
        }
        return c;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file in the cache's tmp directory
        }
    }

    /** A timeout as a person reads it: {@code 30 s}, or {@code 400 ms} under a second. */
    static String within(java.time.Duration timeout) {
        return timeout.toMillis() < 1_000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }
}
