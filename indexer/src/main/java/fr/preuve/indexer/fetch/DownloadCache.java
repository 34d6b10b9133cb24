package fr.preuve.indexer.fetch;

import fr.preuve.core.hash.Sha256;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw downloads on disk, addressed by content: {@code blobs/<sha256>} holds each distinct body once, and
 * {@code urls/<hash of the URL>.properties} records which body a URL gave last, with its validators (ETag,
 * Last-Modified) for conditional requests. A re-index finds its bodies here instead of downloading them again.
 */
public final class DownloadCache {

    /**
     * What a URL gave last.
     *
     * @param etag         the ETag header, or null
     * @param lastModified the Last-Modified header, or null
     */
    public record Entry(URI url, String sha256, String contentType, String etag, String lastModified, Path file) {
    }

    private final Path dir;

    public DownloadCache(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** The last body recorded for {@code url}, if it is still on disk. */
    public Optional<Entry> lookup(URI url) {
        Path record = record(url);
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String sha = p.getProperty("sha256", "");
        Path blob = blob(sha);
        if (!sha.matches("[0-9a-f]{64}") || !Files.isRegularFile(blob)) {
            return Optional.empty();
        }
        return Optional.of(new Entry(url, sha, p.getProperty("contentType"), p.getProperty("etag"),
                p.getProperty("lastModified"), blob));
    }

    /** The file of a body already stored, by its SHA-256. */
    public Path blob(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: '" + sha256 + "'");
        }
        return dir.resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** A temporary file on the cache's file system, for a body being downloaded. */
    public Path newTempFile() {
        try {
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            return Files.createTempFile(tmp, "download-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file in the download cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Moves a downloaded body into the cache (kept once per content) and records it for {@code url}. */
    public Entry put(URI url, Path downloaded, String sha256, String contentType, String etag, String lastModified) {
        Path blob = blob(sha256);
        try {
            Files.createDirectories(blob.getParent());
            if (Files.exists(blob)) {
                Files.deleteIfExists(downloaded);
            } else {
                try {
                    Files.move(downloaded, blob, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.move(downloaded, blob, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Properties p = new Properties();
            // for people reading the cache; secrets in the query (NCBI api_key) are not written to disk
            p.setProperty("url", url.toString().replaceAll("(?i)(api_key|apikey|token)=[^&]*", "$1=REDACTED"));
            p.setProperty("sha256", sha256);
            setIf(p, "contentType", contentType);
            setIf(p, "etag", etag);
            setIf(p, "lastModified", lastModified);
            Path record = record(url);
            Files.createDirectories(record.getParent());
            Path tmp = Files.createTempFile(record.getParent(), "url-", ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, null);
            }
            Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Entry(url, sha256, contentType, etag, lastModified, blob);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a download in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path record(URI url) {
        return dir.resolve("urls").resolve(sha256(url.toString()).substring(0, 40) + ".properties");
    }

    private static void setIf(Properties p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.setProperty(key, value);
        }
    }

    static String sha256(String s) {
        return Sha256.hex(s);
    }
}
