package fr.preuve.eval.trec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Relevance judgements read from a TREC qrels file (four whitespace-separated fields {@code qid iteration docid
 * relevance}, the iteration ignored) or a BEIR qrels TSV (header {@code query-id corpus-id score}, then three
 * tab-separated fields per row). The format is told by the first non-blank line: the BEIR header, or not.
 *
 * @param file    the file read
 * @param format  the format it was in
 * @param byQuery per query id (in file order), document id to integer grade (in file order)
 */
public record Qrels(Path file, Format format, Map<String, Map<String, Integer>> byQuery) {

    /** A qrels layout. */
    public enum Format {
        TREC("TREC qrels"),
        BEIR("BEIR qrels TSV");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Qrels {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        byQuery.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
        byQuery = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads {@code file} strictly: a row with the wrong number of fields, a grade that is not an integer or a second
     * judgement of the same query and document stops with the file, line and problem.
     */
    public static Qrels read(Path file) {
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        Format[] format = {null};
        TrecLines.forEach(file, (line, text) -> {
            if (format[0] == null) {
                String[] head = TrecLines.fields(text);
                format[0] = head.length == 3 && head[0].equals("query-id") && head[1].equals("corpus-id")
                        && head[2].equals("score") ? Format.BEIR : Format.TREC;
                if (format[0] == Format.BEIR) {
                    return;
                }
            }
            String q;
            String d;
            String grade;
            if (format[0] == Format.BEIR) {
                String[] f = text.split("\t", -1);
                if (f.length != 3) {
                    throw new TrecFormatException(file, line, "expected 3 tab-separated fields (query-id, corpus-id, "
                            + "score), got " + f.length + ": '" + text + "'");
                }
                q = f[0].strip();
                d = f[1].strip();
                grade = f[2].strip();
            } else {
                String[] f = TrecLines.fields(text);
                if (f.length != 4) {
                    throw new TrecFormatException(file, line, "expected 4 whitespace-separated fields (qid 0 docid "
                            + "relevance) or the BEIR header 'query-id corpus-id score', got " + f.length + ": '" + text + "'");
                }
                q = f[0];
                d = f[2];
                grade = f[3];
            }
            if (q.isEmpty() || d.isEmpty()) {
                throw new TrecFormatException(file, line, "empty query or document id");
            }
            int g;
            try {
                g = Integer.parseInt(grade);
            } catch (NumberFormatException e) {
                throw new TrecFormatException(file, line, "relevance '" + grade + "' is not an integer");
            }
            if (byQuery.computeIfAbsent(q, k -> new LinkedHashMap<>()).putIfAbsent(d, g) != null) {
                throw new TrecFormatException(file, line, "second judgement of document '" + d + "' for query '" + q + "'");
            }
        });
        if (byQuery.isEmpty()) {
            throw new TrecFormatException(file, 0, "no judgement");
        }
        return new Qrels(file, format[0], byQuery);
    }
}
