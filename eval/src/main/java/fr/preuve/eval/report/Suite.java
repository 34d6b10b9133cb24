package fr.preuve.eval.report;

import fr.preuve.core.config.ConfigException;
import fr.preuve.core.config.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A named list of evaluation runs ({@code eval/suites/<name>.yaml}), run in order by {@code preuve eval suite}.
 *
 * <pre>
 * description: what the suite guards
 * runs:
 *   - {beir: eval/datasets/scifact, split: test}
 *   - {beir: eval/datasets/scifact, split: train, queries: 50}
 *   - {questions: eval/datasets/fr-demo.jsonl}
 * </pre>
 *
 * Paths are relative to the repository root (the working directory of {@code ./preuve}). Unknown keys, wrong types and
 * inconsistent runs fail with file, line and field.
 */
public record Suite(String description, List<Run> runs) {

    /** One run: either {@code beir} (with {@code split}, default test, and optional {@code queries}) or {@code questions}. */
    public record Run(String beir, String split, Integer queries, String questions) {
        public Run {
            if ((beir == null) == (questions == null)) {
                throw new IllegalArgumentException("a run needs exactly one of 'beir' (a BEIR directory) or 'questions'"
                        + " (a questions JSONL file)");
            }
            if (questions != null && (split != null || queries != null)) {
                throw new IllegalArgumentException("'split' and 'queries' only apply to a 'beir' run, not to questions "
                        + questions);
            }
            if (queries != null && queries < 1) {
                throw new IllegalArgumentException("'queries' must be at least 1, got " + queries);
            }
            if (beir != null && split == null) {
                split = "test";
            }
        }

        public String kind() {
            return beir != null ? "beir" : "questions";
        }

        public String label() {
            return beir != null ? "beir " + beir + " --split " + split + (queries == null ? "" : " --queries " + queries)
                    : "questions " + questions;
        }
    }

    public Suite {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("'runs' must list at least one run");
        }
        runs = List.copyOf(runs);
    }

    public static Suite load(Path file) {
        return Yaml.read(file, Suite.class);
    }

    /** {@code name} as a file when it exists, else {@code <suitesDir>/<name>.yaml}. */
    public static Path resolve(String name, Path suitesDir) {
        Path asFile = Path.of(name);
        if (Files.isRegularFile(asFile)) {
            return asFile;
        }
        Path named = suitesDir.resolve(name + ".yaml");
        if (Files.isRegularFile(named)) {
            return named;
        }
        throw new ConfigException("no suite '" + name + "': neither a file nor " + named);
    }
}
