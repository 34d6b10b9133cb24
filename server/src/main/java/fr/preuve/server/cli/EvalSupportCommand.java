package fr.preuve.server.cli;

import fr.preuve.core.config.Yaml;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.NliSupportJudge;
import fr.preuve.eval.dataset.SupportSet;
import fr.preuve.eval.support.SupportEvaluation;
import fr.preuve.eval.support.SupportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preuve eval support <file.jsonl>}: runs a support judge on human support judgements and reports precision,
 * recall, F1 and accuracy for the {@code supported} class, on the full set and on its calibration and held-out halves.
 */
@Command(name = "support", mixinStandardHelpOptions = true,
        description = "Evaluate a support judge on a support-judgements JSONL file (eval/datasets/README.md): "
                + "precision, recall, F1 and accuracy for the 'supported' class, with n and 95%% intervals.")
public class EvalSupportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Support judgements JSONL, e.g. eval/datasets/support/medhallu-dev.jsonl.")
    Path file;

    @Option(names = "--judge", paramLabel = "NAME", defaultValue = "default",
            description = "default (embeddings + lexical overlap) or nli (needs --model). Default: ${DEFAULT-VALUE}.")
    String judge;

    @Option(names = "--model", paramLabel = "DIR", description = "For --judge nli: directory with model.onnx and tokenizer.json.")
    Path model;

    @Option(names = "--calibrate", description = "Also choose a threshold on the score on the calibration half and "
            + "report it on the held-out half and the full set.")
    boolean calibrate;

    @Option(names = "--min-precision", paramLabel = "P", defaultValue = "0.8",
            description = "Precision target of --calibrate on the calibration half. Default: ${DEFAULT-VALUE}.")
    double minPrecision;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result (with every row) as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report.")
    Path html;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SupportSet set = SupportSet.load(CommonOptions.resolve(file));
        SupportEvaluation.Result r = switch (judge) {
            case "default" -> {
                try (OnnxBatchEmbedder embedder = Embedders.forQueries()) {
                    yield run(set, new DefaultSupportJudge(embedder), err);
                }
            }
            case "nli" -> {
                if (model == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--judge nli needs --model DIR");
                }
                try (NliSupportJudge nli = NliSupportJudge.load(CommonOptions.resolve(model))) {
                    yield run(set, nli, err);
                }
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown judge '" + judge + "': expected default or nli");
        };
        if (calibrate) {
            r = SupportEvaluation.calibrate(r, minPrecision);
        }
        out.print(SupportReport.table(r));
        out.flush();
        if (json != null) {
            Yaml.writeJson(json, r);
            err.println("preuve eval support: wrote " + json);
        }
        if (html != null) {
            SupportReport.writeHtml(html, r, EvalCommand.commandLine(spec), Instant.now().toString());
            err.println("preuve eval support: wrote " + html);
        }
        err.flush();
        return 0;
    }

    private static SupportEvaluation.Result run(SupportSet set, fr.preuve.core.verify.SupportJudge j, PrintWriter err) {
        return SupportEvaluation.run(set, j, line -> {
            err.println("preuve eval " + line);
            err.flush();
        });
    }
}
