package fr.preuve.eval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.metrics.Estimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run history: one JSON object per line ({@code $PREUVE_HOME/eval/history.jsonl} by default), appended by every
 * {@code preuve eval beir} and {@code preuve eval questions} run, read back for the trend plots of the HTML report.
 */
public final class History {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private History() {
    }

    /**
     * One run.
     *
     * @param kind      {@code beir} or {@code questions}
     * @param split     BEIR split, or null for questions
     * @param metrics   per group ({@code bm25}, {@code vector}, {@code hybrid}, or {@code answers}), per metric key
     * @param latency   per group, in ms
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String time, String kind, String dataset, String split, int n, String corpusVersion,
                        String model, String mode, Map<String, Map<String, Estimate>> metrics,
                        Map<String, Latencies> latency) {

        /** The figure of {@code group}/{@code metric}, or NaN. */
        public double value(String group, String metric) {
            Map<String, Estimate> m = metrics == null ? null : metrics.get(group);
            Estimate e = m == null ? null : m.get(metric);
            return e == null ? Double.NaN : e.value();
        }
    }

    public static Entry of(RetrievalEvaluation.Result r, Instant time) {
        Map<String, Object> idx = r.index() == null ? Map.of() : r.index();
        return new Entry(time.toString(), "beir", r.dataset(), r.split(), r.n(), str(idx.get("corpusVersion")),
                str(idx.get("model")), "retrieval", r.retrievers(), r.latency());
    }

    public static Entry of(AnswerEvaluation.Result r, String model, Instant time) {
        return new Entry(time.toString(), "questions", r.dataset(), null, r.questions(), r.corpusVersion(), model, r.mode(),
                Map.of("answers", r.metrics()), Map.of("answers", r.latency()));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** Appends {@code e} as one line to {@code file}, creating it and its directory. */
    public static void append(Path file, Entry e) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(e) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** Every entry of {@code file} in order (none when it does not exist); a bad line fails naming file and line. */
    public static List<Entry> read(Path file) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(lines.get(i), Entry.class));
                } catch (IOException ex) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a history entry: "
                            + ex.getMessage().lines().findFirst().orElse(""), ex);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    /** The last {@code last} runs of the same kind, dataset, split and sample size, oldest first. */
    public static List<Entry> trend(List<Entry> all, String kind, String dataset, String split, int n, int last) {
        List<Entry> same = new ArrayList<>();
        for (Entry e : all) {
            if (kind.equals(e.kind()) && dataset.equals(e.dataset()) && java.util.Objects.equals(split, e.split())
                    && n == e.n()) {
                same.add(e);
            }
        }
        return List.copyOf(same.subList(Math.max(0, same.size() - last), same.size()));
    }

    /** The main metric of a kind: hybrid nDCG@10 for BEIR, the per-sentence hallucination rate for questions. */
    public static String[] mainMetric(String kind) {
        return "beir".equals(kind) ? new String[]{"hybrid", "ndcg@10"} : new String[]{"answers", "hallucination_rate"};
    }

    static Map<String, Map<String, Estimate>> copy(Map<String, Map<String, Estimate>> m) {
        return new LinkedHashMap<>(m);
    }
}
