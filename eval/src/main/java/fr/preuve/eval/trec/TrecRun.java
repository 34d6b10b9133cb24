package fr.preuve.eval.trec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TREC run file: one line per retrieved document, six whitespace-separated fields {@code qid Q0 docid rank score
 * tag}. As in trec_eval, the second field and the rank are not used for ordering: each query's documents are ordered
 * by score descending, then by document id descending (byte order of the UTF-8 ids, as C's {@code strcmp}).
 *
 * @param file    the file read
 * @param byQuery per query id (in file order), its documents in trec_eval order
 * @param tags    the distinct run tags, in file order
 */
public record TrecRun(Path file, Map<String, List<Entry>> byQuery, Set<String> tags) {

    /**
     * One line of a run.
     *
     * @param docId the document id
     * @param rank  the rank as written (checked to be an integer, not used for ordering)
     * @param score the score
     */
    public record Entry(String docId, int rank, double score) {
    }

    /** trec_eval's order: score descending, then document id descending. */
    public static final Comparator<Entry> TREC_EVAL_ORDER = Comparator.comparingDouble(Entry::score).reversed()
            .thenComparing((a, b) -> Arrays.compareUnsigned(b.docId().getBytes(StandardCharsets.UTF_8),
                    a.docId().getBytes(StandardCharsets.UTF_8)));

    public TrecRun {
        Map<String, List<Entry>> copy = new LinkedHashMap<>();
        byQuery.forEach((q, entries) -> {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(TREC_EVAL_ORDER);
            copy.put(q, List.copyOf(sorted));
        });
        byQuery = Collections.unmodifiableMap(copy);
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    }

    /**
     * Reads {@code file} strictly: a line without exactly six fields, a rank that is not an integer, a score that is
     * not a finite number, or a document listed twice for one query stops with the file, line and problem.
     */
    public static TrecRun read(Path file) {
        Map<String, List<Entry>> byQuery = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        Set<String> tags = new LinkedHashSet<>();
        TrecLines.forEach(file, (line, text) -> {
            String[] f = TrecLines.fields(text);
            if (f.length != 6) {
                throw new TrecFormatException(file, line, "expected 6 whitespace-separated fields (qid Q0 docid rank "
                        + "score tag), got " + f.length + ": '" + text + "'");
            }
            int rank;
            try {
                rank = Integer.parseInt(f[3]);
            } catch (NumberFormatException e) {
                throw new TrecFormatException(file, line, "rank '" + f[3] + "' is not an integer");
            }
            double score = parseScore(file, line, f[4]);
            Long before = firstLine.putIfAbsent(f[0] + '\u0000' + f[2], line);
            if (before != null) {
                throw new TrecFormatException(file, line, "document '" + f[2] + "' is listed twice for query '" + f[0]
                        + "' (first on line " + before + ")");
            }
            byQuery.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Entry(f[2], rank, score));
            tags.add(f[5]);
        });
        if (byQuery.isEmpty()) {
            throw new TrecFormatException(file, 0, "the run is empty");
        }
        return new TrecRun(file, byQuery, tags);
    }

    /** The document ids retrieved for {@code queryId}, best first; empty when the run has no line for it. */
    public List<String> ranked(String queryId) {
        List<Entry> entries = byQuery.get(queryId);
        return entries == null ? List.of() : entries.stream().map(Entry::docId).toList();
    }

    private static double parseScore(Path file, long line, String text) {
        double score;
        try {
            score = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TrecFormatException(file, line, "score '" + text + "' is not a number");
        }
        if (!Double.isFinite(score)) {
            throw new TrecFormatException(file, line, "score '" + text + "' is not a finite number");
        }
        return score;
    }
}
