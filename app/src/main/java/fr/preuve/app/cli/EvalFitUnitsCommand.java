package fr.preuve.app.cli;

import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.core.answer.extract.UnitModel;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.search.Filters;
import fr.preuve.eval.answers.UnitFit;
import fr.preuve.eval.dataset.Question;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * Fits the extractive answer's unit scorer on the key facts of the development questions of one or more question
 * files, over the corpus index, and writes the versioned resource the answers read
 * ({@code core/.../answer/extract/units-v1.json}).
 */
@Command(name = "fit-units", mixinStandardHelpOptions = true,
        description = "Fit the extractive answer's unit scorer (logistic regression over unit features; a unit is "
                + "positive when it holds a key fact of its question) on the dev split of question files over the "
                + "corpus index, print how often a key fact is among the best units, and write the model as JSON.")
public class EvalFitUnitsCommand extends PreuveCommand {
    @Mixin
    FitQuestions fitOn = new FitQuestions();

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the model "
            + "(e.g. core/src/main/resources/fr/preuve/core/answer/extract/units-v1.json); printed otherwise.")
    Path output;

    @Option(names = "--evaluate", paramLabel = "SPLIT", description = "Fit nothing: print the shipped model's hit "
            + "rate on the questions of this split (test: held out).")
    String evaluate;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = config();
        PrintWriter out = out();
        Question.Split wanted = FitQuestions.split(evaluate);
        List<UnitFit.Question> questions = new ArrayList<>();
        List<String> names;
        try (PreuveRuntime runtime = readOnly(config)) {
            names = fitOn.each(wanted, q -> {
                if (q.unanswerable() || q.keyFacts().isEmpty()) {
                    return false;
                }
                questions.add(UnitFit.Question.label(q.id(), q.keyFacts(),
                        runtime.answers().units(q.question(), Filters.NONE)));
                return true;
            });
        }
        String on = String.join(", ", names) + ", split " + wanted.key() + ", corpus " + corpus(config).name();
        UnitModel shipped = UnitModel.standard();
        out.printf(Locale.ROOT, "%s: %d questions with a key fact in a unit read; shipped %s puts one in its top %d "
                + "for %.3f%n", on, UnitFit.answerable(questions), shipped.version(), UnitFit.TOP,
                UnitFit.hitRate(shipped, questions));
        if (evaluate != null) {
            out.flush();
            return 0;
        }
        UnitModel fitted = UnitFit.fit(questions, "units-v1");
        out.printf(Locale.ROOT, "fitted: top %d hit rate %.3f on the fitting questions%n", UnitFit.TOP,
                UnitFit.hitRate(fitted, questions));
        CommonOptions.writeModel(UnitFit.toJson(fitted, on, questions), output, out);
        return 0;
    }
}
