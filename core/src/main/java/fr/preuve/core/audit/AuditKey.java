package fr.preuve.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The secret key of question fingerprints: {@code PREUVE_AUDIT_KEY} when set, otherwise random bytes generated once
 * into a file readable by its owner only. Losing the key only means new fingerprints no longer match old ones.
 */
public final class AuditKey {
    private AuditKey() {
    }

    /**
     * The key: the UTF-8 bytes of {@code configured} when not null, else the content of {@code file}, created with
     * {@code length} random bytes (permissions {@code rw-------}) when missing.
     *
     * @throws IllegalStateException when the key file exists but is empty, or cannot be read or written
     */
    public static byte[] resolve(String configured, Path file, int length) {
        if (configured != null) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (!Files.exists(file)) {
                create(file, length);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length == 0) {
                throw new IllegalStateException("the audit key file " + file + " is empty; restore it from a backup, "
                        + "or delete it to generate a new key (older fingerprints will no longer match)");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the audit key file " + file + ": " + e, e);
        }
    }

    private static void create(Path file, int length) throws IOException {
        byte[] key = new byte[length];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(Set.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(tmp);
            }
            Files.write(tmp, key);
            try {
                // a link never replaces an existing key: the first process to create it wins
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first; its key is read by the caller
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(file)) {
                    Files.move(tmp, file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
