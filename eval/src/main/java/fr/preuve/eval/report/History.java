package fr.preuve.eval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.Scores;
import fr.preuve.eval.support.SupportEvaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The run history: one JSON object per line ({@code $PREUVE_HOME/eval/history.jsonl} by default), appended by every
 * {@code preuve eval beir}, {@code preuve eval questions} and {@code preuve eval support} run, read back for the trend
 * plots of the HTML report.
 */
public final class History {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private History() {
    }

    /**
     * One run.
     *
     * @param kind      {@code beir}, {@code questions} or {@code support}
     * @param split     BEIR split, or null
     * @param model     the embedding model (retrieval), the answering model, or the judge
     * @param mode      {@code retrieval}, the answer mode, or the judge's name
     * @param metrics   per group ({@code bm25}, {@code vector}, {@code hybrid}; {@code answers}; {@code judge}), per
     *                  metric key
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
        return of(r.scores(), str(idx.get("corpusVersion")), str(idx.get("model")), r.latency(), time);
    }

    public static Entry of(AnswerEvaluation.Result r, Instant time) {
        return of(r.scores(), r.corpusVersion(), r.modelLabel(), r.latency() == null ? null
                : Map.of(Scores.ANSWERS, r.latency()), time);
    }

    public static Entry of(SupportEvaluation.Result r, Instant time) {
        return of(r.scores(), null, r.judge(), r.latency() == null ? null : Map.of(Scores.JUDGE, r.latency()), time);
    }

    static Entry of(Scores s, String corpusVersion, String model, Map<String, Latencies> latency, Instant time) {
        return new Entry(time.toString(), s.kind(), s.dataset(), s.split(), s.n(), corpusVersion, model, s.mode(),
                s.groups(), latency);
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

    /**
     * The last {@code last} runs like {@code s} (same kind, dataset, split, size and mode: an LLM run is not compared
     * with an extractive one, nor one judge with another), oldest first.
     */
    public static List<Entry> trend(List<Entry> all, Scores s, int last) {
        List<Entry> same = new ArrayList<>();
        for (Entry e : all) {
            if (s.kind().equals(e.kind()) && s.dataset().equals(e.dataset()) && Objects.equals(s.split(), e.split())
                    && s.n() == e.n() && Objects.equals(s.mode(), e.mode())) {
                same.add(e);
            }
        }
        return List.copyOf(same.subList(Math.max(0, same.size() - last), same.size()));
    }

    /**
     * The metrics plotted over time for a kind, as {group, metric} pairs: hybrid nDCG@10 for BEIR; the hallucination
     * rate before and after the gate and citation precision for questions; the judge's precision and recall.
     */
    public static List<String[]> trendMetrics(String kind) {
        return switch (kind) {
            case Scores.BEIR -> List.<String[]>of(new String[]{"hybrid", "ndcg@10"});
            case Scores.QUESTIONS -> List.of(new String[]{Scores.ANSWERS, "hallucination_rate"},
                    new String[]{Scores.ANSWERS, "hallucination_rate_before_gate"},
                    new String[]{Scores.ANSWERS, "citation_precision"});
            default -> List.of(new String[]{Scores.JUDGE, "precision"}, new String[]{Scores.JUDGE, "recall"});
        };
    }
}
