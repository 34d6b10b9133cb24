package fr.preuve.eval.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.ConfigException;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityGateTest {

    @TempDir
    Path tmp;

    static RetrievalEvaluation.Result result(int n, double bm25, double vector, double hybrid) {
        Map<String, Map<String, Estimate>> r = new LinkedHashMap<>();
        r.put("bm25", Map.of("ndcg@10", Estimate.mean(new double[] {bm25}), "recall@100", Estimate.mean(new double[] {0.9})));
        r.put("vector", Map.of("ndcg@10", Estimate.mean(new double[] {vector}), "recall@100", Estimate.mean(new double[] {0.9})));
        r.put("hybrid", Map.of("ndcg@10", Estimate.mean(new double[] {hybrid}), "recall@100", Estimate.mean(new double[] {0.9})));
        return new RetrievalEvaluation.Result("scifact", "test", n, r, Map.of(), Map.of());
    }

    static Regressions.Pin pin(String retriever, double expected) {
        return new Regressions.Pin("scifact", "test", 300, retriever, "ndcg@10", expected, 0.002, 0.01);
    }

    @Test
    void pinsGiveOkOkishAndFail() {
        Regressions.Pin p = pin("bm25", 0.6500);
        assertThat(p.status(0.6500)).isEqualTo(Regressions.Status.OK);
        assertThat(p.status(0.6520)).isEqualTo(Regressions.Status.OK);
        assertThat(p.status(0.6450)).isEqualTo(Regressions.Status.OKISH);
        assertThat(p.status(0.6600)).isEqualTo(Regressions.Status.OKISH);
        assertThat(p.status(0.6390)).isEqualTo(Regressions.Status.FAIL);
        assertThat(p.status(0.6700)).isEqualTo(Regressions.Status.FAIL);
        // okish defaults to five times the tolerance
        assertThat(new Regressions.Pin("d", "test", 1, "bm25", "mrr@10", 0.5, 0.01, null).okish()).isEqualTo(0.05);
        assertThatThrownBy(() -> new Regressions.Pin("d", "test", 1, "bm25", "mrr@10", 0.5, 0.02, 0.01))
                .hasMessageContaining("okish");
        assertThatThrownBy(() -> new Regressions.Pin("d", "test", 1, "bm42", "mrr@10", 0.5, 0.01, null))
                .hasMessageContaining("unknown retriever 'bm42'");
        assertThatThrownBy(() -> new Regressions.Pin("d", "test", 1, "bm25", "ndcg@5", 0.5, 0.01, null))
                .hasMessageContaining("unknown metric 'ndcg@5'");
    }

    @Test
    void gateCollectsOneLinePerBreachAndExitsNonZero() {
        Regressions regs = new Regressions(List.of(pin("bm25", 0.65), pin("vector", 0.70), pin("hybrid", 0.74)));
        Thresholds th = new Thresholds(List.of(
                new Thresholds.Threshold("scifact", "test", "hybrid", "ndcg@10", 0.70),
                new Thresholds.Threshold("scifact", "test", "hybrid", "recall@100", 0.95),
                new Thresholds.Threshold("nfcorpus", "test", "hybrid", "ndcg@10", 0.99)));

        QualityGate ok = QualityGate.check(result(300, 0.6505, 0.7, 0.74), th.thresholds().isEmpty() ? null
                : new Thresholds(th.thresholds().subList(0, 1)), regs);
        assertThat(ok.rows()).extracting(Regressions.Row::status)
                .containsExactly(Regressions.Status.OK, Regressions.Status.OK, Regressions.Status.OK);
        assertThat(ok.breaches()).isEmpty();
        assertThat(ok.exitCode()).isZero();

        QualityGate bad = QualityGate.check(result(300, 0.645, 0.60, 0.69), th, regs);
        assertThat(bad.rows()).extracting(Regressions.Row::status)
                .containsExactly(Regressions.Status.OKISH, Regressions.Status.FAIL, Regressions.Status.FAIL);
        assertThat(bad.breaches()).containsExactly(
                "FAIL scifact/test hybrid ndcg@10 = 0.6900 < threshold 0.7000 (n=300)",
                "FAIL scifact/test hybrid recall@100 = 0.9000 < threshold 0.9500 (n=300)",
                "FAIL scifact/test vector ndcg@10 = 0.6000, pinned 0.7000 ± 0.0100 (regression)",
                "FAIL scifact/test hybrid ndcg@10 = 0.6900, pinned 0.7400 ± 0.0100 (regression)");
        assertThat(bad.exitCode()).isEqualTo(QualityGate.EXIT_BREACH);
        assertThat(bad.rows().get(0).line()).contains("scifact", "bm25", "ndcg@10", "expected 0.6500", "got 0.6450", "OKISH");
    }

    @Test
    void pinsDoNotApplyToPartialRuns() {
        Regressions regs = new Regressions(List.of(pin("bm25", 0.65)));
        QualityGate partial = QualityGate.check(result(30, 0.2, 0.2, 0.2), null, regs);
        assertThat(partial.rows()).isEmpty();
        assertThat(partial.exitCode()).isZero();
    }

    @Test
    void yamlFilesAreReadStrictly() throws IOException {
        Path t = tmp.resolve("thresholds.yaml");
        Files.writeString(t, "thresholds:\n  - {dataset: scifact, split: test, retriever: hybrid, metric: ndcg@10, min: 0.7}\n");
        assertThat(Thresholds.load(t).thresholds()).hasSize(1);
        Files.writeString(t, "thresholds:\n  - {dataset: scifact, split: test, retriever: hybrid, metric: ndcg@10, min: 0.7, minimum: 0.7}\n");
        assertThatThrownBy(() -> Thresholds.load(t)).isInstanceOf(ConfigException.class).hasMessageContaining("minimum");
        Path r = tmp.resolve("regressions.yaml");
        Files.writeString(r, "regressions:\n  - {dataset: scifact, split: test, n: 300, retriever: vectors, metric: ndcg@10, expected: 0.7, tolerance: 0.002}\n");
        assertThatThrownBy(() -> Regressions.load(r)).isInstanceOf(ConfigException.class).hasMessageContaining("vectors");
    }

    @Test
    void shippedFilesParse() {
        assertThat(Thresholds.load(Path.of("thresholds.yaml")).thresholds()).isNotEmpty();
        if (Files.exists(Path.of("regressions.yaml"))) {
            assertThat(Regressions.load(Path.of("regressions.yaml")).regressions()).isNotEmpty();
        }
    }
}
