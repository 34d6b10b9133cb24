package fr.preuve.app.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.answer.AnswerServices;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.judge.CheckedSupportJudge;
import fr.preuve.core.verify.judge.TrainedSupportJudge;
import fr.preuve.core.verify.NliSupportJudge;
import fr.preuve.eval.dataset.SupportSet;
import fr.preuve.eval.regression.QualityGate;
import fr.preuve.eval.report.History;
import fr.preuve.eval.report.HtmlReport;
import fr.preuve.eval.support.SupportEvaluation;
import fr.preuve.eval.support.SupportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preuve eval support <file.jsonl>}: runs a support judge on human support judgements and reports precision,
 * recall, F1 and accuracy for the {@code supported} class, on the full set and on its calibration and held-out halves;
 * appends the run to the history and exits 1 below the thresholds or off the pinned scores.
 */
@Command(name = "support", mixinStandardHelpOptions = true,
        description = "Evaluate a support judge on a support-judgements JSONL file (eval/datasets/README.md): "
                + "precision, recall, F1 and accuracy for the 'supported' class, with n and 95%% intervals; exits 1 "
                + "when a threshold or a pinned score is breached.")
public class EvalSupportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "Support judgements JSONL, e.g. eval/datasets/support/medhallu-dev.jsonl.")
    Path file;

    @Option(names = "--judge", paramLabel = "NAME", defaultValue = "default",
            description = "default (the answer gate's: deterministic checks, then default-v1, embeddings + lexical "
                    + "overlap), trained (trained-v1: the checks, then a logistic model over claim/evidence "
                    + "features), embedding (default-v1 alone), llm (the configured endpoint, one call per claim) or nli "
                    + "(needs --model). Default: ${DEFAULT-VALUE}.")
    String judge;

    @Option(names = "--model", paramLabel = "DIR", description = "For --judge nli: directory with model.onnx and tokenizer.json.")
    Path model;

    @Option(names = "--rows", paramLabel = "N", description = "Judge only the first N judgements (pinned scores then do not apply).")
    Integer rows;

    @Option(names = "--calibrate", description = "Also choose a threshold on the score on the calibration half and "
            + "report it on the held-out half and the full set.")
    boolean calibrate;

    @Option(names = "--min-precision", paramLabel = "P", defaultValue = "0.8",
            description = "Precision target of --calibrate on the calibration half. Default: ${DEFAULT-VALUE}.")
    double minPrecision;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result (with every row) as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report (the judgements "
            + "the judge got wrong, plots, trend from the history).")
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
        SupportEvaluation.Result r = evaluate(config, err);
        if (calibrate) {
            r = SupportEvaluation.calibrate(r, minPrecision);
        }
        out.print(SupportReport.table(r));
        QualityGate gate = quality.gate(r.scores(), out);
        out.flush();
        if (json != null) {
            Yaml.writeJson(json, r);
            err.println("preuve eval support: wrote " + json);
        }
        Path h = quality.historyFile(config);
        History.append(h, History.of(r, Instant.now()));
        if (html != null) {
            String command = EvalCommand.commandLine(spec);
            String now = Instant.now().toString();
            if (calibrate) {
                SupportReport.writeHtml(html, r, command, now);
            } else {
                new HtmlReport("Preuve support judge: " + r.dataset() + " / " + r.judge(), command, now).add(r)
                        .baseline(quality.regressions()).breaches(gate.breaches())
                        .history(History.read(h)).write(html);
            }
            err.println("preuve eval support: wrote " + html);
        }
        EvalCommand.printBreaches(gate, err, "preuve eval support: ");
        return gate.exitCode();
    }

    /** Loads the set (or its first {@code --rows}) and runs the chosen judge on it, with progress on {@code err}. */
    SupportEvaluation.Result evaluate(PreuveConfig config, PrintWriter err) {
        SupportSet set = SupportSet.load(CommonOptions.resolve(file));
        if (rows != null) {
            set = set.first(rows);
        }
        return switch (judge) {
            case "default" -> {
                try (OnnxBatchEmbedder embedder = Embedders.forQueries()) {
                    yield run(set, new CheckedSupportJudge(new DefaultSupportJudge(embedder), DrugLexicon.standard()),
                            err);
                }
            }
            case "trained" -> {
                try (OnnxBatchEmbedder embedder = Embedders.forQueries()) {
                    yield run(set, TrainedSupportJudge.standard(new DefaultSupportJudge(embedder)), err);
                }
            }
            case "embedding" -> {
                try (OnnxBatchEmbedder embedder = Embedders.forQueries()) {
                    yield run(set, new DefaultSupportJudge(embedder), err);
                }
            }
            case "llm" -> {
                if (!config.llm().enabled()) {
                    throw new IllegalArgumentException("--judge llm needs an llm section in the configuration "
                            + "(--config FILE or $PREUVE_CONFIG): the endpoint that judges each claim");
                }
                yield run(set, AnswerServices.llmJudge(AnswerServices.gateway(config.llm())), err);
            }
            case "nli" -> {
                if (model == null) {
                    throw new IllegalArgumentException("--judge nli needs --model DIR");
                }
                try (NliSupportJudge nli = NliSupportJudge.load(CommonOptions.resolve(model))) {
                    yield run(set, nli, err);
                }
            }
            default -> throw new IllegalArgumentException("unknown judge '" + judge + "': expected default, trained, embedding, llm or nli");
        };
    }

    private static SupportEvaluation.Result run(SupportSet set, fr.preuve.core.verify.SupportJudge j, PrintWriter err) {
        return SupportEvaluation.run(set, j, line -> {
            err.println("preuve eval " + line);
            err.flush();
        });
    }
}
