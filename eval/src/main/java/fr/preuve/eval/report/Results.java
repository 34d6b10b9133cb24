package fr.preuve.eval.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.support.SupportEvaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads back the result JSON written by {@code preuve eval beir --json}, {@code preuve eval questions --json} and
 * {@code preuve eval support --json}.
 */
public final class Results {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Results() {
    }

    public static RetrievalEvaluation.Result readBeir(Path file) {
        return read(file, RetrievalEvaluation.Result.class);
    }

    public static AnswerEvaluation.Result readAnswers(Path file) {
        return read(file, AnswerEvaluation.Result.class);
    }

    public static SupportEvaluation.Result readSupport(Path file) {
        return read(file, SupportEvaluation.Result.class);
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": not a result JSON: " + e.getMessage(), e);
        }
    }
}
