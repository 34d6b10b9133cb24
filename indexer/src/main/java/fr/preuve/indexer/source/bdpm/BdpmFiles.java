package fr.preuve.indexer.source.bdpm;

import fr.preuve.indexer.source.ReadOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reading the files of the BDPM (base de données publique des médicaments): tab-separated, no header, no quoting,
 * Windows-1252 ({@code 0x92} is the apostrophe ’), CRLF line ends, and some fields wrapped in stray double quotes.
 */
public final class BdpmFiles {

    /** The BDPM encoding. ISO-8859-1 would turn {@code 0x92} into a control character instead of ’. */
    public static final Charset CHARSET = Charset.forName("windows-1252");

    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");

    private BdpmFiles() {
    }

    /** One line of a BDPM file: 1-based line number and its fields, stray quotes removed. */
    public record Row(String file, int line, String[] fields) {
        public String location() {
            return file + ":" + line;
        }

        public String get(int i) {
            return fields[i];
        }
    }

    /**
     * Calls {@code rows} for every non-blank line with {@code columns} fields (or at least {@code columns} when
     * {@code atLeast}); a line with another count, a missing, empty or unreadable file, is reported to
     * {@code failures} and reading goes on. Returns false when the file could not be read at all.
     */
    public static boolean forEachRow(Path file, int columns, boolean atLeast, Consumer<Row> rows,
                                     Consumer<ReadOutcome.Failed> failures) {
        String name = String.valueOf(file.getFileName());
        try {
            if (!Files.isRegularFile(file)) {
                failures.accept(new ReadOutcome.Failed(name, "file not found: " + file));
                return false;
            }
            if (Files.size(file) == 0) {
                failures.accept(new ReadOutcome.Failed(name, "file is empty"));
                return false;
            }
        } catch (IOException e) {
            failures.accept(new ReadOutcome.Failed(name, "cannot read file: " + e.getMessage()));
            return false;
        }
        CharsetDecoder decoder = CHARSET.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                boolean ok = atLeast ? fields.length >= columns : fields.length == columns;
                if (!ok) {
                    failures.accept(new ReadOutcome.Failed(name + ":" + lineNo, "expected " + (atLeast ? "at least " : "")
                            + columns + " tab-separated columns, found " + fields.length));
                    continue;
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = unquote(fields[i]);
                }
                rows.accept(new Row(name, lineNo, fields));
            }
            return true;
        } catch (NoSuchFileException e) {
            failures.accept(new ReadOutcome.Failed(name, "file not found: " + file));
        } catch (IOException | RuntimeException e) {
            failures.accept(new ReadOutcome.Failed(name + (lineNo > 0 ? ":" + lineNo : ""), "cannot read file: " + e));
        }
        return false;
    }

    /**
     * Trims a field and removes stray double quotes: a pair wrapping the whole field ({@code " Le service… "}), or a
     * single unbalanced one at its start or end. Inner quotes, and a balanced quote that ends the text
     * ({@code … seconde "ligne"}), stay.
     */
    public static String unquote(String field) {
        String s = field.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).strip();
        }
        if (s.chars().filter(c -> c == '"').count() % 2 == 1) {
            if (s.startsWith("\"")) {
                return s.substring(1).strip();
            }
            if (s.endsWith("\"")) {
                return s.substring(0, s.length() - 1).strip();
            }
        }
        return s;
    }

    /** An opinion text as lines: {@code <br>} becomes a line break, spaces collapse, blank lines go. */
    public static String cleanText(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : BR.matcher(text).replaceAll("\n").split("\\R")) {
            String l = SPACES.matcher(line).replaceAll(" ").strip();
            if (!l.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(l);
            }
        }
        return sb.toString();
    }
}
