package fr.preuve.eval.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import fr.preuve.eval.dataset.Question;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asking a server with authentication and rate limits: the bearer token, waiting as 429's Retry-After says. */
class RemoteAnswersTest {
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private static final Question Q = new Question("q1", "Quelle dose de charge de quinine ?", "fr", List.of(), null,
            List.of(), true);

    /** A server that answers {@code statuses} in turn (then the last one again), with {@code Retry-After: 3}. */
    private URI serve(int... statuses) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/ask", ex -> {
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            byte[] body = ("{\"status\":" + status + ",\"error\":\"scripted\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Retry-After", "3");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void toldToSlowDownItWaitsAsTheServerSaysThenAsksAgainWithItsToken() throws Exception {
        RemoteAnswers remote = new RemoteAnswers(serve(429, 429, 200), Duration.ofSeconds(5), "pv_eval", waits::add);
        assertThatThrownBy(() -> remote.apply(Q)).hasMessageContaining("did not return an answer"); // the scripted 200
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(authorizations).hasSize(3).allMatch("Bearer pv_eval"::equals);
    }

    @Test
    void itGivesUpAfterAFewRefusalsAndSaysWhenATokenIsMissing() throws Exception {
        RemoteAnswers flooded = new RemoteAnswers(serve(429), Duration.ofSeconds(5), null, waits::add);
        assertThatThrownBy(() -> flooded.apply(Q)).hasMessageContaining("answered 429");
        assertThat(waits).hasSize(RemoteAnswers.MAX_RETRIES);
        assertThat(authorizations).allMatch("null"::equals);
        stop();
        RemoteAnswers anonymous = new RemoteAnswers(serve(401), Duration.ofSeconds(5), null, waits::add);
        assertThatThrownBy(() -> anonymous.apply(Q)).hasMessageContaining("PREUVE_TOKEN");
    }
}
