package fr.preuve.app.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.eval.beir.BeirDataset;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.eval.beir.BeirIndex;
import fr.preuve.eval.beir.BeirReport;
import fr.preuve.eval.beir.BeirSource;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.regression.QualityGate;
import fr.preuve.eval.regression.Regressions;
import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.metrics.Scores;
import fr.preuve.eval.support.SupportEvaluation;
import fr.preuve.eval.support.SupportReport;
import fr.preuve.eval.report.History;
import fr.preuve.eval.report.HtmlReport;
import fr.preuve.eval.report.Suite;
import fr.preuve.core.config.Yaml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import fr.preuve.app.runtime.ConsoleProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Evaluation runs: retrieval quality on BEIR datasets, answers on question sets, the support judge on support
 * judgements, and named suites of them; each checked against thresholds and pinned regressions.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate retrieval, answers or the support judge on a dataset, or run a suite; exits 1 when a "
                + "threshold or a pinned score is breached.",
        subcommands = {EvalCommand.Beir.class, EvalQuestionsCommand.class, EvalSupportCommand.class, EvalCommand.SuiteRun.class,
                EvalFitAbstentionCommand.class, EvalTrainJudgeCommand.class})
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
                    + "and hybrid, with n and 95% intervals.")
    static class Beir implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "DIR", description = "The BEIR dataset directory, e.g. eval/datasets/scifact.")
        Path dir;

        @Option(names = "--split", paramLabel = "NAME", defaultValue = "test", description = "Qrels split (default ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--queries", paramLabel = "N", description = "Evaluate only the first N judged queries (pinned regressions then do not apply).")
        Integer queries;

        @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON.")
        Path json;

        @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (plots, trend from the history).")
        Path html;

        @Mixin
        QualityOptions quality = new QualityOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** What a run gave: the result, the breach lines (thresholds and pinned scores) and the exit code. */
        record Outcome(RetrievalEvaluation.Result result, Regressions regressions, List<String> breaches, int exit) {
        }

        @Override
        public Integer call() {
            PreuveConfig config = common.load();
            PrintWriter err = spec.commandLine().getErr();
            Outcome o = evaluate(config, spec.commandLine().getOut(), err);
            if (json != null) {
                o.result().write(json);
                err.println("preuve eval: wrote " + json);
            }
            Path h = quality.historyFile(config);
            History.append(h, History.of(o.result(), Instant.now()));
            if (html != null) {
                new HtmlReport("Preuve evaluation: " + o.result().dataset() + " / " + o.result().split(),
                        commandLine(spec), Instant.now().toString()).add(o.result()).baseline(o.regressions())
                        .breaches(o.breaches()).history(History.read(h)).write(html);
                err.println("preuve eval: wrote " + html);
            }
            for (String b : o.breaches()) {
                err.println("preuve eval: " + b);
            }
            err.flush();
            return o.exit();
        }

        /** Indexes (incrementally), ranks, scores and checks; prints the table and the regression rows on {@code out}. */
        Outcome evaluate(PreuveConfig config, PrintWriter out, PrintWriter err) {
            BeirDataset dataset = BeirDataset.load(CommonOptions.resolve(dir), split);
            CorpusConfig beir = BeirSource.corpusConfig(dataset);
            Path indexDir = beir.indexDir(config);
            err.println("preuve eval: " + dataset.name() + ": " + dataset.corpusIds().size() + " documents, "
                    + dataset.judgedQueries().size() + " judged " + split + " queries; index " + indexDir);
            BeirIndex.Info info;
            try (OnnxBatchEmbedder embedder = Embedders.forIndexing(beir.embedding())) {
                info = BeirIndex.build(dataset, indexDir, embedder, ConsoleProgress.stderr());
            }
            RetrievalEvaluation.Result result;
            try (OnnxBatchEmbedder embedder = Embedders.forQueries(beir.embedding());
                 PassageIndex index = PassageIndex.openReadOnly(indexDir)) {
                HybridSearcher searcher = new HybridSearcher(index, embedder, config.search());
                result = RetrievalEvaluation.run(dataset, searcher, queries, info.toMap(), line -> {
                    err.println("preuve " + line);
                    err.flush();
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.print(BeirReport.table(result));
            QualityGate gate = quality.gate(result.scores(), out);
            if (gate.rows().isEmpty() && queries != null) {
                out.println("regressions: none apply to a partial run (--queries " + queries + ")");
            }
            out.flush();
            err.flush();
            return new Outcome(result, quality.regressions(), gate.breaches(), gate.exitCode());
        }
    }

    /** One line per breach on {@code err}, each after {@code prefix}. */
    static void printBreaches(QualityGate gate, PrintWriter err, String prefix) {
        gate.breaches().forEach(b -> err.println(prefix + b));
        err.flush();
    }

    /** The command as typed, for the report header. */
    static String commandLine(CommandLine.Model.CommandSpec spec) {
        List<String> parts = new ArrayList<>();
        parts.add("preuve");
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        CommandLine.ParseResult pr = root.getParseResult() != null ? root.getParseResult() : spec.commandLine().getParseResult();
        if (pr != null) {
            parts.addAll(pr.originalArgs());
        }
        return String.join(" ", parts);
    }

    /**
     * {@code preuve eval suite <name|file>}: runs every run of {@code eval/suites/<name>.yaml} in order, appends each
     * to the history, writes the combined JSON and HTML, and exits 1 with one line per breach.
     */
    @Command(name = "suite", mixinStandardHelpOptions = true,
            description = "Run a suite of evaluations (eval/suites/<name>.yaml, or a file) in order; exits 1 with one "
                    + "line per threshold or regression breach.")
    static class SuiteRun implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Parameters(index = "0", paramLabel = "NAME|FILE", description = "A suite name (ci, nightly) or a suite YAML file.")
        String name;

        @Option(names = "--json", paramLabel = "FILE", description = "Write the combined result as JSON.")
        Path json;

        @Option(names = "--html", paramLabel = "FILE", description = "Write the combined HTML report.")
        Path html;

        @Mixin
        QualityOptions quality = new QualityOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PreuveConfig config = common.load();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path file = Suite.resolve(name, CommonOptions.resolve(Path.of("eval/suites")));
            Suite suite = Suite.load(file);
            Path h = quality.historyFile(config);
            HtmlReport report = new HtmlReport("Preuve evaluation suite: " + name, commandLine(spec), Instant.now().toString());
            List<Map<String, Object>> runs = new ArrayList<>();
            List<String> breaches = new ArrayList<>();
            int i = 0;
            for (Suite.Run run : suite.runs()) {
                i++;
                err.println("preuve eval suite " + name + ": run " + i + "/" + suite.runs().size() + ": " + run.label());
                err.flush();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("run", run.label());
                entry.put("kind", run.kind());
                if (run.beir() != null) {
                    Beir b = new Beir();
                    b.dir = Path.of(run.beir());
                    b.split = run.split();
                    b.queries = run.queries();
                    b.quality = quality;
                    Beir.Outcome o = b.evaluate(config, out, err);
                    History.append(h, History.of(o.result(), Instant.now()));
                    report.add(o.result());
                    breaches.addAll(o.breaches());
                    entry.put("exit", o.exit());
                    entry.put("breaches", o.breaches());
                    entry.put("result", o.result());
                } else if (run.questions() != null) {
                    EvalQuestionsCommand q = new EvalQuestionsCommand();
                    q.file = Path.of(run.questions());
                    AnswerEvaluation.Result r = q.evaluate(config, err);
                    out.println(EvalQuestionsCommand.table(r));
                    History.append(h, History.of(r, Instant.now()));
                    report.add(r);
                    checked(entry, r, r.scores(), out, breaches);
                } else {
                    EvalSupportCommand s = new EvalSupportCommand();
                    s.file = Path.of(run.support());
                    s.rows = run.rows();
                    s.judge = run.judge();
                    SupportEvaluation.Result r = s.evaluate(config, err);
                    out.print(SupportReport.table(r));
                    History.append(h, History.of(r, Instant.now()));
                    report.add(r);
                    checked(entry, r, r.scores(), out, breaches);
                }
                runs.add(entry);
            }
            report.history(History.read(h)).breaches(breaches).baseline(quality.regressions());
            if (json != null) {
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("suite", name);
                all.put("file", file.toString());
                all.put("time", Instant.now().toString());
                all.put("runs", runs);
                all.put("breaches", breaches);
                Yaml.writeJson(json, all);
                err.println("preuve eval suite: wrote " + json);
            }
            if (html != null) {
                report.write(html);
                err.println("preuve eval suite: wrote " + html);
            }
            out.println("suite " + name + ": " + suite.runs().size() + " runs, " + breaches.size() + " breach"
                    + (breaches.size() == 1 ? "" : "es"));
            out.flush();
            for (String b : breaches) {
                err.println("preuve eval suite: " + b);
            }
            err.flush();
            return breaches.isEmpty() ? QualityGate.EXIT_OK : QualityGate.EXIT_BREACH;
        }

        /** Gates one questions or support run of the suite and records its result, exit code and breaches. */
        private void checked(Map<String, Object> entry, Object result, Scores scores, PrintWriter out, List<String> all) {
            QualityGate gate = quality.gate(scores, out);
            all.addAll(gate.breaches());
            entry.put("exit", gate.exitCode());
            entry.put("breaches", gate.breaches());
            entry.put("result", result);
        }
    }
}
