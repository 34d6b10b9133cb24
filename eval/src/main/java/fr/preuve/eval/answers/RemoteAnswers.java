package fr.preuve.eval.answers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.answer.Answer;
import fr.preuve.eval.dataset.Question;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Asks a running Preuve: {@code POST <base>/api/ask} with {@code {"question": ...}}, read back as an {@link Answer}
 * (fields this version does not know are ignored). A non-200 answer or a body that is not an answer stops the run,
 * naming the question and the server's message.
 */
public final class RemoteAnswers implements Function<Question, Answer> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI ask;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param base    the server's base URL, e.g. {@code http://localhost:7070}
     * @param timeout how long to wait for one answer
     */
    public RemoteAnswers(URI base, Duration timeout) {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || base.getHost() == null) {
            throw new IllegalArgumentException("--server must be an http(s) URL such as http://localhost:7070, got '"
                    + base + "'");
        }
        String b = base.toString();
        this.ask = URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/api/ask");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public Answer apply(Question q) {
        HttpResponse<String> r;
        try {
            String body = JSON.writeValueAsString(Map.of("question", q.question()));
            r = http.send(HttpRequest.newBuilder(ask).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("question " + q.id() + ": POST " + ask + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + ask, e);
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
}
