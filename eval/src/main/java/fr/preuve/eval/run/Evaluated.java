package fr.preuve.eval.run;

import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.answers.AnswerReport;
import fr.preuve.eval.beir.BeirReport;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.Scores;
import fr.preuve.eval.report.History;
import fr.preuve.eval.report.HtmlReport;
import fr.preuve.eval.support.SupportEvaluation;
import fr.preuve.eval.support.SupportReport;
import java.time.Instant;

/** What an {@link EvalRun} gave, before it is gated: one of the three result kinds, with how each is reported. */
public sealed interface Evaluated {

    /** Retrieval figures on a BEIR dataset. */
    record Retrieval(RetrievalEvaluation.Result result) implements Evaluated {
    }

    /** Answer figures on a question set. */
    record Answers(AnswerEvaluation.Result result) implements Evaluated {
    }

    /**
     * Support-judge figures on human judgements.
     *
     * @param calibrated whether a threshold was chosen on the calibration half (its report is then the calibration's)
     */
    record Support(SupportEvaluation.Result result, boolean calibrated) implements Evaluated {
    }

    /** The result itself, as written to JSON. */
    Object result();

    /** Its scores, for the thresholds, the pinned regressions and the history. */
    default Scores scores() {
        return switch (this) {
            case Retrieval r -> r.result().scores();
            case Answers a -> a.result().scores();
            case Support s -> s.result().scores();
        };
    }

    /** The Markdown table printed on the console. */
    default String table() {
        return switch (this) {
            case Retrieval r -> BeirReport.table(r.result());
            case Answers a -> AnswerReport.table(a.result()) + "\n";
            case Support s -> SupportReport.table(s.result());
        };
    }

    /** Its history line. */
    default History.Entry entry(Instant time) {
        return switch (this) {
            case Retrieval r -> History.of(r.result(), time);
            case Answers a -> History.of(a.result(), time);
            case Support s -> History.of(s.result(), time);
        };
    }

    /** Adds its section to {@code report}. */
    default HtmlReport addTo(HtmlReport report) {
        return switch (this) {
            case Retrieval r -> report.add(r.result());
            case Answers a -> report.add(a.result());
            case Support s -> report.add(s.result());
        };
    }

    /** The title of the report of this run alone. */
    default String title() {
        return switch (this) {
            case Retrieval r -> "Preuve evaluation: " + r.result().dataset() + " / " + r.result().split();
            case Answers a -> "Preuve evaluation: " + a.result().dataset();
            case Support s -> "Preuve support judge: " + s.result().dataset() + " / " + s.result().judge();
        };
    }
}
