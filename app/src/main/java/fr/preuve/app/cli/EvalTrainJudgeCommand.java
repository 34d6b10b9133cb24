package fr.preuve.app.cli;

import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.judge.SupportFeatures;
import fr.preuve.core.verify.judge.SupportFeaturizer;
import fr.preuve.app.runtime.ConsoleSteps;
import fr.preuve.eval.dataset.SupportSet;
import fr.preuve.eval.judge.JudgeTraining;
import fr.preuve.eval.judge.Perturbations;
import fr.preuve.eval.support.SupportReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Trains the support judge's model on the calibration halves of support sets and writes the versioned resource the
 * default judge reads ({@code core/.../verify/judge/support-judge-v1.json}).
 */
@Command(name = "train-judge", mixinStandardHelpOptions = true,
        description = "Train the support judge (logistic regression over claim/evidence features, after the "
                + "deterministic checks) on the calibration halves of support-judgement files plus claims derived "
                + "from them by code, choose its threshold out of fold for a precision target, and write the model "
                + "as JSON. The held-out halves are never read.")
public class EvalTrainJudgeCommand implements Callable<Integer> {

    static final List<Path> DEFAULT_FILES = List.of(Path.of("eval/datasets/support/medhallu-dev.jsonl"),
            Path.of("eval/datasets/support/expertqa-medicine-dev.jsonl"));

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Support judgements JSONL files (default: "
            + "the MedHallu and ExpertQA dev files of eval/datasets/support).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--min-precision", defaultValue = "0.85", description = "Precision the threshold must reach on "
            + "the out-of-fold scores of the human judgements (default ${DEFAULT-VALUE}).")
    double minPrecision;

    @Option(names = "--seed", defaultValue = "20261202", description = "Seed of the fold assignment "
            + "(default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the model (e.g. "
            + "core/src/main/resources/fr/preuve/core/verify/judge/support-judge-v1.json); printed otherwise.")
    Path output;

    @Option(names = "--features", paramLabel = "FILE", description = "Also write every training example's "
            + "features as TSV.")
    Path features;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> paths = files.isEmpty() ? DEFAULT_FILES : files;
        List<SupportSet> sets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : paths) {
            SupportSet s = SupportSet.load(CommonOptions.resolve(p));
            sets.add(s);
            names.add(p.getFileName() + " (" + JudgeTraining.calibrationHalf(s).size() + " of " + s.size() + ")");
        }
        List<JudgeTraining.Example> examples;
        try (OnnxBatchEmbedder embedder = Embedders.forQueries()) {
            SupportFeaturizer featurizer = new SupportFeaturizer(new DefaultSupportJudge(embedder),
                    DrugLexicon.standard());
            examples = JudgeTraining.examples(sets, featurizer, new Perturbations(DrugLexicon.standard()),
                    ConsoleSteps.on(err).prefixed("eval train-judge: "));
        }
        JudgeTraining.Fit fit = JudgeTraining.fit(examples, minPrecision, seed, "trained-v1");
        String trainedOn = String.join(", ", names) + ", calibration halves";
        out.println("trained on " + trainedOn + ": " + examples.size() + " examples");
        out.println("out of fold, human judgements, threshold " + String.format(Locale.ROOT, "%.3f",
                fit.choice().threshold()) + (fit.choice().reached() ? "" : " (precision target not reached: best F1)"));
        out.print(SupportReport.sliceTable("out of fold", fit.outOfFold()));
        for (int i = 0; i < SupportFeatures.NAMES.size(); i++) {
            out.println(String.format(Locale.ROOT, "  %-20s weight %+.3f", SupportFeatures.NAMES.get(i),
                    fit.model().weights()[i]));
        }
        if (features != null) {
            StringBuilder tsv = new StringBuilder("id\tdataset\torigin\tkind\tsupported\t"
                    + String.join("\t", SupportFeatures.NAMES) + "\n");
            for (JudgeTraining.Example e : examples) {
                tsv.append(e.id()).append('\t').append(e.dataset()).append('\t').append(e.origin()).append('\t')
                        .append(e.kind()).append('\t').append(e.supported() ? 1 : 0);
                for (double v : e.features()) {
                    tsv.append('\t').append(v);
                }
                tsv.append('\n');
            }
            Files.writeString(CommonOptions.resolve(features), tsv, StandardCharsets.UTF_8);
        }
        CommonOptions.writeModel(JudgeTraining.toJson(fit, trainedOn, minPrecision, seed), output, out);
        return 0;
    }
}
