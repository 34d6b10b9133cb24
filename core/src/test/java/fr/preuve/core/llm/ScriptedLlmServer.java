package fr.preuve.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A scripted chat-model server on loopback that speaks the real wire protocols: OpenAI-compatible
 * {@code POST /v1/chat/completions} (JSON or Server-Sent Events, as also used by Mistral) and Ollama
 * {@code POST /api/chat} (JSON or NDJSON stream). Each request is answered by the script; requests are recorded.
 * Built on plain sockets so a test can also send garbage, stall, or cut a stream in the middle.
 */
public final class ScriptedLlmServer implements AutoCloseable {

    /** What the server does with one request. */
    public sealed interface Reply {
        /** A normal reply whose content is streamed in pieces of about {@code chunk} characters. */
        record Text(String content, int chunk, Duration delayBefore) implements Reply {
        }

        /** An HTTP error status with a JSON error body. */
        record Status(int status, String message) implements Reply {
        }

        /** A 200 response whose body is not the protocol at all. */
        record Garbage(String body) implements Reply {
        }

        /** Streams the first part of {@code content}, then resets the connection. */
        record Broken(String content) implements Reply {
        }
    }

    public static Reply text(String content) {
        return new Reply.Text(content, 12, Duration.ZERO);
    }

    public static Reply slow(String content, Duration delay) {
        return new Reply.Text(content, 12, delay);
    }

    /** One request as received. */
    public record Request(String path, JsonNode body) {
        public boolean streaming() {
            return body.path("stream").asBoolean(false);
        }

        /** The concatenated text of all messages. */
        public String prompt() {
            StringBuilder sb = new StringBuilder();
            body.path("messages").forEach(m -> {
                JsonNode c = m.path("content");
                if (c.isArray()) { // Mistral sends content parts
                    c.forEach(part -> sb.append(part.path("text").asText()));
                } else {
                    sb.append(c.asText());
                }
                sb.append('\n');
            });
            return sb.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-llm");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> script;

    public ScriptedLlmServer(Function<Request, Reply> script) throws IOException {
        this.script = script;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    /** Base URL for OpenAI-compatible and Mistral clients. */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /** Base URL for Ollama clients. */
    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    public void script(Function<Request, Reply> newScript) {
        this.script = newScript;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            String requestLine = readLine(in);
            int length = 0;
            for (String h = readLine(in); !h.isEmpty(); h = readLine(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            String path = requestLine.split(" ")[1];
            Request req = new Request(path, JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body));
            requests.add(req);
            OutputStream out = s.getOutputStream();
            boolean ollama = path.startsWith("/api/chat");
            if (!ollama && !path.endsWith("/chat/completions")) {
                respond(out, 404, "application/json", "{\"error\":\"no route " + path + "\"}");
                return;
            }
            Reply reply = script.apply(req);
            switch (reply) {
                case Reply.Status st -> respond(out, st.status(), "application/json",
                        JSON.writeValueAsString(JSON.createObjectNode().set("error",
                                JSON.createObjectNode().put("message", st.message()).put("type", "server_error"))));
                case Reply.Garbage g -> respond(out, 200, req.streaming() ? "text/event-stream" : "application/json", g.body());
                case Reply.Text t -> {
                    sleep(t.delayBefore());
                    if (req.streaming()) {
                        stream(out, ollama, req, t.content(), t.chunk(), t.content().length());
                        out.flush();
                    } else {
                        respond(out, 200, "application/json", whole(ollama, req, t.content()));
                    }
                }
                case Reply.Broken b -> {
                    stream(out, ollama, req, b.content(), 8, b.content().length() / 2);
                    out.flush();
                    s.setSoLinger(true, 0); // reset, not a clean end
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (e.g. it cancelled a stream after its deadline): nothing to answer
        }
    }

    private static void stream(OutputStream out, boolean ollama, Request req, String content, int chunk, int upTo)
            throws IOException {
        String type = ollama ? "application/x-ndjson" : "text/event-stream";
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        String model = req.body().path("model").asText("scripted");
        for (int i = 0; i < upTo; i += chunk) {
            String piece = content.substring(i, Math.min(upTo, i + chunk));
            if (ollama) {
                ObjectNode n = JSON.createObjectNode().put("model", model).put("created_at", "2026-11-22T00:00:00Z").put("done", false);
                n.putObject("message").put("role", "assistant").put("content", piece);
                out.write((JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                ObjectNode n = chunk(model);
                n.withArray("choices").addObject().put("index", 0).putNull("finish_reason")
                        .putObject("delta").put("role", "assistant").put("content", piece);
                out.write(("data: " + JSON.writeValueAsString(n) + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        }
        if (upTo < content.length()) {
            return;
        }
        if (ollama) {
            ObjectNode n = JSON.createObjectNode().put("model", model).put("created_at", "2026-11-22T00:00:00Z")
                    .put("done", true).put("done_reason", "stop").put("prompt_eval_count", 100).put("eval_count", 50);
            n.putObject("message").put("role", "assistant").put("content", "");
            out.write((JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8));
        } else {
            ObjectNode n = chunk(model);
            n.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            out.write(("data: " + JSON.writeValueAsString(n) + "\n\n").getBytes(StandardCharsets.UTF_8));
            if (req.body().path("stream_options").path("include_usage").asBoolean(false)) {
                // as OpenAI's protocol: a last chunk without choices carries the usage the client asked for
                ObjectNode usage = chunk(model);
                usage.putArray("choices");
                usage.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
                out.write(("data: " + JSON.writeValueAsString(usage) + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ObjectNode chunk(String model) {
        return JSON.createObjectNode().put("id", "chatcmpl-scripted").put("object", "chat.completion.chunk")
                .put("created", 1_790_000_000L).put("model", model);
    }

    private static String whole(boolean ollama, Request req, String content) throws IOException {
        String model = req.body().path("model").asText("scripted");
        ObjectNode n = JSON.createObjectNode();
        if (ollama) {
            n.put("model", model).put("created_at", "2026-11-22T00:00:00Z").put("done", true).put("done_reason", "stop");
            n.putObject("message").put("role", "assistant").put("content", content);
        } else {
            n.put("id", "chatcmpl-scripted").put("object", "chat.completion").put("created", 1_790_000_000L).put("model", model);
            n.withArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", content);
            n.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
        }
        return JSON.writeValueAsString(n);
    }

    private static void respond(OutputStream out, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\nContent-Type: " + type
                + "\r\nContent-Length: " + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(b);
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects what a gateway streamed, for assertions. */
    public static final class Tokens implements java.util.function.Consumer<String> {
        private final List<String> pieces = new ArrayList<>();

        @Override
        public synchronized void accept(String s) {
            pieces.add(s);
        }

        public synchronized List<String> pieces() {
            return List.copyOf(pieces);
        }

        public synchronized String text() {
            return String.join("", pieces);
        }
    }
}
