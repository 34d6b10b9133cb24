package fr.preuve.eval.run;

import fr.preuve.core.config.ConfigException;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.verify.JudgeSpec;
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
 *   - {support: eval/datasets/support/expertqa-medicine-dev.jsonl, rows: 60, judge: default}
 * </pre>
 *
 * Paths are relative to the repository root (the working directory of {@code ./preuve}). Unknown keys, wrong types and
 * inconsistent runs fail with file, line and field.
 */
public record Suite(String description, List<Run> runs) {

    /**
     * One run: {@code beir} (with {@code split}, default test, and optional {@code queries}), {@code questions}, or
     * {@code support} (with an optional {@code rows} slice, the first N judgements, and {@code judge}, default
     * {@code default}).
     */
    public record Run(String beir, String split, Integer queries, String questions, String support, Integer rows,
                      String judge) {
        public Run {
            int kinds = (beir == null ? 0 : 1) + (questions == null ? 0 : 1) + (support == null ? 0 : 1);
            if (kinds != 1) {
                throw new IllegalArgumentException("a run needs exactly one of 'beir' (a BEIR directory), 'questions'"
                        + " (a questions JSONL file) or 'support' (a support-judgements JSONL file)");
            }
            if (beir == null && (split != null || queries != null)) {
                throw new IllegalArgumentException("'split' and 'queries' only apply to a 'beir' run, not to "
                        + (questions != null ? "questions " + questions : "support " + support));
            }
            if (support == null && (rows != null || judge != null)) {
                throw new IllegalArgumentException("'rows' and 'judge' only apply to a 'support' run");
            }
            if (beir != null && split == null) {
                split = "test";
            }
            if (support != null && judge == null) {
                judge = JudgeSpec.DEFAULT.key();
            }
            run(beir, split, queries, questions, support, rows, judge);
        }

        /** The run this entry declares; its paths are as written (relative to the repository root). */
        public EvalRun toRun() {
            return run(beir, split, queries, questions, support, rows, judge);
        }

        private static EvalRun run(String beir, String split, Integer queries, String questions, String support,
                                   Integer rows, String judge) {
            if (beir != null) {
                return new EvalRun.Retrieval(Path.of(beir), split, queries);
            }
            if (questions != null) {
                return new EvalRun.Questions(Path.of(questions), null, null, null);
            }
            return new EvalRun.Support(Path.of(support), rows, JudgeSpec.parse(judge), false,
                    EvalRun.Support.MIN_PRECISION);
        }

        public String kind() {
            return toRun().kind();
        }

        public String label() {
            return toRun().label();
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
