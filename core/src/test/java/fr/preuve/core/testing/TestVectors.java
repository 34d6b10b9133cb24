package fr.preuve.core.testing;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.EmbeddingCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The shipped model's vectors of the test corpora, computed once and shipped as a gzipped {@link EmbeddingCache} file
 * ({@link #RESOURCE}): the PubMedQA demo abstracts, the smoke corpus and the SciFact subset of the evaluation tests.
 * {@link #over} puts them in front of the real model: a passage whose text (and model id) is in the file gets its
 * vector from there, any other is embedded by the model, so a model or chunking change only makes the tests slower.
 * The vectors are the model's own float32 values (unbatched, so independent of their batch-mates): results are those
 * of embedding live. {@code TestVectorsTest} (eval module) fails when the file no longer covers the corpora or no
 * longer holds the model's vectors; {@code ./preuve test-vectors} rewrites it.
 */
public final class TestVectors {
    private TestVectors() {
    }

    /** Classpath resource of the shipped vectors (core test resources). */
    public static final String RESOURCE = "fr/preuve/core/testing/test-vectors.vec.gz";

    /** The same file in the source tree, relative to the repository root. */
    public static final String SOURCE = "core/src/test/resources/" + RESOURCE;

    /** {@code model} answering {@link Embedder#embedAll} from the shipped vectors when it can. */
    public static Embedder over(Embedder model) {
        return new Precomputed(model, open(model.modelId(), model.dimension()));
    }

    /**
     * The shipped vectors, unpacked into this JVM's {@link RunDir} as the cache of {@code modelId}; an empty cache when
     * the file is of another model or dimension.
     */
    public static synchronized EmbeddingCache open(String modelId, int dimension) {
        Path dir = RunDir.resolve("test-vectors").resolve(Integer.toHexString(modelId.hashCode()) + "-" + dimension);
        if (Files.isDirectory(dir)) {
            return EmbeddingCache.open(dir, modelId, dimension);
        }
        try (InputStream in = TestVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return unpack(in, dir, modelId, dimension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The vectors of a file {@link #write} wrote, unpacked into {@code dir}, as {@link #open} does. */
    public static EmbeddingCache open(Path file, Path dir, String modelId, int dimension) {
        try (InputStream in = Files.newInputStream(file)) {
            return unpack(in, dir, modelId, dimension);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + file + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddingCache unpack(InputStream in, Path dir, String modelId, int dimension) throws IOException {
        Path file;
        try (EmbeddingCache empty = EmbeddingCache.open(dir, modelId, dimension)) {
            file = empty.file();
        }
        if (in != null) {
            try (InputStream gz = new GZIPInputStream(in, 1 << 16)) {
                Files.copy(gz, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try {
            return EmbeddingCache.open(dir, modelId, dimension);
        } catch (IllegalStateException e) { // the file is of another model or dimension: nothing precomputed
            Files.delete(file);
            return EmbeddingCache.open(dir, modelId, dimension);
        }
    }

    /**
     * Writes {@code vectors} (text to vector, all of {@code modelId}) to {@code file} as a gzipped cache, in the order
     * of their keys so that the same vectors give the same bytes.
     */
    public static void write(Path file, String modelId, int dimension, Map<String, float[]> vectors) {
        Map<String, String> byKey = new TreeMap<>();
        vectors.keySet().forEach(t -> byKey.put(EmbeddingCache.key(t), t));
        try {
            Path tmp = Files.createTempDirectory("test-vectors-");
            Path raw;
            try (EmbeddingCache cache = EmbeddingCache.open(tmp, modelId, dimension)) {
                byKey.values().forEach(t -> cache.put(t, vectors.get(t)));
                raw = cache.file();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
                Files.copy(raw, out);
            }
            RunDir.delete(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The model, with the shipped vectors looked up first. */
    private record Precomputed(Embedder delegate, EmbeddingCache shipped) implements ForwardingEmbedder {
        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> out = new ArrayList<>(texts.size());
            List<String> missing = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (String text : texts) {
                Optional<float[]> v = shipped.get(text);
                if (v.isEmpty()) {
                    missing.add(text);
                    at.add(out.size());
                }
                out.add(v.orElse(null));
            }
            if (!missing.isEmpty()) {
                List<float[]> fresh = delegate.embedAll(missing);
                for (int i = 0; i < fresh.size(); i++) {
                    out.set(at.get(i), fresh.get(i));
                }
            }
            return out;
        }

        @Override
        public void close() {
            try {
                shipped.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delegate.close();
            }
        }
    }
}
