package fr.preuve.core.embed;

import ai.onnxruntime.OrtEnvironment;
import fr.preuve.core.hash.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model ids of models on disk: what the vectors depend on, so that another file, pooling, prefix, window or runtime
 * gives another id (recorded with the index, naming the embedding cache).
 *
 * <p>Form: {@code <name>;onnx=<12 hex>;tokenizer=<12 hex>;pooling=mean;query="query: ";passage="passage: ";
 * maxTokens=512;onnxruntime=1.20.0}, the hex being the start of the SHA-256 of each file's bytes.
 */
final class ModelIds {

    /** Hex digits of a file's SHA-256 kept in the id. */
    static final int HASH_CHARS = 12;

    /** SHA-256 of files already read by this process, by path, size and modification time. */
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private ModelIds() {
    }

    static String of(EmbeddingSpec.OnDisk spec) {
        return spec.name() + ";onnx=" + shortHash(spec.model()) + ";tokenizer=" + shortHash(spec.tokenizer())
                + ";pooling=" + spec.pooling().key() + ";query=" + quote(spec.queryPrefix())
                + ";passage=" + quote(spec.passagePrefix()) + ";maxTokens=" + spec.maxTokens()
                + ";onnxruntime=" + runtimeVersion();
    }

    /** The version of the ONNX Runtime library loaded. */
    static String runtimeVersion() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    /** The first {@link #HASH_CHARS} hex digits of the SHA-256 of {@code file}'s bytes. */
    static String shortHash(Path file) {
        return sha256(file).substring(0, HASH_CHARS);
    }

    /** SHA-256 of {@code file}'s bytes, read once per process for an unchanged file (models can be gigabytes). */
    static String sha256(Path file) {
        try {
            Path p = file.toAbsolutePath().normalize();
            String key = p + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
            String known = HASHES.get(key);
            if (known != null) {
                return known;
            }
            MessageDigest md = Sha256.digest();
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(p)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(md.digest());
            HASHES.put(key, hex);
            return hex;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code text} in double quotes, with {@code "}, {@code \} and control characters escaped. */
    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
