package fr.preuve.eval.run;

import fr.preuve.core.verify.JudgeSpec;
import fr.preuve.eval.dataset.Question;
import fr.preuve.eval.metrics.Scores;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One evaluation to run, as a value: what the command line or a suite asked for, before anything is read. The
 * {@link EvalRunner} runs it, gates it, records it and reports it.
 */
public sealed interface EvalRun {

    /** The kind of its scores ({@link Scores#BEIR}, {@link Scores#QUESTIONS} or {@link Scores#SUPPORT}). */
    String kind();

    /** How it is written on the command line after {@code preuve eval}, for progress lines and the suite JSON. */
    String label();

    /**
     * Retrieval on a BEIR dataset: index its corpus (incrementally), rank its judged queries with BM25, vector and
     * hybrid search.
     *
     * @param dataset the BEIR directory
     * @param split   the qrels split
     * @param queries only the first N judged queries (pinned regressions then do not apply), or null for all
     * @param run     where to write the TREC run of each retriever (the retriever's name inserted before the
     *                extension, {@link fr.preuve.eval.trec.TrecRunWriter#fileFor}), or null for none
     */
    record Retrieval(Path dataset, String split, Integer queries, Path run) implements EvalRun {
        public Retrieval {
            Objects.requireNonNull(dataset, "dataset");
            split = split == null ? "test" : split;
            atLeastOne("queries", queries);
        }

        /** A run that writes no TREC run file. */
        public Retrieval(Path dataset, String split, Integer queries) {
            this(dataset, split, queries, null);
        }

        @Override
        public String kind() {
            return Scores.BEIR;
        }

        @Override
        public String label() {
            return "beir " + dataset + " --split " + split + (queries == null ? "" : " --queries " + queries)
                    + (run == null ? "" : " --run " + run);
        }
    }

    /**
     * Answers to a question set, in process over the corpus index or from a running Preuve.
     *
     * @param file    the questions JSONL file
     * @param split   only the questions of this split, or null for all
     * @param server  the running Preuve to ask ({@code POST /api/ask}), or null to answer in process
     * @param answers where to log every answer, or null
     */
    record Questions(Path file, Question.Split split, URI server, Path answers) implements EvalRun {
        public Questions {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String kind() {
            return Scores.QUESTIONS;
        }

        @Override
        public String label() {
            return "questions " + file + (split == null ? "" : " --split " + split.name().toLowerCase(Locale.ROOT))
                    + (server == null ? "" : " --server " + server);
        }
    }

    /**
     * A support judge on human support judgements.
     *
     * @param file         the support-judgements JSONL file
     * @param rows         only the first N judgements (pinned scores then do not apply), or null for all
     * @param judge        the judge
     * @param calibrate    also choose a threshold on the calibration half and report it on the held-out half
     * @param minPrecision the precision target of the calibration
     */
    record Support(Path file, Integer rows, JudgeSpec judge, boolean calibrate, double minPrecision) implements EvalRun {
        /** The default precision target of the calibration. */
        public static final double MIN_PRECISION = 0.8;

        public Support {
            Objects.requireNonNull(file, "file");
            judge = judge == null ? JudgeSpec.DEFAULT : judge;
            atLeastOne("rows", rows);
            if (!(minPrecision > 0 && minPrecision <= 1)) {
                throw new IllegalArgumentException("the precision target must be in (0, 1], got " + minPrecision);
            }
        }

        @Override
        public String kind() {
            return Scores.SUPPORT;
        }

        @Override
        public String label() {
            return "support " + file + " --judge " + judge.key() + (rows == null ? "" : " --rows " + rows)
                    + (calibrate ? " --calibrate --min-precision " + minPrecision : "");
        }
    }

    private static void atLeastOne(String name, Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException("'" + name + "' must be at least 1, got " + value);
        }
    }
}
