package fr.preuve.app.cli;

import fr.preuve.core.verify.JudgeSpec;
import fr.preuve.eval.run.EvalRun;
import fr.preuve.eval.run.EvalRunner;
import java.nio.file.Path;
import picocli.CommandLine.Command;
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
public class EvalSupportCommand extends EvalRunCommand {

    @Parameters(paramLabel = "FILE", description = "Support judgements JSONL, e.g. eval/datasets/support/medhallu-dev.jsonl.")
    Path file;

    @Option(names = "--judge", paramLabel = "NAME", defaultValue = "default",
            description = "default (the answer gate's: deterministic checks, then default-v1, embeddings + lexical "
                    + "overlap), trained (trained-v1: the checks, then a logistic model over claim/evidence "
                    + "features), embedding (default-v1 alone), llm (the configured endpoint, one call per claim) or nli "
                    + "(needs --model; also written nli:DIR). Default: ${DEFAULT-VALUE}.")
    String judge;

    @Option(names = "--model", paramLabel = "DIR", description = "For --judge nli: directory with model.onnx and tokenizer.json.")
    Path model;

    @Option(names = "--rows", paramLabel = "N", description = "Judge only the first N judgements (pinned scores then do not apply).")
    Integer rows;

    @Option(names = "--calibrate", description = "Also choose a threshold on the score on the calibration half and "
            + "report it on the held-out half and the full set (the HTML report is then the calibration's).")
    boolean calibrate;

    @Option(names = "--min-precision", paramLabel = "P", defaultValue = "" + EvalRun.Support.MIN_PRECISION,
            description = "Precision target of --calibrate on the calibration half. Default: ${DEFAULT-VALUE}.")
    double minPrecision;

    @Override
    int execute(EvalRunner runner, EvalRunner.Reports reports) {
        JudgeSpec spec;
        if ("nli".equals(judge)) {
            if (model == null) {
                throw new IllegalArgumentException("--judge nli needs --model DIR");
            }
            spec = new JudgeSpec.Nli(CommonOptions.resolve(model));
        } else {
            spec = JudgeSpec.parse(judge);
        }
        return runner.single(new EvalRun.Support(file, rows, spec, calibrate, minPrecision), reports);
    }
}
