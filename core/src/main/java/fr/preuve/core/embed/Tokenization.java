package fr.preuve.core.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * How {@link OnnxBatchEmbedder} turns a text into the token windows the encoder runs on, and the windows' vectors into
 * the text's vector. Thread-safe (the tokenizer is native and thread-safe).
 *
 * <p>{@linkplain #langChain4j LangChain4j's way}, for the shipped model whose vectors must not change: the steps of
 * LangChain4j's {@code OnnxBertBiEncoder} 1.20.0-beta30 (tokenize, split into 510-token windows at word boundaries,
 * rebuild each window's text and encode it, average the windows weighted by their token counts). The tokenizer keeps
 * DJL's default truncation at 512 tokens, so there is always one window.
 *
 * <p>{@linkplain #truncating Truncating}, for models on disk: the text is encoded once, the tokenizer adding the model's
 * own special tokens and cutting at {@code maxTokens}, so WordPiece and SentencePiece tokenizers alike give the ids
 * the model was trained on.
 */
final class Tokenization implements AutoCloseable {

    /** LangChain4j's window: 512 positions minus {@code [CLS]} and {@code [SEP]}. */
    static final int MAX_SEQUENCE_LENGTH = 510;

    /** One model call's worth of tokens; {@code vector} is filled once the model has run. */
    static final class Window {
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

    /** The windows of text number {@code index}. */
    record Windows(int index, List<Window> windows) {
    }

    private final HuggingFaceTokenizer tokenizer;
    private final boolean langChain4j;

    private Tokenization(HuggingFaceTokenizer tokenizer, boolean langChain4j) {
        this.tokenizer = tokenizer;
        this.langChain4j = langChain4j;
    }

    /** LangChain4j's windows, with a tokenizer made with {@link #langChain4jOptions()}. */
    static Tokenization langChain4j(HuggingFaceTokenizer tokenizer) {
        return new Tokenization(tokenizer, true);
    }

    /** One window per text, with a tokenizer made with {@link #truncatingOptions(int)}. */
    static Tokenization truncating(HuggingFaceTokenizer tokenizer) {
        return new Tokenization(tokenizer, false);
    }

    /** Exactly LangChain4j's tokenizer options. */
    static Map<String, String> langChain4jOptions() {
        return Map.of("padding", "false");
    }

    /** No padding, truncation at {@code maxTokens} (DJL caps {@code maxLength} at {@code modelMaxLength}). */
    static Map<String, String> truncatingOptions(int maxTokens) {
        String max = Integer.toString(maxTokens);
        return Map.of("padding", "false", "maxLength", max, "modelMaxLength", max);
    }

    /** The windows of {@code text}; empty or whitespace-only text is an {@link IllegalArgumentException}. */
    Windows windows(String text, int index) {
        if (!langChain4j) {
            Encoding encoding = tokenizer.encode(text);
            long[] ids = encoding.getIds();
            int words = 0;
            for (long special : encoding.getSpecialTokenMask()) {
                words += special == 0 ? 1 : 0;
            }
            if (words == 0) {
                throw blank(index);
            }
            return new Windows(index, List.of(new Window(ids, ids.length)));
        }
        List<String> tokens = tokenizer.tokenize(text);
        List<List<String>> partitions = partition(tokens, MAX_SEQUENCE_LENGTH);
        if (partitions.isEmpty()) {
            throw blank(index);
        }
        List<Window> out = new ArrayList<>(partitions.size());
        for (List<String> partition : partitions) {
            Encoding encoding = tokenizer.encode(toText(partition), true, false);
            out.add(new Window(encoding.getIds(), partition.size()));
        }
        return new Windows(index, out);
    }

    /** Tokens of {@code text} as the model sees them, special tokens included. */
    int countTokens(String text) {
        return langChain4j ? tokenizer.tokenize(text).size() : tokenizer.encode(text).getIds().length;
    }

    private static IllegalArgumentException blank(int index) {
        return new IllegalArgumentException("Cannot embed empty or whitespace-only text (text " + index + ")");
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
    static float[] combine(Windows w) {
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

    @Override
    public void close() {
        tokenizer.close();
    }
}
