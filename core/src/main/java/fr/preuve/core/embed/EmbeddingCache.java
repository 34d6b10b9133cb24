package fr.preuve.core.embed;

import fr.preuve.core.hash.Sha256;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Vectors already computed, keyed by embedding model and SHA-256 of the embedded text, in one append-only file per
 * model: a changed document re-embeds only its new passages, and re-indexing after a rollback or a chunking change
 * that keeps passage texts re-embeds nothing.
 *
 * <p>File layout: {@code PREUVEC1}, the dimension and the model id, then records of a 32-byte text hash followed by the
 * vector (little-endian floats). Only offsets are held in memory. A record cut short by a crash is dropped when the
 * file is opened; a lost record only costs one embedding.
 */
public final class EmbeddingCache implements Closeable {
    private static final byte[] MAGIC = "PREUVEC1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final FileChannel channel;
    private final int dimension;
    private final int recordBytes;
    private final Map<String, Long> offsets = new HashMap<>();

    private EmbeddingCache(Path file, FileChannel channel, int dimension) {
        this.file = file;
        this.channel = channel;
        this.dimension = dimension;
        this.recordBytes = KEY_BYTES + 4 * dimension;
    }

    /** Opens (or creates) the cache of {@code modelId} in {@code dir}. */
    public static EmbeddingCache open(Path dir, String modelId, int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
        Path file = dir.resolve(HexFormat.of().formatHex(sha256(modelId)).substring(0, 16) + ".vec");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            EmbeddingCache cache = new EmbeddingCache(file, channel, dimension);
            cache.load(header(modelId, dimension));
            return cache;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open the embedding cache " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** The key of a text: its SHA-256 in hex. */
    public static String key(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** The vector cached for {@code text}, if any. */
    public Optional<float[]> get(String text) {
        Long at = offsets.get(key(text));
        if (at == null) {
            return Optional.empty();
        }
        ByteBuffer buf = ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (buf.hasRemaining()) {
                if (channel.read(buf, at + KEY_BYTES + buf.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding cache " + file + ": " + e.getMessage(), e);
        }
        buf.flip();
        float[] v = new float[dimension];
        buf.asFloatBuffer().get(v);
        return Optional.of(v);
    }

    /** Records the vector of {@code text} (written at once; the OS keeps it if the process is killed). */
    public void put(String text, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector of dimension " + vector.length + " in a cache of dimension " + dimension);
        }
        String key = key(text);
        if (offsets.containsKey(key)) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(HexFormat.of().parseHex(key));
        buf.asFloatBuffer().put(vector);
        buf.position(recordBytes).flip();
        try {
            long at = channel.size();
            while (buf.hasRemaining()) {
                channel.write(buf, at + buf.position());
            }
            offsets.put(key, at);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedding cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Number of cached vectors. */
    public int size() {
        return offsets.size();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---------------------------------------------------------------- internals

    private static byte[] header(String modelId, int dimension) {
        byte[] id = modelId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MAGIC.length + 8 + id.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(MAGIC).putInt(dimension).putInt(id.length).put(id).array();
    }

    /** Indexes the records; writes the header into a new file, drops a partial last record. */
    private void load(byte[] header) throws IOException {
        long size = channel.size();
        if (size < header.length) { // new, or cut before its header was complete
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(header), 0);
            return;
        }
        ByteBuffer head = ByteBuffer.allocate(header.length);
        channel.read(head, 0);
        if (!Arrays.equals(head.array(), header)) {
            throw new IllegalStateException(file + " is not an embedding cache of this model and dimension; delete it");
        }
        long records = (size - header.length) / recordBytes;
        long end = header.length + records * recordBytes;
        if (end < size) {
            channel.truncate(end);
        }
        ByteBuffer key = ByteBuffer.allocate(KEY_BYTES);
        for (long r = 0; r < records; r++) {
            long at = header.length + r * recordBytes;
            key.clear();
            while (key.hasRemaining()) {
                channel.read(key, at + key.position());
            }
            offsets.put(HexFormat.of().formatHex(key.array()), at);
        }
    }

    private static byte[] sha256(String s) {
        return Sha256.of(s);
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the original failure is reported
            }
        }
    }
}
