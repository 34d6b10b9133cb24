package fr.preuve.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes Server-Sent Events, one JSON object per event, flushed at once; a client that went away stops the writes. */
final class SseWriter {
    private final OutputStream out;
    private final ObjectMapper json;
    private boolean closed;

    SseWriter(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    synchronized void send(String event, Object data) {
        if (closed) {
            return;
        }
        try {
            // JSON has no raw newline, so one data line per event
            out.write(("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            closed = true; // the client disconnected; the answer still completes (and is audited) server-side
        }
    }
}
