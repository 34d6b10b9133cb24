package fr.preuve.core.testing;

import fr.preuve.core.embed.Embedder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A deterministic stand-in for the ONNX model, for tests whose assertions do not depend on the model's semantics
 * (plumbing, API, audit): a bag of words hashed into {@link #DIMENSION} signed buckets, L2-normalised. Texts sharing
 * words get close vectors, so hybrid search still behaves sensibly; it is instant and loads nothing. Blank texts are
 * rejected, as by the real model.
 */
public final class HashingEmbedder implements Embedder {

    /** The real model's dimension, so that indexes look alike. */
    public static final int DIMENSION = 384;

    /** What indexes built with it record. */
    public static final String MODEL_ID = "test-hashing-bag-of-words-384";

    private final String modelId;

    public HashingEmbedder() {
        this(MODEL_ID);
    }

    /** One reporting another model id (a model change). */
    public HashingEmbedder(String modelId) {
        this.modelId = Objects.requireNonNull(modelId, "modelId");
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(query);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    private static float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text cannot be blank");
        }
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 1) {
                int h = fnv1a(word);
                v[Math.floorMod(h, DIMENSION)] += (h & 0x4000_0000) == 0 ? 1f : -1f;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1f;
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static int fnv1a(String word) {
        int h = 0x811c9dc5;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x01000193;
        }
        return h;
    }
}
