package fr.preuve.eval.answers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.answer.Answer;
import fr.preuve.eval.dataset.Question;
import fr.preuve.indexer.fetch.RetryAfter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Asks a running Preuve: {@code POST <base>/api/ask} with {@code {"question": ...}}, read back as an {@link Answer}
 * (fields this version does not know are ignored), with {@code Authorization: Bearer <token>} when the server wants
 * one. Told to slow down (429), it waits as {@code Retry-After} says and asks again, a few times; any other non-200
 * answer or a body that is not an answer stops the run, naming the question and the server's message.
 */
public final class RemoteAnswers implements Function<Question, Answer> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** How many times one question is asked again after a 429. */
    static final int MAX_RETRIES = 8;
    /** The longest wait a server's {@code Retry-After} may impose. */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    /** Waits; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final URI ask;
    private final Duration timeout;
    private final String token;
    private final Sleeper sleeper;
    private final HttpClient http;

    /**
     * @param base    the server's base URL, e.g. {@code http://localhost:7070}
     * @param timeout how long to wait for one answer
     */
    public RemoteAnswers(URI base, Duration timeout) {
        this(base, timeout, null, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * @param base    the server's base URL, e.g. {@code http://localhost:7070}
     * @param timeout how long to wait for one answer
     * @param token   the API token ({@code PREUVE_TOKEN}), or null for a server without authentication
     * @param sleeper how to wait before asking again after a 429
     */
    public RemoteAnswers(URI base, Duration timeout, String token, Sleeper sleeper) {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || base.getHost() == null) {
            throw new IllegalArgumentException("--server must be an http(s) URL such as http://localhost:7070, got '"
                    + base + "'");
        }
        String b = base.toString();
        this.ask = URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/api/ask");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public Answer apply(Question q) {
        HttpResponse<String> r;
        int retries = 0;
        try {
            String body = JSON.writeValueAsString(Map.of("question", q.question()));
            HttpRequest.Builder request = HttpRequest.newBuilder(ask).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            while (r.statusCode() == 429 && retries++ < MAX_RETRIES) {
                sleeper.sleep(retryAfter(r));
                r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("question " + q.id() + ": POST " + ask + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + ask, e);
        }
        if (r.statusCode() == 401) {
            throw new IllegalStateException("question " + q.id() + ": POST " + ask + " answered 401: the server wants "
                    + "an API token; set PREUVE_TOKEN to one ('preuve token create --role clinician --name eval') ("
                    + r.body().strip() + ")");
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("question " + q.id() + ": POST " + ask + " answered " + r.statusCode() + ": "
                    + r.body().strip());
        }
        try {
            return JSON.readValue(r.body(), Answer.class);
        } catch (IOException e) {
            throw new IllegalStateException("question " + q.id() + ": " + ask + " did not return an answer: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The server's {@code Retry-After} ({@link RetryAfter}), at least one second and at most {@link #MAX_WAIT}. */
    private static Duration retryAfter(HttpResponse<String> r) {
        Duration asked = RetryAfter.parse(r.headers().firstValue("Retry-After").orElse(null), Instant.now());
        Duration d = asked == null || asked.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : asked;
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }
}
