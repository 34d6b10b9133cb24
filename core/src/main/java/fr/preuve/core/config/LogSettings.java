package fr.preuve.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the server logs each request it answers (see {@code docs/operations.md}): as a plain line among the diagnostic
 * messages, as one JSON object per line, or not at all. A request line carries its route template, status, time and,
 * for an answer, its id, mode, outcome and timings; never a question, a query string, a body or a client address.
 *
 * @param requests the format ({@code log.requests}, {@code PREUVE_LOG_REQUESTS}): {@code text} (default), {@code json}
 *                 or {@code off}
 * @param file     where JSON lines are appended ({@code log.file}, {@code PREUVE_LOG_FILE}); null for standard output,
 *                 which then holds nothing else (diagnostics go to standard error). Text lines always go to the
 *                 diagnostic log.
 */
public record LogSettings(Format requests, Path file) {
    /** The format of the request log. */
    public enum Format implements Keyed {
        TEXT, JSON, OFF;

        /** The format named {@code raw} ({@code text}, {@code json} or {@code off}). */
        public static Format parse(String raw) {
            return Keyed.fromKey(Format.class, "request log format (log.requests / PREUVE_LOG_REQUESTS)", raw);
        }
    }

    public LogSettings {
        Objects.requireNonNull(requests, "requests");
        if (file != null && requests != Format.JSON) {
            throw new IllegalArgumentException("log.file / PREUVE_LOG_FILE (" + file + ") takes JSON lines: set "
                    + "log.requests to json, got " + requests.key());
        }
    }

    /** Plain lines among the diagnostic messages. */
    public static LogSettings defaults() {
        return new LogSettings(Format.TEXT, null);
    }
}
