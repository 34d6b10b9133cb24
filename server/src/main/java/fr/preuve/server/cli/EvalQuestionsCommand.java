package fr.preuve.server.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.search.Filters;
import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.answers.SupportCheck;
import fr.preuve.eval.dataset.QuestionSet;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.report.History;
import fr.preuve.eval.report.HtmlReport;
import java.time.Instant;
import fr.preuve.server.app.PreuveRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Answers a question set over a corpus index and reports citation, hallucination, key-fact and abstention figures. */
@Command(name = "questions", mixinStandardHelpOptions = true,
        description = "Evaluate answers on a questions JSONL file (eval/datasets/README.md) over the corpus index.")
public class EvalQuestionsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "Questions JSONL, e.g. eval/datasets/fr-demo.jsonl.")
    Path file;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (plots, trend from the history).")
    Path html;

    @Option(names = "--history", paramLabel = "FILE", description = "History to append this run to (default $PREUVE_HOME/eval/history.jsonl).")
    Path history;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = common.load();
        PrintWriter out = spec.commandLine().getOut();
        AnswerEvaluation.Result r = evaluate(config);
        out.println(table(r));
        if (json != null) {
            Yaml.writeJson(json, r);
            out.println("wrote " + json);
        }
        Path h = EvalCommand.historyFile(history, config);
        History.append(h, History.of(r, r.mode(), Instant.now()));
        if (html != null) {
            new HtmlReport("Preuve evaluation: " + r.dataset(), EvalCommand.commandLine(spec), Instant.now().toString())
                    .add(r, r.mode()).history(History.read(h)).write(html);
            out.println("wrote " + html);
        }
        return 0;
    }

    /** Asks every question of {@link #file} over the corpus index (read-only) and scores the answers. */
    AnswerEvaluation.Result evaluate(PreuveConfig config) {
        QuestionSet set = QuestionSet.load(CommonOptions.resolve(file));
        try (PreuveRuntime runtime = PreuveRuntime.readOnly(config, CommonOptions.corpus(config))) {
            return AnswerEvaluation.run(set, q -> runtime.answers().ask(q.question(), Filters.NONE), SupportCheck.VERBATIM);
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static String table(AnswerEvaluation.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d questions, mode %s, corpus %s, support check: %s%n%n", r.dataset(),
                r.questions(), r.mode(), r.corpusVersion(), r.supportCheck()));
        sb.append("| metric | value | n | 95% CI |\n|---|---|---|---|\n");
        for (Map.Entry<String, Estimate> e : r.metrics().entrySet()) {
            Estimate v = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %d | %s |%n", e.getKey(), v.value(), v.n(),
                    v.ci95() == null ? "" : String.format(Locale.ROOT, "[%.3f, %.3f]", v.lo(), v.hi())));
        }
        sb.append(String.format(Locale.ROOT, "%nLatency per answer: p50 %.0f ms, p95 %.0f ms (n=%d)%n",
                r.latency().p50(), r.latency().p95(), r.latency().n()));
        return sb.toString();
    }
}
