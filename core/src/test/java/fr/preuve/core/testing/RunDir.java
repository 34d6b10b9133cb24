package fr.preuve.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory of this test JVM, shared by its test classes (indexes built once per run and reused by several
 * classes live there) and deleted when the JVM exits: nothing survives from one run to the next.
 */
public final class RunDir {
    private RunDir() {
    }

    private static Path dir;

    /** The run's directory, created on first use. */
    public static synchronized Path get() {
        if (dir == null) {
            try {
                Path created = Files.createTempDirectory("preuve-test-run-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "delete-test-run-dir"));
                dir = created;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** {@code name} inside the run's directory (not created). */
    public static Path resolve(String name) {
        return get().resolve(name);
    }

    /** Deletes {@code root} and everything below it, best effort. */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }
}
