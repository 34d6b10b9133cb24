package fr.preuve.eval.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paths of the repository, found from the working directory (the module directory under Maven), and the demo corpus's
 * documents, read once per test JVM for the classes that check datasets against them.
 */
final class Repo {
    private Repo() {
    }

    private static CorpusDocuments demo;

    /** The documents of {@code corpus-config/demo.yaml}, read on first use (a few seconds: the WHO PDFs). */
    static synchronized CorpusDocuments demoDocuments() {
        if (demo == null) {
            demo = CorpusDocuments.load(root().resolve("corpus-config/demo.yaml"));
        }
        return demo;
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
