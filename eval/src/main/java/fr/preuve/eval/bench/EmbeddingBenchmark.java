package fr.preuve.eval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.LangChain4jEmbedder;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.embed.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import fr.preuve.eval.run.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Embedding throughput: LangChain4j's default {@code embedAll} (the baseline) against {@link OnnxBatchEmbedder}, in
 * the same JVM, on real ~200-word passages cut from PubMedQA abstracts, plus single-query latency.
 *
 * <p>Run with {@code --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}. Usage:
 * {@code EmbeddingBenchmark [ori_pqal.json] [--passages N] [--words W] [--rounds R] [--queries Q]
 * [--batch B] [--workers W] [--threads T] [--query-threads T] [--variant B,W,T,Q]...}
 */
public final class EmbeddingBenchmark {

    /** Where the demo corpus keeps PubMedQA (relative to the working directory). */
    public static final Path DEMO_DATA = Path.of("corpus-config", "demo", "pubmedqa", "ori_pqal.json");

    /** Development fallback when the demo corpus is not there. */
    public static final Path SHARED_DATA = Path.of("/work/shared/data/pubmedqa/ori_pqal.json");

    /**
     * What to measure.
     *
     * @param data PubMedQA {@code ori_pqal.json} (PMID → {QUESTION, CONTEXTS[]})
     * @param passages passages to embed per round
     * @param wordsPerPassage words per passage (cut from one abstract; shorter tails are dropped)
     * @param rounds timed rounds per embedder (median reported); baseline and ONNX alternate
     * @param queries single queries timed per embedder (PubMedQA questions)
     * @param onnx options of the {@link OnnxBatchEmbedder} compared with the baseline
     * @param variants further {@link OnnxBatchEmbedder} options to measure (tuning), may be empty
     * @param baseline whether to measure LangChain4j too (ratios are NaN otherwise)
     */
    public record Config(Path data, int passages, int wordsPerPassage, int rounds, int queries,
            OnnxBatchEmbedder.Options onnx, List<OnnxBatchEmbedder.Options> variants, boolean baseline) {
        public Config {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(onnx, "onnx");
            variants = List.copyOf(variants);
            if (passages < 1 || wordsPerPassage < 1 || rounds < 1 || queries < 1) {
                throw new IllegalArgumentException("passages, words, rounds and queries must be >= 1");
            }
        }

        /** 300 passages of 200 words, 2 rounds, 200 queries, default ONNX options, baseline included. */
        public static Config defaults(Path data) {
            return new Config(data, 300, 200, 2, 200, OnnxBatchEmbedder.Options.defaults(), List.of(), true);
        }
    }

    /**
     * One embedder's figures.
     *
     * @param name {@code langchain4j} or the ONNX options
     * @param modelId the embedder's model id
     * @param passagesPerSecond median over rounds
     * @param tokensPerSecond median over rounds; model tokens ({@code [CLS]}/{@code [SEP]} included)
     * @param ratioVsBaseline passages/s divided by the baseline's (NaN without baseline)
     * @param queryP50Ms single-query latency, median
     * @param queryP95Ms single-query latency, 95th percentile
     * @param minCosine smallest cosine with the baseline's vector of the same passage (NaN without baseline)
     * @param meanCosine mean cosine with the baseline's vectors (NaN without baseline)
     */
    public record Row(String name, String modelId, double passagesPerSecond, double tokensPerSecond,
            double ratioVsBaseline, double queryP50Ms, double queryP95Ms, double minCosine, double meanCosine) {
    }

    /**
     * All figures of a run.
     *
     * @param rows the baseline first (when measured), then the ONNX embedder, then the variants
     */
    public record Result(Path data, int passages, double meanWords, double meanTokens, int rounds, int queries,
            int cores, String jvm, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** A plain-text table for the console. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT,
                    "%d passages (mean %.0f words, %.0f tokens) from %s; %d round(s), %d queries; %d cores, %s%n",
                    passages, meanWords, meanTokens, data, rounds, queries, cores, jvm));
            sb.append(String.format(Locale.ROOT, "%-34s %10s %10s %7s %9s %9s %10s %10s%n", "embedder", "passages/s",
                    "tokens/s", "ratio", "query p50", "query p95", "min cos", "mean cos"));
            for (Row r : rows) {
                sb.append(String.format(Locale.ROOT, "%-34s %10.2f %10.0f %6.2fx %7.2fms %7.2fms %10.7f %10.7f%n",
                        r.name(), r.passagesPerSecond(), r.tokensPerSecond(), r.ratioVsBaseline(), r.queryP50Ms(),
                        r.queryP95Ms(), r.minCosine(), r.meanCosine()));
            }
            return sb.toString();
        }
    }

    private EmbeddingBenchmark() {
    }

    public static void main(String[] args) {
        Config config = parse(args);
        System.out.println(run(config).table());
        System.exit(0); // LangChain4j's executor threads are not daemons
    }

    /** Runs the benchmark; the caller's JVM should have the flags above. Takes minutes for 300 passages. */
    public static Result run(Config config) {
        return run(config, Progress.NONE);
    }

    /** As above, with a step per timed round on {@code progress}. */
    public static Result run(Config config, Progress progress) {
        int steps = config.rounds() * (1 + config.variants().size());
        int step = 0;
        List<String> passages = loadPassages(config.data(), config.passages(), config.wordsPerPassage());
        List<String> queries = loadQuestions(config.data(), config.queries());
        int warm = Math.min(passages.size(), 16);
        List<String> warmup = passages.subList(0, warm);

        List<Row> rows = new ArrayList<>();
        try (OnnxBatchEmbedder onnx = OnnxBatchEmbedder.bgeSmall(config.onnx())) {
            long tokens = 0;
            for (String p : passages) {
                tokens += onnx.countTokens(p);
            }
            double words = passages.stream().mapToInt(p -> p.split("\\s+").length).average().orElse(0);

            LangChain4jEmbedder baseline = config.baseline() ? LangChain4jEmbedder.bgeSmall() : null;
            if (baseline != null) {
                baseline.embedAll(warmup);
            }
            onnx.embedAll(warmup);

            double[] baseRates = new double[config.rounds()];
            double[] onnxRates = new double[config.rounds()];
            List<float[]> baseVectors = null;
            List<float[]> onnxVectors = null;
            for (int r = 0; r < config.rounds(); r++) {
                // Alternate which goes first, so that drift in machine load hits both alike.
                boolean baseFirst = r % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean doBase = (k == 0) == baseFirst;
                    if (doBase && baseline != null) {
                        long t0 = System.nanoTime();
                        baseVectors = baseline.embedAll(passages);
                        baseRates[r] = passages.size() / seconds(t0);
                    } else if (!doBase) {
                        long t0 = System.nanoTime();
                        onnxVectors = onnx.embedAll(passages);
                        onnxRates[r] = passages.size() / seconds(t0);
                    }
                }
                progress.step("bench embeddings rounds", ++step, steps);
            }
            double baseRate = baseline == null ? Double.NaN : median(baseRates);
            double tokensPerPassage = (double) tokens / passages.size();
            if (baseline != null) {
                double[] q = queryLatencies(baseline, queries);
                rows.add(new Row("langchain4j embedAll (baseline)", baseline.modelId(), baseRate,
                        baseRate * tokensPerPassage, 1.0, q[0], q[1], 1.0, 1.0));
            }
            rows.add(row(onnx, median(onnxRates), tokensPerPassage, baseRate, queries, baseVectors, onnxVectors));

            for (OnnxBatchEmbedder.Options o : config.variants()) {
                try (OnnxBatchEmbedder v = OnnxBatchEmbedder.bgeSmall(o)) {
                    v.embedAll(warmup);
                    double[] rates = new double[config.rounds()];
                    List<float[]> vectors = null;
                    for (int r = 0; r < config.rounds(); r++) {
                        long t0 = System.nanoTime();
                        vectors = v.embedAll(passages);
                        rates[r] = passages.size() / seconds(t0);
                        progress.step("bench embeddings rounds", ++step, steps);
                    }
                    rows.add(row(v, median(rates), tokensPerPassage, baseRate, queries, baseVectors, vectors));
                }
            }
            return new Result(config.data(), passages.size(), words, tokensPerPassage, config.rounds(),
                    queries.size(), Runtime.getRuntime().availableProcessors(),
                    "Java " + Runtime.version(), rows);
        }
    }

    private static Row row(OnnxBatchEmbedder e, double rate, double tokensPerPassage, double baseRate,
            List<String> queries, List<float[]> baseVectors, List<float[]> vectors) {
        double[] q = queryLatencies(e, queries);
        double min = Double.NaN;
        double mean = Double.NaN;
        if (baseVectors != null) {
            min = 1;
            double sum = 0;
            for (int i = 0; i < vectors.size(); i++) {
                double c = cosine(baseVectors.get(i), vectors.get(i));
                min = Math.min(min, c);
                sum += c;
            }
            mean = sum / vectors.size();
        }
        OnnxBatchEmbedder.Options o = e.options();
        String name = String.format(Locale.ROOT, "onnx batch=%d workers=%d threads=%d/%d", o.batchSize(),
                o.workers(), o.intraOpThreads(), o.queryThreads());
        return new Row(name, e.modelId(), rate, rate * tokensPerPassage, rate / baseRate, q[0], q[1], min, mean);
    }

    /** {p50, p95} in milliseconds of {@code embedQuery}, one query at a time, after 20 warm-up queries. */
    static double[] queryLatencies(Embedder e, List<String> queries) {
        for (int i = 0; i < Math.min(20, queries.size()); i++) {
            e.embedQuery(queries.get(i));
        }
        double[] ms = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            e.embedQuery(queries.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new double[] {percentile(ms, 50), percentile(ms, 95)};
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Data.

    /** The data file: the given path, else the demo corpus copy, else the shared development copy. */
    public static Path resolveData(String arg) {
        if (arg != null) {
            return Path.of(arg);
        }
        return Files.isRegularFile(DEMO_DATA) ? DEMO_DATA : SHARED_DATA;
    }

    /**
     * Passages of exactly {@code words} words cut from PubMedQA abstracts (CONTEXTS joined by spaces): first the
     * first window of every abstract, then second windows, and so on, so that {@code n} passages come from as many
     * abstracts as possible. Fewer than {@code n} if the file has not enough text.
     */
    public static List<String> loadPassages(Path data, int n, int words) {
        List<List<String>> windows = new ArrayList<>();
        for (JsonNode record : records(data)) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode c : record.path("CONTEXTS")) {
                sb.append(c.asText()).append(' ');
            }
            String[] w = sb.toString().trim().split("\\s+");
            List<String> mine = new ArrayList<>();
            for (int from = 0; from + words <= w.length; from += words) {
                mine.add(String.join(" ", Arrays.asList(w).subList(from, from + words)));
            }
            windows.add(mine);
        }
        List<String> out = new ArrayList<>(n);
        for (int depth = 0; out.size() < n; depth++) {
            boolean any = false;
            for (List<String> mine : windows) {
                if (depth < mine.size() && out.size() < n) {
                    out.add(mine.get(depth));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /** Up to {@code n} PubMedQA questions, in file order. */
    public static List<String> loadQuestions(Path data, int n) {
        List<String> out = new ArrayList<>();
        for (JsonNode record : records(data)) {
            String q = record.path("QUESTION").asText("");
            if (!q.isBlank() && out.size() < n) {
                out.add(q);
            }
        }
        return out;
    }

    private static List<JsonNode> records(Path data) {
        try {
            JsonNode root = new ObjectMapper().readTree(data.toFile());
            List<JsonNode> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                out.add(e.getValue());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PubMedQA file " + data, e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers.

    static Config parse(String[] args) {
        String path = null;
        Config d = Config.defaults(Path.of("."));
        int passages = d.passages();
        int words = d.wordsPerPassage();
        int rounds = d.rounds();
        int queries = d.queries();
        OnnxBatchEmbedder.Options o = d.onnx();
        List<OnnxBatchEmbedder.Options> variants = new ArrayList<>();
        boolean baseline = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--passages" -> passages = Integer.parseInt(args[++i]);
                case "--words" -> words = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--batch" -> o = o.withBatchSize(Integer.parseInt(args[++i]));
                case "--workers" -> o = o.withWorkers(Integer.parseInt(args[++i]));
                case "--threads" -> o = o.withIntraOpThreads(Integer.parseInt(args[++i]));
                case "--query-threads" -> o = o.withQueryThreads(Integer.parseInt(args[++i]));
                case "--no-baseline" -> baseline = false;
                case "--variant" -> {
                    int[] v = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                    if (v.length != 4) {
                        throw new IllegalArgumentException("--variant batch,workers,threads,queryThreads");
                    }
                    variants.add(new OnnxBatchEmbedder.Options(v[0], v[1], v[2], v[3]));
                }
                default -> {
                    if (a.startsWith("--") || path != null) {
                        throw new IllegalArgumentException("unknown argument: " + a);
                    }
                    path = a;
                }
            }
        }
        return new Config(resolveData(path), passages, words, rounds, queries, o, variants, baseline);
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return Latencies.rank(s, p / 100.0);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double cosine(float[] a, float[] b) {
        return Vectors.cosine(a, b);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
