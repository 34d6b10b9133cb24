package fr.preuve.core.verify;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A support judge on an NLI cross-encoder exported to ONNX (for example an MNLI cross-encoder): for each evidence
 * passage, the probability that the passage (premise) entails the claim (hypothesis), from the softmax of the model's
 * logits; the score is the maximum over passages.
 *
 * <p>The model directory holds {@code model.onnx} and {@code tokenizer.json}, and {@code config.json} whose
 * {@code id2label} tells which output is entailment unless {@link Settings#entailmentIndex()} is given. Loading fails
 * fast, naming the path, when a file is missing or the model's inputs ({@code input_ids}, {@code attention_mask},
 * optionally {@code token_type_ids}) or output (logits {@code [batch, labels]}) do not fit. Pairs are truncated to
 * {@link Settings#maxTokens()} tokens, the passage first.
 *
 * <p><b>Untested against a real model</b>: no NLI model is available offline in this project; only the loading
 * checks are tested. Thread-safe; close it to free native memory.
 */
public final class NliSupportJudge implements SupportJudge, AutoCloseable {

    public static final String MODEL_FILE = "model.onnx";
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String CONFIG_FILE = "config.json";

    /**
     * Settings.
     *
     * @param entailmentIndex which logit is entailment; null to read it from {@code config.json}'s {@code id2label}
     * @param minEntailment   entailment probability at or above which the claim is supported, in [0, 1]
     * @param maxTokens       longest encoded pair (passage truncated first), at least 16
     */
    public record Settings(Integer entailmentIndex, double minEntailment, int maxTokens) {
        public Settings {
            if (entailmentIndex != null && entailmentIndex < 0) {
                throw new IllegalArgumentException("entailmentIndex must be >= 0, got " + entailmentIndex);
            }
            if (!(minEntailment >= 0 && minEntailment <= 1)) {
                throw new IllegalArgumentException("minEntailment must be in [0, 1], got " + minEntailment);
            }
            if (maxTokens < 16) {
                throw new IllegalArgumentException("maxTokens must be >= 16, got " + maxTokens);
            }
        }

        /** Entailment index from {@code config.json}, threshold 0.5 (uncalibrated), 512 tokens. */
        public static Settings defaults() {
            return new Settings(null, 0.5, 512);
        }
    }

    private final Path dir;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;
    private final String output;
    private final int entailment;
    private final int labels;
    private final Settings settings;

    private NliSupportJudge(Path dir, OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
            boolean tokenTypes, String output, int entailment, int labels, Settings settings) {
        this.dir = dir;
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.tokenTypes = tokenTypes;
        this.output = output;
        this.entailment = entailment;
        this.labels = labels;
        this.settings = settings;
    }

    /** Loads the model in {@code dir} with {@link Settings#defaults()}. */
    public static NliSupportJudge load(Path dir) {
        return load(dir, Settings.defaults());
    }

    /** Loads the model in {@code dir}; fails with a message naming the path when something does not fit. */
    public static NliSupportJudge load(Path dir, Settings settings) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(settings, "settings");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("NLI model directory not found: " + dir
                    + " (expected a directory with " + MODEL_FILE + " and " + TOKENIZER_FILE + ")");
        }
        Path modelFile = requireFile(dir, MODEL_FILE);
        Path tokenizerFile = requireFile(dir, TOKENIZER_FILE);
        Map<Integer, String> id2label = id2label(dir.resolve(CONFIG_FILE));
        Integer entailment = settings.entailmentIndex();
        if (entailment == null) {
            entailment = id2label.entrySet().stream()
                    .filter(e -> e.getValue().toLowerCase(Locale.ROOT).startsWith("entail"))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("cannot tell which output of " + modelFile
                            + " is entailment: " + (id2label.isEmpty() ? "no id2label in " + dir.resolve(CONFIG_FILE)
                            : "no 'entailment' label in id2label " + id2label) + "; give the entailment index"));
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try {
            session = env.createSession(modelFile.toString(), new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load the ONNX model " + modelFile + ": " + e.getMessage(), e);
        }
        HuggingFaceTokenizer tokenizer = null;
        try {
            Set<String> inputs = session.getInputNames();
            if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")
                    || !Set.of("input_ids", "attention_mask", "token_type_ids").containsAll(inputs)) {
                throw new IllegalArgumentException("the inputs of " + modelFile + " do not fit an NLI cross-encoder: "
                        + "expected input_ids, attention_mask and optionally token_type_ids, got " + inputs);
            }
            Map.Entry<String, NodeInfo> out = session.getOutputInfo().entrySet().iterator().next();
            long[] shape = out.getValue().getInfo() instanceof TensorInfo ti ? ti.getShape() : new long[0];
            if (shape.length != 2 || shape[1] == 0 || shape[1] == 1) {
                throw new IllegalArgumentException("the output '" + out.getKey() + "' of " + modelFile + " does not fit"
                        + " an NLI cross-encoder: expected logits [batch, labels], got shape "
                        + java.util.Arrays.toString(shape));
            }
            int labels = (int) shape[1]; // -1 when dynamic: checked on the first call
            if (labels > 0 && entailment >= labels) {
                throw new IllegalArgumentException("entailment index " + entailment + " is out of range: "
                        + modelFile + " has " + labels + " outputs");
            }
            tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerFile).optAddSpecialTokens(true)
                    .optTruncateFirstOnly().optMaxLength(settings.maxTokens()).optPadding(false).build();
            return new NliSupportJudge(dir, env, session, tokenizer, inputs.contains("token_type_ids"), out.getKey(),
                    entailment, labels, settings);
        } catch (OrtException | IOException | RuntimeException e) {
            try {
                closeAll(tokenizer, session);
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("cannot load the NLI model in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path requireFile(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("NLI model: " + p + " not found (expected a directory with "
                    + MODEL_FILE + " and " + TOKENIZER_FILE + ", e.g. an MNLI cross-encoder exported to ONNX)");
        }
        return p;
    }

    /** {@code id2label} of a Hugging Face {@code config.json}; empty when the file or the field is absent. */
    static Map<Integer, String> id2label(Path config) {
        if (!Files.isRegularFile(config)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(config.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + config + ": " + e.getMessage(), e);
        }
        JsonNode node = root.path("id2label");
        Map<Integer, String> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                out.put(Integer.parseInt(e.getKey().strip()), e.getValue().asText());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(config + ": id2label key '" + e.getKey() + "' is not an integer", ex);
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "nli:" + dir.getFileName();
    }

    @Override
    public Judgement judge(String claim, List<String> evidence) {
        Objects.requireNonNull(claim, "claim");
        if (evidence == null || evidence.isEmpty()) {
            throw new IllegalArgumentException("evidence must not be empty (a claim citing nothing is not supported)");
        }
        double best = 0;
        int bestAt = 0;
        for (int i = 0; i < evidence.size(); i++) {
            double p = entailment(evidence.get(i), claim);
            if (p > best) {
                best = p;
                bestAt = i;
            }
        }
        boolean ok = best >= settings.minEntailment();
        return new Judgement(best, ok, String.format(Locale.ROOT, "entailment %.2f (passage %d of %d) %s threshold %.2f",
                best, bestAt + 1, evidence.size(), ok ? "reaches" : "under", settings.minEntailment()));
    }

    /** Probability that {@code premise} entails {@code hypothesis}. */
    double entailment(String premise, String hypothesis) {
        Encoding enc = tokenizer.encode(premise, hypothesis);
        long[][] shape = {{1, enc.getIds().length}};
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            in.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(enc.getIds()), shape[0]));
            in.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(enc.getAttentionMask()),
                    shape[0]));
            if (tokenTypes) {
                in.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(enc.getTypeIds()),
                        shape[0]));
            }
            try (OrtSession.Result result = session.run(in, Set.of(output))) {
                OnnxValue v = result.get(0);
                float[][] logits = (float[][]) v.getValue();
                float[] row = logits[0];
                if (row.length <= entailment || (labels > 0 && row.length != labels)) {
                    throw new IllegalStateException(dir + ": the model returned " + row.length
                            + " logits; entailment index is " + entailment);
                }
                return softmax(row)[entailment];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on " + dir.resolve(MODEL_FILE) + ": " + e.getMessage(), e);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    @Override
    public void close() {
        closeAll(tokenizer, session);
    }

    private static void closeAll(HuggingFaceTokenizer tokenizer, OrtSession session) {
        RuntimeException failure = null;
        if (tokenizer != null) {
            tokenizer.close();
        }
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                failure = new IllegalStateException("cannot close the ONNX session", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
