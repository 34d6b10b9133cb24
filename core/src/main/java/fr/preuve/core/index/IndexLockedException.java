package fr.preuve.core.index;

import java.nio.file.Path;

/** Another process (another {@code preuve serve} or {@code preuve index}) is writing this index. */
public final class IndexLockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IndexLockedException(Path dir, Throwable cause) {
        super("the index at " + dir + " is being written by another Preuve process (write.lock is held); "
                + "stop that process or set PREUVE_HOME to another directory", cause);
    }
}
