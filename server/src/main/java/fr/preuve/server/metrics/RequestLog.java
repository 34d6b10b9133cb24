package fr.preuve.server.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerSentence;
import fr.preuve.core.config.LogSettings;
import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: its route template, status, time and, for an answer, the answer's id, mode, outcome, counts,
 * timings and footprint; for a server error, the reference the client was given. Plain text among the diagnostic messages or
 * one JSON object per line ({@link LogSettings}). Never a question, a path's identifiers, a query string, a body, a
 * client address or a user: what identifies an answer is its id, which the audit trail links to the rest. Routine
 * polls ({@code /api/status}, {@code /api/session}, {@code /health}, {@code /ready}, {@code /metrics}) and the page's
 * files are logged only when they fail.
 */
public final class RequestLog implements RequestLogger, AutoCloseable {
    /** The request attribute where a route leaves the {@link Answer} it sent. */
    public static final String ANSWER = "preuve.answer";
    /** The request attribute where the error handler leaves the reference of a server error. */
    public static final String ERROR_REF = "preuve.errorRef";

    private static final Set<String> POLLS = Set.of("/api/status", "/api/session", "/health", "/ready", "/metrics",
            "static");

    /** Where the lines go. */
    public interface Sink extends AutoCloseable {
        void write(String line);

        @Override
        default void close() {
        }
    }

    private final LogSettings.Format format;
    private final Sink sink;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public RequestLog(LogSettings.Format format, Sink sink, Clock clock) {
        this.format = format;
        this.sink = sink;
        this.clock = clock;
    }

    /** As {@code settings} say: text to the diagnostic log, JSON to the file or standard output, or nothing. */
    public static RequestLog of(LogSettings settings, Clock clock) {
        Sink sink = switch (settings.requests()) {
            case TEXT -> diagnostics();
            case JSON -> settings.file() != null ? file(settings.file()) : stream(System.out);
            case OFF -> line -> {
            };
        };
        return new RequestLog(settings.requests(), sink, clock);
    }

    @Override
    public void handle(Context ctx, Float millis) {
        if (format == LogSettings.Format.OFF) {
            return;
        }
        String route = HttpMetrics.route(ctx);
        int status = ctx.statusCode();
        if (status < 400 && POLLS.contains(route)) {
            return;
        }
        sink.write(format == LogSettings.Format.JSON ? json(ctx, route, status, millis) : text(ctx, route, status, millis));
    }

    private String json(Context ctx, String route, int status, float millis) {
        ObjectNode line = json.createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("event", "request");
        line.put("method", ctx.method().name());
        line.put("route", route);
        line.put("status", status);
        line.put("ms", round(millis));
        String ref = ctx.attribute(ERROR_REF);
        if (ref != null) {
            line.put("errorRef", ref);
        }
        Answer a = ctx.attribute(ANSWER);
        if (a != null) {
            ObjectNode answer = line.putObject("answer");
            answer.put("id", a.id());
            answer.put("mode", a.mode().key());
            answer.put("outcome", Metrics.outcome(a));
            answer.put("language", a.language());
            answer.put("delivered", a.sentences().stream().filter(AnswerSentence::delivered).count());
            answer.put("removed", a.sentences().stream().filter(s -> !s.delivered()).count());
            answer.put("passages", a.passages().size());
            answer.put("warnings", a.warnings().size());
            answer.put("endpoint", a.model().endpoint());
            answer.put("corpusVersion", a.corpusVersion());
            answer.put("retrievalMs", round(a.timings().retrievalMs()));
            answer.put("answerMs", round(a.timings().answerMs()));
            answer.put("cpuMs", round(a.footprint().retrievalCpuMs() + a.footprint().answerCpuMs()));
            answer.put("tokensSent", a.footprint().tokensSent());
            answer.put("tokensReceived", a.footprint().tokensReceived());
            answer.put("energyWh", a.footprint().energyWh());
        }
        try {
            return json.writeValueAsString(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request log line", e);
        }
    }

    private static String text(Context ctx, String route, int status, float millis) {
        StringBuilder b = new StringBuilder(ctx.method().name()).append(' ').append(route).append(' ').append(status)
                .append(' ').append(String.format(Locale.ROOT, "%.1f ms", millis));
        String ref = ctx.attribute(ERROR_REF);
        if (ref != null) {
            b.append(" ref ").append(ref);
        }
        Answer a = ctx.attribute(ANSWER);
        if (a != null) {
            b.append(" answer ").append(a.id()).append(' ').append(a.mode().key()).append(' ').append(Metrics.outcome(a))
                    .append(String.format(Locale.ROOT, " (retrieval %.1f ms, answer %.1f ms)", a.timings().retrievalMs(),
                            a.timings().answerMs()));
        }
        return b.toString();
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(RequestLog.class).warn("request log: cannot close: {}", e.getMessage());
        }
    }

    /** Lines as INFO messages of the diagnostic log (standard error). */
    public static Sink diagnostics() {
        Logger log = LoggerFactory.getLogger(RequestLog.class);
        return log::info;
    }

    /** Lines printed to {@code out}, one at a time. */
    public static Sink stream(PrintStream out) {
        return line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        };
    }

    /** Lines appended to {@code file} (created with its directory), each flushed as it is written. */
    public static Sink file(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return new Sink() {
                @Override
                public synchronized void write(String line) {
                    try {
                        w.write(line);
                        w.newLine();
                        w.flush();
                    } catch (IOException e) {
                        LoggerFactory.getLogger(RequestLog.class).warn("request log {}: {}", file, e.getMessage());
                    }
                }

                @Override
                public synchronized void close() {
                    try {
                        w.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("log.file / PREUVE_LOG_FILE: cannot open " + file + " for appending: "
                    + e.getMessage(), e);
        }
    }
}
