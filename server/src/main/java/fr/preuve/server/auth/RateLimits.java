package fr.preuve.server.auth;

import fr.preuve.core.config.Defaults;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Request limits: token buckets (Bucket4j) per client for questions, for other requests and for failed logins, and a
 * cap on the questions answered at once by the whole server. A refused request learns how many seconds to wait
 * ({@code Retry-After}).
 */
public final class RateLimits {
    private static final int MAX_CLIENTS = 20_000;

    /**
     * @param questionsPerMinute  asks, streamed asks and searches per client and minute
     * @param requestsPerMinute   any API request per client and minute
     * @param loginsPerMinute     failed logins per address and minute
     * @param concurrentQuestions questions answered at once, server-wide
     * @param queueWait           how long a question waits for one of those slots before it is refused
     */
    public record Settings(int questionsPerMinute, int requestsPerMinute, int loginsPerMinute, int concurrentQuestions,
                           Duration queueWait) {
        public Settings {
            positive("questionsPerMinute", questionsPerMinute);
            positive("requestsPerMinute", requestsPerMinute);
            positive("loginsPerMinute", loginsPerMinute);
            positive("concurrentQuestions", concurrentQuestions);
        }

        /** The limits in {@link Defaults}. */
        public static Settings defaults() {
            return new Settings(Defaults.RATE_QUESTIONS_PER_MINUTE, Defaults.RATE_REQUESTS_PER_MINUTE,
                    Defaults.RATE_LOGINS_PER_MINUTE, Defaults.MAX_CONCURRENT_QUESTIONS, Duration.ofSeconds(2));
        }

        private static void positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
        }
    }

    /** Thrown when a client must wait; {@link #retryAfterSeconds()} says how long. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        public Exceeded(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final Settings settings;
    private final TimeMeter time;
    private final Semaphore answering;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** With the system's monotonic clock. */
    public RateLimits(Settings settings) {
        this(settings, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With {@code time} (tests move it by hand). */
    public RateLimits(Settings settings, TimeMeter time) {
        this.settings = settings;
        this.time = time;
        this.answering = new Semaphore(settings.concurrentQuestions(), true);
    }

    public Settings settings() {
        return settings;
    }

    /** Counts a question from {@code client}; throws {@link Exceeded} beyond the limit. */
    public void question(String client) {
        take("q:" + client, settings.questionsPerMinute(), "questions");
    }

    /** Counts an API request from {@code client}; throws {@link Exceeded} beyond the limit. */
    public void request(String client) {
        take("r:" + client, settings.requestsPerMinute(), "requests");
    }

    /** Throws {@link Exceeded} when {@code address} has failed to log in too often lately. */
    public void checkLogin(String address) {
        var probe = bucket("l:" + address, settings.loginsPerMinute()).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            throw exceeded("failed logins", probe.getNanosToWaitForRefill());
        }
    }

    /** Counts a failed login (or bearer token) from {@code address}. */
    public void loginFailed(String address) {
        var unused = bucket("l:" + address, settings.loginsPerMinute()).tryConsume(1);
    }

    /**
     * Answers a question in one of the server's answering slots, waiting a little for one; throws {@link Exceeded}
     * when they stay busy.
     */
    public <T> T answering(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = answering.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Exceeded("the server is stopping", 1);
        }
        if (!acquired) {
            throw new Exceeded("the server is answering " + settings.concurrentQuestions()
                    + " questions already; try again in a moment", 1);
        }
        try {
            return work.get();
        } finally {
            answering.release();
        }
    }

    private void take(String key, int perMinute, String what) {
        var probe = bucket(key, perMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw exceeded(what, probe.getNanosToWaitForRefill());
        }
    }

    private Bucket bucket(String key, int perMinute) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(time).build());
        }
    }

    private static Exceeded exceeded(String what, long nanos) {
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new Exceeded("too many " + what + " from this client; try again in " + seconds + " s", seconds);
    }
}
