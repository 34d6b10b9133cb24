package fr.preuve.app.cli;

import fr.preuve.eval.dataset.Question;
import fr.preuve.eval.dataset.QuestionSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import picocli.CommandLine.Parameters;

/** The question files a model is fitted on, and the reading of one split of them, for the {@code eval fit-*} commands. */
final class FitQuestions {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Questions JSONL files; questions with a split "
            + "other than dev are left out (files without splits count whole).")
    List<Path> files;

    /** The split a command reads: dev to fit, or the one {@code --evaluate} names. */
    static Question.Split split(String evaluate) {
        return evaluate == null ? Question.Split.DEV : Question.Split.parse(evaluate.toLowerCase(Locale.ROOT));
    }

    /**
     * Offers {@code take} each question of split {@code wanted} (every question of a file without splits), file by
     * file; returns each file's name with how many questions {@code take} kept ({@code xl-demo.jsonl (120)}).
     */
    List<String> each(Question.Split wanted, Predicate<Question> take) {
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            QuestionSet set = QuestionSet.load(CommonOptions.resolve(f));
            int kept = 0;
            for (Question q : set.questions()) {
                if ((q.split() == null || q.split() == wanted) && take.test(q)) {
                    kept++;
                }
            }
            names.add(f.getFileName() + " (" + kept + ")");
        }
        return names;
    }
}
