package fr.preuve.eval.trec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes rankings as a TREC run ({@code qid Q0 docid rank score tag}, one line per document, ranks from 1). A
 * document listed twice for a query is written once, at its first rank (as the metrics count it). Scores are the
 * searcher's, except that a score not strictly below the one before it (a tie) is lowered to the next double below
 * that one: trec_eval, which re-sorts by score, then keeps the searcher's order instead of breaking the tie by
 * document id, so the run scores exactly as the ranking it was written from.
 */
public final class TrecRunWriter {

    /**
     * One retrieved document.
     *
     * @param docId the document id (no whitespace)
     * @param score its score (finite)
     */
    public record Scored(String docId, double score) {
    }

    private TrecRunWriter() {
    }

    /** The run tag of a Preuve retriever: {@code preuve-bm25}, {@code preuve-vector}, {@code preuve-hybrid}. */
    public static String tag(String retriever) {
        return "preuve-" + retriever;
    }

    /**
     * Where the run of {@code retriever} goes when {@code --run FILE} is given: the retriever's name inserted before
     * the extension ({@code runs/scifact.trec} → {@code runs/scifact.hybrid.trec}), or appended when there is none
     * ({@code runs/scifact} → {@code runs/scifact.hybrid}).
     */
    public static Path fileFor(Path file, String retriever) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String named = dot > 0 ? name.substring(0, dot) + "." + retriever + name.substring(dot) : name + "." + retriever;
        return file.resolveSibling(named);
    }

    /**
     * Fails fast, before a long evaluation, when the runs cannot go next to {@code file}: creates its directory and
     * checks that it is writable.
     */
    public static void checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the directory of the run " + file + ": " + e, e);
        }
        if (!Files.isWritable(parent)) {
            throw new IllegalArgumentException("cannot write the run " + file + ": " + parent + " is not writable");
        }
    }

    /** The lines of the run, queries in the order given, documents best first. */
    public static List<String> lines(String tag, Map<String, List<Scored>> byQuery) {
        requireField("tag", tag);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Scored>> q : byQuery.entrySet()) {
            String qid = requireField("query id", q.getKey());
            Set<String> seen = new HashSet<>();
            double previous = Double.POSITIVE_INFINITY;
            int rank = 0;
            for (Scored s : q.getValue()) {
                if (!seen.add(requireField("document id", s.docId()))) {
                    continue;
                }
                if (!Double.isFinite(s.score())) {
                    throw new IllegalArgumentException("score of '" + s.docId() + "' for query '" + qid
                            + "' must be finite, got " + s.score());
                }
                double score = s.score() < previous ? s.score() : Math.nextDown(previous);
                previous = score;
                out.add(qid + " Q0 " + s.docId() + " " + (++rank) + " " + decimal(score) + " " + tag);
            }
        }
        return out;
    }

    /** Writes the run to {@code file} (UTF-8, created with its parent directories, replaced atomically). */
    public static void write(Path file, String tag, Map<String, List<Scored>> byQuery) {
        List<String> lines = lines(tag, byQuery);
        Path tmp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            tmp = parent.resolve("." + file.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8); // not createTempFile: the run keeps the umask's permissions
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new IllegalArgumentException("cannot write the run " + file + ": " + e, e);
        }
    }

    /** The shortest decimal that reads back as {@code score}, without exponent, with a decimal point. */
    static String decimal(double score) {
        String s = BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that error is the one to report
            }
        }
    }

    private static String requireField(String what, String value) {
        if (value == null || value.isEmpty() || !value.equals(value.strip()) || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a TREC run " + what + " must be non-empty without whitespace, got '"
                    + value + "'");
        }
        return value;
    }
}
