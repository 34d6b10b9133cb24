package fr.preuve.eval.beir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A retrieval dataset in the BEIR layout:
 * <pre>
 * dir/corpus.jsonl (or corpus.jsonl.gz)  {"_id": "...", "title": "...", "text": "..."} per line
 * dir/queries.jsonl                      {"_id": "...", "text": "..."} per line
 * dir/qrels/&lt;split&gt;.tsv                  header "query-id corpus-id score", then one tab-separated row per judgement
 * </pre>
 * Loading is strict: a malformed line, a duplicate id, a judgement naming an unknown query or document stops with a
 * {@link BeirFormatException} that names the file and line.
 *
 * @param name      dataset name (the directory name, {@code scifact})
 * @param dir       the dataset directory
 * @param split     the qrels split ({@code test})
 * @param corpus    the corpus file
 * @param queries   every query's text by id, in file order
 * @param qrels     judgements of the split: query id to (document id to grade), in file order
 * @param corpusIds document ids in file order
 */
public record BeirDataset(String name, Path dir, String split, Path corpus, Map<String, String> queries,
                          Map<String, Map<String, Integer>> qrels, Set<String> corpusIds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Loads {@code dir} with the qrels of {@code split}. */
    public static BeirDataset load(Path dir, String split) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("BEIR dataset directory not found: " + dir);
        }
        if (split == null || !split.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("bad split '" + split + "': expected a name such as test, dev or train");
        }
        Path corpus = corpusFile(dir);
        Set<String> ids = new LinkedHashSet<>();
        forEachDocument(corpus, d -> {
        }, ids);
        Map<String, String> queries = readQueries(dir.resolve("queries.jsonl"));
        Map<String, Map<String, Integer>> qrels = readQrels(dir.resolve("qrels").resolve(split + ".tsv"), queries.keySet(), ids);
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new BeirDataset(name, dir, split, corpus, Collections.unmodifiableMap(queries),
                Collections.unmodifiableMap(qrels), Collections.unmodifiableSet(ids));
    }

    /** {@code corpus.jsonl}, else {@code corpus.jsonl.gz}. */
    public static Path corpusFile(Path dir) {
        Path plain = dir.resolve("corpus.jsonl");
        Path gz = dir.resolve("corpus.jsonl.gz");
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new IllegalArgumentException(dir + ": no corpus.jsonl or corpus.jsonl.gz");
    }

    /** Reads every document of {@code corpus}, strictly, handing each to {@code sink}. */
    public static void forEachDocument(Path corpus, Consumer<BeirDocument> sink) {
        forEachDocument(corpus, sink, new LinkedHashSet<>());
    }

    private static void forEachDocument(Path corpus, Consumer<BeirDocument> sink, Set<String> ids) {
        forEachLine(corpus, (line, text) -> {
            BeirDocument d = parseDocument(corpus, line, text);
            if (!ids.add(d.id())) {
                throw new BeirFormatException(corpus, line, "duplicate document id '" + d.id() + "'");
            }
            sink.accept(d);
        });
    }

    /** Parses one corpus line; the exception names the file and line. */
    public static BeirDocument parseDocument(Path file, long line, String text) {
        JsonNode n = parseObject(file, line, text);
        String id = requiredString(file, line, n, "_id");
        String body = requiredString(file, line, n, "text");
        JsonNode title = n.get("title");
        if (title != null && !title.isNull() && !title.isTextual()) {
            throw new BeirFormatException(file, line, "field 'title' must be a string");
        }
        return new BeirDocument(id, title == null || title.isNull() ? "" : title.asText(), body);
    }

    static Map<String, String> readQueries(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        forEachLine(file, (line, text) -> {
            JsonNode n = parseObject(file, line, text);
            String id = requiredString(file, line, n, "_id");
            String q = requiredString(file, line, n, "text");
            if (q.isBlank()) {
                throw new BeirFormatException(file, line, "query '" + id + "' has an empty text");
            }
            if (out.putIfAbsent(id, q) != null) {
                throw new BeirFormatException(file, line, "duplicate query id '" + id + "'");
            }
        });
        return out;
    }

    static Map<String, Map<String, Integer>> readQrels(Path file, Set<String> queries, Set<String> docs) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        forEachLine(file, (line, text) -> {
            String[] f = text.split("\t", -1);
            if (line == 1) {
                if (f.length != 3 || !f[0].strip().equals("query-id") || !f[1].strip().equals("corpus-id")
                        || !f[2].strip().equals("score")) {
                    throw new BeirFormatException(file, line, "expected the header 'query-id<TAB>corpus-id<TAB>score', got '" + text + "'");
                }
                return;
            }
            if (f.length != 3) {
                throw new BeirFormatException(file, line, "expected 3 tab-separated fields (query-id, corpus-id, score), got " + f.length);
            }
            String q = f[0].strip();
            String d = f[1].strip();
            int score;
            try {
                score = Integer.parseInt(f[2].strip());
            } catch (NumberFormatException e) {
                throw new BeirFormatException(file, line, "score '" + f[2] + "' is not an integer");
            }
            if (!queries.contains(q)) {
                throw new BeirFormatException(file, line, "query id '" + q + "' is not in queries.jsonl");
            }
            if (!docs.contains(d)) {
                throw new BeirFormatException(file, line, "corpus id '" + d + "' is not in the corpus");
            }
            if (out.computeIfAbsent(q, k -> new LinkedHashMap<>()).putIfAbsent(d, score) != null) {
                throw new BeirFormatException(file, line, "duplicate judgement for query '" + q + "' and document '" + d + "'");
            }
        });
        out.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return out;
    }

    /** Query ids of the split that have at least one relevant document, in qrels order. */
    public java.util.List<String> judgedQueries() {
        return qrels.entrySet().stream()
                .filter(e -> e.getValue().values().stream().anyMatch(g -> g > 0))
                .map(Map.Entry::getKey).toList();
    }

    /** A map back from Preuve native ids to BEIR document ids. */
    public Map<String, String> nativeToBeir() {
        Map<String, String> out = new HashMap<>(corpusIds.size() * 2);
        for (String id : corpusIds) {
            out.put(BeirIds.nativeId(id), id);
        }
        return out;
    }

    interface LineHandler {
        void accept(long line, String text);
    }

    /** Calls {@code h} for every non-blank line (1-based line numbers); I/O errors name the file. */
    static void forEachLine(Path file, LineHandler h) {
        if (!Files.isRegularFile(file)) {
            throw new BeirFormatException(file, 0, "file not found");
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String text;
            long line = 0;
            while ((text = r.readLine()) != null) {
                line++;
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (!text.isBlank()) {
                    h.accept(line, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parseObject(Path file, long line, String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new BeirFormatException(file, line, "not valid JSON: " + msg);
        }
        if (n == null || !n.isObject()) {
            throw new BeirFormatException(file, line, "expected a JSON object");
        }
        return n;
    }

    private static String requiredString(Path file, long line, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new BeirFormatException(file, line, "missing field '" + field + "'");
        }
        if (!v.isTextual() && !(field.equals("_id") && v.isIntegralNumber())) {
            throw new BeirFormatException(file, line, "field '" + field + "' must be a string");
        }
        String s = v.asText();
        if (field.equals("_id") && s.isBlank()) {
            throw new BeirFormatException(file, line, "empty '_id'");
        }
        return s;
    }
}
