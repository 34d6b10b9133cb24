package fr.preuve.core.embed;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import fr.preuve.core.embed.Tokenization.Window;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BERT-like encoder on ONNX Runtime: runs token windows and pools each window's token vectors into one vector.
 * Passages and queries have their own session when their thread counts differ. Thread-safe.
 */
final class OnnxEncoder implements AutoCloseable {

    /** The output holding one vector per token, when a model has several. */
    private static final String TOKEN_OUTPUT = "last_hidden_state";

    private final OrtEnvironment environment;
    private final OrtSession passageSession;
    private final OrtSession querySession;
    private final boolean wantsTokenTypes;
    private final String outputName;
    private final Pooling pooling;
    private final int dimension;

    private OnnxEncoder(OrtEnvironment environment, OrtSession passageSession, OrtSession querySession,
                        Pooling pooling, ModelSource source) throws OrtException {
        this.environment = environment;
        this.passageSession = passageSession;
        this.querySession = querySession;
        this.pooling = pooling;
        Set<String> inputs = passageSession.getInputNames();
        if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
            throw new IllegalArgumentException("not a BERT-like encoder: " + source.describe() + " has inputs "
                    + inputs + ", expected input_ids and attention_mask");
        }
        this.wantsTokenTypes = inputs.contains("token_type_ids");
        Map.Entry<String, Integer> out = tokenOutput(passageSession, source);
        this.outputName = out.getKey();
        this.dimension = out.getValue();
    }

    /**
     * Loads the model; the dimension is read from its output.
     *
     * @param passageThreads intra-op threads of a passage call
     * @param queryThreads intra-op threads of a query call
     */
    static OnnxEncoder load(ModelSource source, Pooling pooling, int passageThreads, int queryThreads)
            throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession passages = null;
        OrtSession queries = null;
        try {
            passages = source.session(environment, sessionOptions(passageThreads));
            // ONNX Runtime sessions are thread-safe: one session serves both when the thread counts agree.
            queries = queryThreads == passageThreads ? passages : source.session(environment, sessionOptions(queryThreads));
            return new OnnxEncoder(environment, passages, queries, pooling, source);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(queries, passages);
            throw e;
        }
    }

    int dimension() {
        return dimension;
    }

    /** Runs passage windows as one (padded) batch and stores each window's pooled vector. */
    void runPassages(List<Window> windows) throws OrtException {
        run(passageSession, windows);
    }

    /** Runs a query window, on the session tuned for latency. */
    void runQuery(Window window) throws OrtException {
        run(querySession, List.of(window));
    }

    @Override
    public void close() {
        closeQuietly(querySession, passageSession);
    }

    /**
     * The output with one vector per token ({@code [batch, tokens, dimension]}) and its dimension: the one named
     * {@code last_hidden_state}, else the first of rank 3.
     */
    private static Map.Entry<String, Integer> tokenOutput(OrtSession session, ModelSource source) throws OrtException {
        Map.Entry<String, Integer> found = null;
        for (Map.Entry<String, NodeInfo> e : session.getOutputInfo().entrySet()) {
            if (e.getValue().getInfo() instanceof TensorInfo t && t.getShape().length == 3
                    && (found == null || e.getKey().equals(TOKEN_OUTPUT))) {
                found = Map.entry(e.getKey(), (int) t.getShape()[2]);
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(source.describe() + " has no output of shape [batch, tokens, dimension]"
                    + " to pool; outputs: " + session.getOutputNames());
        }
        if (found.getValue() <= 0) {
            throw new IllegalArgumentException("cannot read the vector dimension of " + source.describe()
                    + " from its output " + found.getKey());
        }
        return found;
    }

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

    /** Closes each session once (the same session may stand twice in a row); identity is what counts here. */
    @SuppressWarnings("ReferenceEquality")
    private static void closeQuietly(OrtSession... sessions) {
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
