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

    /** The result itself, as written to JSON. */
    Object result();

    /** Its scores, for the thresholds, the pinned regressions and the history. */
    Scores scores();

    /** The Markdown table printed on the console. */
    String table();

    /** Its history line. */
    History.Entry entry(Instant time);

    /** Adds its section to a report. */
    void addTo(HtmlReport report);

    /** The title of the report of this run alone. */
    String title();

    /** Retrieval figures on a BEIR dataset. */
    record Retrieval(RetrievalEvaluation.Result result) implements Evaluated {
        @Override
        public Scores scores() {
            return result.scores();
        }

        @Override
        public String table() {
            return BeirReport.table(result);
        }

        @Override
        public History.Entry entry(Instant time) {
            return History.of(result, time);
        }

        @Override
        public void addTo(HtmlReport report) {
            report.add(result);
        }

        @Override
        public String title() {
            return "Preuve evaluation: " + result.dataset() + " / " + result.split();
        }
    }

    /** Answer figures on a question set. */
    record Answers(AnswerEvaluation.Result result) implements Evaluated {
        @Override
        public Scores scores() {
            return result.scores();
        }

        @Override
        public String table() {
            return AnswerReport.table(result) + "\n";
        }

        @Override
        public History.Entry entry(Instant time) {
            return History.of(result, time);
        }

        @Override
        public void addTo(HtmlReport report) {
            report.add(result);
        }

        @Override
        public String title() {
            return "Preuve evaluation: " + result.dataset();
        }
    }

    /**
     * Support-judge figures on human judgements.
     *
     * @param calibrated whether a threshold was chosen on the calibration half (its report is then the calibration's)
     */
    record Support(SupportEvaluation.Result result, boolean calibrated) implements Evaluated {
        @Override
        public Scores scores() {
            return result.scores();
        }

        @Override
        public String table() {
            return SupportReport.table(result);
        }

        @Override
        public History.Entry entry(Instant time) {
            return History.of(result, time);
        }

        @Override
        public void addTo(HtmlReport report) {
            report.add(result);
        }

        @Override
        public String title() {
            return "Preuve support judge: " + result.dataset() + " / " + result.judge();
        }
    }
}
