package fr.preuve.eval.trec;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file line by line: UTF-8 checked per line (so an error names its line), 1-based line numbers, blank
 * lines skipped, a BOM and line ends dropped, each line stripped.
 */
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
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
            long line = 0;
            int b;
            boolean more = true;
            while (more) {
                b = in.read();
                if (b != '\n' && b != -1) {
                    buf.write(b);
                    continue;
                }
                more = b != -1;
                if (!more && buf.size() == 0) {
                    break;
                }
                line++;
                String text = decode(utf8, buf.toByteArray(), file, line);
                buf.reset();
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

    private static String decode(CharsetDecoder utf8, byte[] bytes, Path file, long line) {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TrecFormatException(file, line, "not valid UTF-8 text");
        }
    }

    /** The whitespace-separated fields of a stripped line. */
    static String[] fields(String text) {
        return text.split("\\s+");
    }
}
