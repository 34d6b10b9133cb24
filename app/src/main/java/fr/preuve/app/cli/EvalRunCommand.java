package fr.preuve.app.cli;

import fr.preuve.app.runtime.ConsoleProgress;
import fr.preuve.app.runtime.ConsoleSteps;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.core.answer.AnswerListener;
import fr.preuve.core.answer.Answered;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.search.Filters;
import fr.preuve.eval.answers.LocalAnswers;
import fr.preuve.eval.run.EvalRunner;
import fr.preuve.eval.run.Evaluator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * An evaluation command: parses its options into an {@link fr.preuve.eval.run.EvalRun} (or a suite of them) and
 * hands it to the {@link EvalRunner}, which gates, records and reports it.
 */
abstract class EvalRunCommand extends PreuveCommand {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (plots, trend "
            + "from the history).")
    Path html;

    @Mixin
    QualityOptions quality = new QualityOptions();

    /** Runs what the options ask for with {@code runner}; gives the exit code. */
    abstract int execute(EvalRunner runner, EvalRunner.Reports reports);

    @Override
    public Integer call() {
        return execute(runner(config()), new EvalRunner.Reports(json, html, commandLine()));
    }

    /** The pipeline over this configuration: answers in process from a read-only runtime, progress on stderr. */
    EvalRunner runner(PreuveConfig config) {
        Evaluator evaluator = new Evaluator(config, embedders, CommonOptions::resolve, () -> new RuntimeAnswers(readOnly(config)),
                ConsoleProgress.stderr(), ConsoleSteps.on(err()));
        return new EvalRunner(evaluator, quality.checks(config), Clock.systemUTC(), out(), err());
    }

    /** The in-process answers of a questions run, over the application's runtime. */
    private record RuntimeAnswers(PreuveRuntime runtime) implements LocalAnswers {
        @Override
        public Answered answer(String question) {
            return runtime.answers().answer(question, Filters.NONE, AnswerListener.NONE);
        }

        @Override
        public Optional<Passage> passage(String id) {
            return runtime.index().passage(id);
        }

        @Override
        public Embedder queryEmbedder() {
            return runtime.queryEmbedder();
        }

        @Override
        public void close() {
            try {
                runtime.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the corpus index: " + e.getMessage(), e);
            }
        }
    }
}
