package fr.preuve.eval.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository, found from the working directory (the module directory under Maven). */
final class Repo {
    private Repo() {
    }

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("corpus-config"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (with corpus-config/) not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path datasets() {
        return root().resolve("eval/datasets");
    }
}
