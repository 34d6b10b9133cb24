package fr.preuve.app.cli;

import fr.preuve.eval.run.EvalRun;
import fr.preuve.eval.run.EvalRunner;
import fr.preuve.eval.run.Suite;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Evaluation runs: retrieval quality on BEIR datasets, answers on question sets, the support judge on support
 * judgements, and named suites of them; each checked against thresholds and pinned regressions.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate retrieval, answers or the support judge on a dataset, or run a suite; exits 1 when a "
                + "threshold or a pinned score is breached.",
        subcommands = {EvalCommand.Beir.class, EvalTrecCommand.class, EvalQuestionsCommand.class, EvalSupportCommand.class, EvalCommand.SuiteRun.class,
                EvalFitAbstentionCommand.class, EvalFitUnitsCommand.class, EvalTrainJudgeCommand.class})
public class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code preuve eval beir <dir>}: index the BEIR corpus (incrementally), then rank with BM25, vector, hybrid. */
    @Command(name = "beir", mixinStandardHelpOptions = true,
            description = "Index a BEIR dataset (corpus.jsonl[.gz], queries.jsonl, qrels/<split>.tsv) under "
                    + "$PREUVE_HOME/indexes/beir-<name> and report nDCG@10, Recall@10/100 and MRR@10 for bm25, vector "
                    + "and hybrid, with n and 95%% intervals; --run also writes each retriever's ranking as a TREC run.")
    static class Beir extends EvalRunCommand {
        @Parameters(index = "0", paramLabel = "DIR", description = "The BEIR dataset directory, e.g. eval/datasets/scifact.")
        Path dir;

        @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "Qrels split (default ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--queries", paramLabel = "N", description = "Evaluate only the first N judged queries (pinned regressions then do not apply).")
        Integer queries;

        @Option(names = "--run", paramLabel = "FILE", description = "Also write the TREC run (qid Q0 docid rank score "
                + "tag, top 100 per query, the rankings the metrics are computed from) of each retriever: the "
                + "retriever's name goes before the extension (runs/scifact.trec gives runs/scifact.bm25.trec, "
                + "runs/scifact.vector.trec, runs/scifact.hybrid.trec); tags preuve-bm25, preuve-vector, preuve-hybrid.")
        Path run;

        @Override
        int execute(EvalRunner runner, EvalRunner.Reports reports) {
            return runner.single(new EvalRun.Retrieval(dir, split, queries, run), reports);
        }
    }

    /**
     * {@code preuve eval suite <name|file>}: runs every run of {@code eval/suites/<name>.yaml} in order, appends each
     * to the history, writes the combined JSON and HTML, and exits 1 with one line per breach.
     */
    @Command(name = "suite", mixinStandardHelpOptions = true,
            description = "Run a suite of evaluations (eval/suites/<name>.yaml, or a file) in order; exits 1 with one "
                    + "line per threshold or regression breach.")
    static class SuiteRun extends EvalRunCommand {
        @Parameters(index = "0", paramLabel = "NAME|FILE", description = "A suite name (ci, nightly) or a suite YAML file.")
        String name;

        @Override
        int execute(EvalRunner runner, EvalRunner.Reports reports) {
            Path file = Suite.resolve(name, CommonOptions.resolve(Path.of("eval/suites")));
            return runner.suite(name, file, Suite.load(file), reports);
        }
    }
}
