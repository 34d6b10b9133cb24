package fr.preuve.indexer.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A local HTTP server replaying recorded answers for source tests: routes by path, optional scripted sequences
 * (429, 503, then the real body), redirects, slow and oversized bodies; it logs every request so tests can assert
 * what was (not) downloaded. Unrouted paths, {@code /robots.txt} included, answer 404.
 */
public final class ReplayServer implements AutoCloseable {

    /** A request as received. */
    public record Request(String path, String query, Map<String, String> headers) {
        /** A decoded query parameter (the last one of that name), or null. */
        public String param(String name) {
            String value = null;
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    if (k.equals(name)) {
                        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    }
                }
            }
            return value;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return path + (query == null ? "" : "?" + query);
        }
    }

    /** An answer: status, headers, body; {@code chunkDelayMillis} > 0 sends the body slowly, 1 KB at a time. */
    public record Reply(int status, Map<String, String> headers, byte[] body, long chunkDelayMillis) {
        public static Reply ok(byte[] body, String contentType) {
            return new Reply(200, Map.of("Content-Type", contentType), body, 0);
        }

        public static Reply file(Path file, String contentType) {
            try {
                return ok(Files.readAllBytes(file), contentType);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Reply text(String text) {
            return ok(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        }

        public static Reply status(int status) {
            return new Reply(status, Map.of(), new byte[0], 0);
        }

        public static Reply redirect(String location) {
            return new Reply(302, Map.of("Location", location), new byte[0], 0);
        }

        public Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, chunkDelayMillis);
        }

        public Reply slow(long delayMillisPerKilobyte) {
            return new Reply(status, headers, body, delayMillisPerKilobyte);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Request> log = Collections.synchronizedList(new ArrayList<>());

    public ReplayServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests for {@code path} with {@code handler}. */
    public ReplayServer route(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
        return this;
    }

    public ReplayServer route(String path, Reply reply) {
        return route(path, r -> reply);
    }

    /** The next requests for {@code path} get these replies first, in order; then the route answers. */
    public ReplayServer script(String path, Reply... replies) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** {@code http://127.0.0.1:<port><pathAndQuery>}. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request received, in order. */
    public List<Request> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The requests for {@code path}. */
    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    public void clearLog() {
        log.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Request req = new Request(ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(), headers);
            log.add(req);
            Deque<Reply> script = scripts.get(req.path());
            Reply reply = null;
            if (script != null) {
                synchronized (script) {
                    reply = script.poll();
                }
            }
            if (reply == null) {
                Function<Request, Reply> route = routes.get(req.path());
                reply = route == null ? Reply.status(404) : route.apply(req);
            }
            Headers out = ex.getResponseHeaders();
            reply.headers().forEach(out::add);
            byte[] body = reply.body();
            boolean noBody = body.length == 0 || reply.status() == 304;
            ex.sendResponseHeaders(reply.status(), noBody ? -1 : reply.chunkDelayMillis() > 0 ? 0 : body.length);
            if (!noBody) {
                OutputStream os = ex.getResponseBody();
                if (reply.chunkDelayMillis() > 0) {
                    for (int i = 0; i < body.length; i += 1024) {
                        os.write(body, i, Math.min(1024, body.length - i));
                        os.flush();
                        Thread.sleep(reply.chunkDelayMillis());
                    }
                } else {
                    os.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the client went away (timeout, size cap): nothing to answer
        }
    }
}
