package fr.preuve.eval.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.preuve.core.verify.SupportJudge;
import fr.preuve.eval.dataset.SupportLabel;
import fr.preuve.eval.dataset.SupportSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first 8 judgements of eval/datasets/support/expertqa-medicine-dev.jsonl, judged by a stub with fixed scores so
 * that the counts can be worked out by hand.
 */
class SupportEvaluationTest {
    @TempDir
    Path tmp;

    /** Score per claim prefix; supported at 0.7 or more. */
    private static final Map<String, Double> SCORES = Map.of(
            "Health supplies", 0.9,        // row 2, supported -> TP
            "These items must", 0.6,       // row 3, supported -> FN
            "The approval process", 0.8,   // row 4, supported -> TP
            "Yes, there are", 0.85,        // row 6, not supported -> FP
            "Several studies", 0.5,        // row 7, not supported -> TN
            "However, the effect", 0.3);   // row 8, not supported -> TN
    // rows 1 and 5: not supported, no evidence -> TN without calling the judge

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("eval/datasets/support"))) {
            p = p.getParent();
        }
        return p;
    }

    private SupportSet subset() throws IOException {
        List<String> lines = Files.readAllLines(root().resolve("eval/datasets/support/expertqa-medicine-dev.jsonl"),
                StandardCharsets.UTF_8).subList(0, 8);
        Path file = tmp.resolve("expertqa-first-8.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return SupportSet.load(file);
    }

    private static final class Stub implements SupportJudge {
        final List<String> claims = new ArrayList<>();

        @Override
        public Judgement judge(String claim, List<String> evidence) {
            assertThat(evidence).isNotEmpty();
            claims.add(claim);
            double s = SCORES.entrySet().stream().filter(e -> claim.startsWith(e.getKey())).findFirst()
                    .orElseThrow(() -> new AssertionError("unexpected claim " + claim)).getValue();
            return new Judgement(s, s >= 0.7, "stub " + s);
        }

        @Override
        public String name() {
            return "stub";
        }
    }

    @Test
    void countsAndMetricsOnARealSubset() throws IOException {
        Stub stub = new Stub();
        List<String> progress = new ArrayList<>();
        SupportEvaluation.Result r = SupportEvaluation.run(subset(), stub, progress::add);
        assertThat(stub.claims).hasSize(6);
        assertThat(progress).containsExactly("support 8/8");
        assertThat(r.dataset()).isEqualTo("expertqa-first-8.jsonl");
        assertThat(r.judge()).isEqualTo("stub");
        assertThat(r.latency().n()).as("one time per judge call; rows without evidence are not judged").isEqualTo(6);
        assertThat(r.scores().groups().get("judge")).isEqualTo(r.full().metrics());
        assertThat(r.scores().n()).isEqualTo(8);
        assertThat(SupportEvaluation.run(subset().first(3), new Stub(), null).full().rows()).isEqualTo(3);

        SupportEvaluation.Slice full = r.full();
        assertThat(full.rows()).isEqualTo(8);
        assertThat(full.withoutEvidence()).isEqualTo(2);
        assertThat(full.counts()).isEqualTo(new SupportEvaluation.Counts(2, 1, 1, 4));
        assertThat(full.metrics()).containsOnlyKeys("precision", "recall", "f1", "accuracy");
        assertThat(full.metrics().get("precision").value()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(full.metrics().get("precision").n()).isEqualTo(3);
        assertThat(full.metrics().get("precision").ci95()).hasSize(2);
        assertThat(full.metrics().get("recall").value()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(full.metrics().get("recall").n()).isEqualTo(3);
        assertThat(full.metrics().get("f1").value()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(full.metrics().get("f1").n()).isEqualTo(8);
        assertThat(full.metrics().get("f1").ci95()).isNull();
        assertThat(full.metrics().get("accuracy").value()).isEqualTo(0.75);
        assertThat(full.metrics().get("accuracy").n()).isEqualTo(8);

        // items #1 and #3 (rows 1 and 5, both without evidence) calibrate; items #2 and #5 are held out
        assertThat(r.calibrationHalf().rows()).isEqualTo(2);
        assertThat(r.calibrationHalf().counts()).isEqualTo(new SupportEvaluation.Counts(0, 0, 0, 2));
        assertThat(r.calibrationHalf().metrics()).containsOnlyKeys("f1", "accuracy");
        assertThat(r.heldOut().counts()).isEqualTo(new SupportEvaluation.Counts(2, 1, 1, 2));

        SupportEvaluation.Row first = r.perRow().getFirst();
        assertThat(first.judged()).isFalse();
        assertThat(first.score()).isNull();
        assertThat(first.reason()).contains("no evidence");
        assertThat(first.label()).isEqualTo(SupportLabel.NOT_SUPPORTED);

        String table = SupportReport.table(r);
        assertThat(table).contains("2 without evidence: counted as not supported by definition")
                .contains("| full | 8 | 2 | 1 | 1 | 4 | 0.667 [").contains("| calibration half | 2 | 0 | 0 | 0 | 2 | undefined |");
        assertThat(SupportReport.html(r, "preuve eval support <x>", "today")).contains("preuve eval support &lt;x&gt;")
                .contains("expertqa-med-val-002-post_hoc_gs_gpt4-2").doesNotContain("<x>")
                // held out: supported 0.9, 0.6, 0.8 and not supported 0.85, 0.5, 0.3 -> at 0.85, 1 TP of 2 predicted
                .contains("<h2>Operating curve</h2>").contains("<tr><td>0.85</td><td>undefined</td><td>undefined</td>"
                        + "<td>0.500 [");
    }

    @Test
    void thresholdAtAPrecisionTargetOrMaxF1() throws IOException {
        SupportEvaluation.Result r = SupportEvaluation.run(subset(), new Stub(), null);
        List<SupportEvaluation.Row> heldOut = SupportEvaluation.half(r.perRow(), false);
        // scores: supported 0.9, 0.6, 0.8; not supported 0.85, 0.5, 0.3. Precision reaches 0.8 only above 0.85.
        SupportEvaluation.Choice c = SupportEvaluation.chooseThreshold(heldOut, 0.8);
        assertThat(c.reached()).isTrue();
        assertThat(c.threshold()).isCloseTo(0.855, within(1e-9));
        // 0.75 is reached between 0.5 and 0.6: the lowest grid point above 0.5
        assertThat(SupportEvaluation.chooseThreshold(heldOut, 0.75).threshold()).isCloseTo(0.505, within(1e-9));
        // a target no threshold reaches falls back to the best F1: 2/3 at any threshold up to 0.6, the lowest taken
        List<SupportEvaluation.Row> inverted = List.of(
                new SupportEvaluation.Row("a", true, SupportLabel.SUPPORTED, true, 0.6, false, ""),
                new SupportEvaluation.Row("b", true, SupportLabel.NOT_SUPPORTED, true, 0.9, true, ""));
        assertThat(SupportEvaluation.chooseThreshold(inverted, 0.8)).isEqualTo(new SupportEvaluation.Choice(0.0, false));
        assertThatThrownBy(() -> SupportEvaluation.chooseThreshold(heldOut, 1.5)).hasMessageContaining("1.5");

        SupportEvaluation.Result cal = SupportEvaluation.calibrate(r, 0.8);
        assertThat(cal.calibration().reached()).isFalse(); // the calibration half has no judged row
        assertThat(cal.calibration().full().rows()).isEqualTo(8);
    }
}
