package fr.preuve.app.cli;

import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.search.Filters;
import fr.preuve.eval.abstention.AbstentionFit;
import fr.preuve.app.runtime.PreuveRuntime;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * Fits the calibrated abstention model on the development questions of one or more question files, over the corpus
 * index, and writes the versioned resource the answers read ({@code core/.../answer/abstention-v1.json}).
 */
@Command(name = "fit-abstention", mixinStandardHelpOptions = true,
        description = "Fit the abstention model (logistic regression over retrieval features) on the dev split of "
                + "question files over the corpus index, choose its threshold for a target abstention rate on "
                + "unanswerable questions, print the risk-coverage curve and write the model as JSON.")
public class EvalFitAbstentionCommand extends PreuveCommand {
    @Mixin
    FitQuestions questions = new FitQuestions();

    @Option(names = "--target", defaultValue = "0.92", description = "Share of unanswerable dev questions the model "
            + "must abstain on (default ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the model "
            + "(e.g. core/src/main/resources/fr/preuve/core/answer/abstention-v1.json); printed otherwise.")
    Path output;

    @Option(names = "--features", paramLabel = "FILE", description = "Also write each question's features as TSV.")
    Path features;

    @Option(names = "--evaluate", paramLabel = "SPLIT", description = "Fit nothing: print the shipped model's "
            + "risk-coverage curve and its operating point on the questions of this split (test: held out).")
    String evaluate;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = config();
        PrintWriter out = out();
        List<AbstentionFit.Example> examples = new ArrayList<>();
        java.util.Map<String, String> missingOf = new java.util.HashMap<>();
        List<String> names;
        try (PreuveRuntime runtime = readOnly(config)) {
            names = questions.each(FitQuestions.split(evaluate), q -> {
                var evidence = runtime.answers().evidence(q.question(), Filters.NONE);
                examples.add(new AbstentionFit.Example(q.id(), !q.unanswerable(), evidence.features()));
                missingOf.put(q.id(), evidence.missing().orElse(""));
                return true;
            });
        }
        if (evaluate != null) {
            fr.preuve.core.answer.AbstentionModel shipped = fr.preuve.core.answer.AbstentionModel.standard();
            out.println(String.join(", ", names) + ", split " + evaluate + ": shipped model " + shipped.version()
                    + ", threshold " + shipped.threshold() + ", similarity floor " + shipped.minSimilarity());
            out.println(AbstentionFit.table(AbstentionFit.curve(shipped, examples)));
            AbstentionFit.Point at = AbstentionFit.point(shipped, examples, shipped.threshold());
            out.println(String.format(java.util.Locale.ROOT, "operating point: coverage %.3f, risk %.3f, false "
                    + "abstention %.3f, abstention on unanswerable %.3f", at.coverage(), at.risk(), at.falseAbstention(),
                    at.abstentionAccuracy()));
            out.flush();
            return 0;
        }
        String fittedOn = String.join(", ", names) + ", dev split, corpus " + corpus(config).name();
        AbstentionFit.Fit fit = AbstentionFit.fit(examples, target, "abstention-v1");
        if (features != null) {
            StringBuilder tsv = new StringBuilder("id\tanswerable\tprobability\t"
                    + String.join("\t", fr.preuve.core.answer.EvidenceFeatures.NAMES) + "\tmissing_entity\n");
            for (AbstentionFit.Example e : examples) {
                tsv.append(e.id()).append('\t').append(e.answerable() ? 1 : 0).append('\t')
                        .append(String.format(java.util.Locale.ROOT, "%.4f", fit.model().probability(e.features())));
                for (double v : e.features().values()) {
                    tsv.append('\t').append(String.format(java.util.Locale.ROOT, "%.4f", v));
                }
                tsv.append('\t').append(missingOf.get(e.id())).append('\n');
            }
            Files.writeString(CommonOptions.resolve(features), tsv, StandardCharsets.UTF_8);
        }
        out.println("fitted on " + fittedOn + ": " + fit.answerable() + " answerable, " + fit.unanswerable()
                + " unanswerable");
        out.println(AbstentionFit.table(fit.curve()));
        out.println("threshold " + fit.model().threshold());
        CommonOptions.writeModel(AbstentionFit.toJson(fit, fittedOn, target), output, out);
        return 0;
    }
}
