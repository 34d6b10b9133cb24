package fr.preuve.eval.answers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.answer.Answer;
import fr.preuve.core.doc.Passage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The answers of an evaluation run, one JSON object per line ({@code {"id": …, "answer": {…}}}), or nowhere. */
public final class AnswerLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;

    private AnswerLog(BufferedWriter out) {
        this.out = out;
    }

    /** A log writing to {@code file}, or one that writes nothing when it is null. */
    public static AnswerLog open(Path file) {
        if (file == null) {
            return new AnswerLog(null);
        }
        try {
            return new AnswerLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the answers log " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** Writes the answer to question {@code id} and returns it. */
    public Answer write(String id, Answer answer) {
        return write(id, answer, List.of());
    }

    /** Writes the answer to question {@code id}, with the passages retrieved for it in rank order, and returns it. */
    public synchronized Answer write(String id, Answer answer, List<Passage> retrieved) {
        if (out != null) {
            ObjectNode line = JSON.createObjectNode();
            line.put("id", id);
            line.set("answer", JSON.valueToTree(answer));
            var hits = line.putArray("retrieved");
            for (Passage p : retrieved) {
                hits.addObject().put("id", p.id()).put("section", p.section()).put("text", p.text());
            }
            try {
                out.write(JSON.writeValueAsString(line));
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the answers log: " + e.getMessage(), e);
            }
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
