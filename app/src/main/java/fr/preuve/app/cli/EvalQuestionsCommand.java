package fr.preuve.app.cli;

import fr.preuve.eval.dataset.Question;
import fr.preuve.eval.run.EvalRun;
import fr.preuve.eval.run.EvalRunner;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
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
public class EvalQuestionsCommand extends EvalRunCommand {

    @Parameters(paramLabel = "FILE", description = "Questions JSONL, e.g. eval/datasets/fr-demo.jsonl.")
    Path file;

    @Option(names = "--server", paramLabel = "URL", description = "Ask a running Preuve (POST URL/api/ask) instead of "
            + "answering in process, e.g. http://localhost:7070.")
    URI server;

    @Option(names = "--split", paramLabel = "dev|test", description = "Only the questions of this split (a file "
            + "whose questions carry \"split\", e.g. eval/datasets/xl-demo.jsonl); default: every question.")
    String split;

    @Option(names = "--answers", paramLabel = "FILE", description = "Also write every answer, as the API returns it, "
            + "one JSON object per line with the question's id, to read what was delivered.")
    Path answers;

    @Override
    int execute(EvalRunner runner, EvalRunner.Reports reports) {
        return runner.single(new EvalRun.Questions(file,
                split == null ? null : Question.Split.parse(split.toLowerCase(Locale.ROOT)), server, answers), reports);
    }
}
