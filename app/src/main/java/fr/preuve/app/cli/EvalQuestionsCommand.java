package fr.preuve.app.cli;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.search.Filters;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.SupportJudge;
import fr.preuve.core.verify.judge.SupportModel;
import fr.preuve.core.verify.judge.TrainedSupportJudge;
import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.answers.RemoteAnswers;
import fr.preuve.eval.answers.SupportCheck;
import fr.preuve.eval.dataset.Question;
import fr.preuve.eval.dataset.QuestionSet;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.regression.QualityGate;
import fr.preuve.eval.report.History;
import fr.preuve.eval.report.HtmlReport;
import fr.preuve.app.runtime.PreuveRuntime;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Answers a question set, in process over the corpus index (with the configured LLM, if any) or through a running
 * Preuve ({@code --server URL}), and reports citation, hallucination (before and after the verification gate), key-fact
 * and abstention figures; exits 1 below the thresholds.
 */
@Command(name = "questions", mixinStandardHelpOptions = true,
        description = "Evaluate answers on a questions JSONL file (eval/datasets/README.md), over the corpus index "
                + "(with the configured LLM, if any) or a running Preuve (--server URL); exits 1 when a threshold is "
                + "breached.")
public class EvalQuestionsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "Questions JSONL, e.g. eval/datasets/fr-demo.jsonl.")
    Path file;

    @Option(names = "--server", paramLabel = "URL", description = "Ask a running Preuve (POST URL/api/ask) instead of "
            + "answering in process, e.g. http://localhost:7070.")
    URI server;

    @Option(names = "--split", paramLabel = "dev|test", description = "Only the questions of this split (a file "
            + "whose questions carry \"split\", e.g. eval/datasets/xl-demo.jsonl); default: every question.")
    String split;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (plots, trend from the history).")
    Path html;

    @Option(names = "--answers", paramLabel = "FILE", description = "Also write every answer, as the API returns it, "
            + "one JSON object per line with the question's id, to read what was delivered.")
    Path answers;

    @Mixin
    QualityOptions quality = new QualityOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = common.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AnswerEvaluation.Result r = evaluate(config, err);
        out.println(table(r));
        QualityGate gate = quality.gate(r.scores(), out);
        if (json != null) {
            Yaml.writeJson(json, r);
            out.println("wrote " + json);
        }
        Path h = quality.historyFile(config);
        History.append(h, History.of(r, Instant.now()));
        if (html != null) {
            new HtmlReport("Preuve evaluation: " + r.dataset(), EvalCommand.commandLine(spec), Instant.now().toString())
                    .add(r).baseline(quality.regressions()).breaches(gate.breaches())
                    .history(History.read(h)).write(html);
            out.println("wrote " + html);
        }
        out.flush();
        EvalCommand.printBreaches(gate, err, "preuve eval questions: ");
        return gate.exitCode();
    }

    /**
     * Asks every question of {@link #file}, in process over the corpus index (read-only) or through {@link #server},
     * and scores the answers. Support is verbatim containment, else a judge other than the gate's ({@link #check}),
     * decided here, independently of the answerer's verdicts.
     */
    AnswerEvaluation.Result evaluate(PreuveConfig config, PrintWriter err) {
        QuestionSet all = QuestionSet.load(CommonOptions.resolve(file));
        QuestionSet set = split == null ? all : all.only(Question.Split.parse(split.toLowerCase(Locale.ROOT)));
        java.util.function.Consumer<String> progress = line -> {
            err.println("preuve eval " + line);
            err.flush();
        };
        try (AnswerLog log = AnswerLog.open(answers)) {
            if (server != null) {
                try (OnnxBatchEmbedder embedder = Embedders.forQueries()) {
                    RemoteAnswers remote = new RemoteAnswers(server,
                            java.time.Duration.ofSeconds(Defaults.EVAL_SERVER_TIMEOUT_SECONDS));
                    return AnswerEvaluation.run(set, q -> log.write(q.id(), remote.apply(q)),
                            check(embedder, config.llm().judge()), progress);
                }
            }
            try (PreuveRuntime runtime = PreuveRuntime.readOnly(config, CommonOptions.corpus(config))) {
                return AnswerEvaluation.runAsked(set, q -> {
                    fr.preuve.core.answer.Answered a = runtime.answers().answer(q.question(), Filters.NONE,
                            fr.preuve.core.answer.AnswerListener.NONE);
                    List<fr.preuve.core.doc.Passage> hits = answers == null ? List.of() : a.retrieved().stream()
                            .map(id -> runtime.index().passage(id)).flatMap(java.util.Optional::stream).toList();
                    return new AnswerEvaluation.Asked(log.write(q.id(), a.answer(), hits),
                            a.retrieved().stream().map(id -> id.substring(0, id.indexOf('#'))).toList());
                }, check(runtime.queryEmbedder(), config.llm().judge()), progress);
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }


    /**
     * The grading of generated sentences: verbatim containment, else a judge that is not the gate's, so that "no
     * hallucination after the gate" is not true by construction: the trained judge (trained-v1) when the gate uses
     * the embedding judge (default), the embedding judge when the gate uses the trained one. The name says both,
     * with what the grader's verdicts are worth on human labels.
     */
    static SupportCheck check(Embedder embedder, String gateJudge) {
        DefaultSupportJudge embedding = new DefaultSupportJudge(embedder);
        boolean gateTrained = "trained".equals(gateJudge);
        SupportJudge grader = gateTrained ? embedding : TrainedSupportJudge.standard(embedding);
        SupportCheck grading = SupportCheck.verbatimElse(grader);
        String gate = gateTrained ? SupportModel.standard().version() : DefaultSupportJudge.NAME + "+checks";
        String worth = gateTrained ? DefaultSupportJudge.NAME + ": " + DefaultSupportJudge.QUALITY
                : SupportModel.standard().version() + ": " + SupportModel.standard().quality();
        return new SupportCheck() {
            @Override
            public boolean supports(String sentence, List<String> passages) {
                return grading.supports(sentence, passages);
            }

            @Override
            public String name() {
                return grading.name() + " (the gate's judge is " + gate + "; grader " + worth + ")";
            }
        };
    }

    static String table(AnswerEvaluation.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d questions, mode %s %s, model %s, corpus %s, support: %s%n%n",
                r.dataset(), r.questions(), r.mode(), r.answersByMode(), r.modelLabel(), r.corpusVersion(),
                r.supportCheck()));
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
