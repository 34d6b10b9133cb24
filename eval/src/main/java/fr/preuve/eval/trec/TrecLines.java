package fr.preuve.eval.trec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a text file line by line (UTF-8, 1-based line numbers, blank lines skipped, BOM and CR dropped). */
final class TrecLines {
    private TrecLines() {
    }

    interface Handler {
        void accept(long line, String text);
    }

    static void forEach(Path file, Handler h) {
        if (!Files.isRegularFile(file)) {
            throw new TrecFormatException(file, 0, "file not found");
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = next(r, file, line + 1)) != null) {
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    h.accept(line, text.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String next(BufferedReader r, Path file, long line) throws IOException {
        try {
            return r.readLine();
        } catch (CharacterCodingException e) {
            throw new TrecFormatException(file, line, "not valid UTF-8 text");
        }
    }

    /** The whitespace-separated fields of a stripped line. */
    static String[] fields(String text) {
        return text.split("\\s+");
    }
}
