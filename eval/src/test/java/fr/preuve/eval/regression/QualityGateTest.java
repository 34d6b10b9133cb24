package fr.preuve.eval.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.ConfigException;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.report.Results;
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
        r.put("bm25", Map.of("ndcg@10", mean(bm25, n), "recall@100", mean(0.9, n)));
        r.put("vector", Map.of("ndcg@10", mean(vector, n), "recall@100", mean(0.9, n)));
        r.put("hybrid", Map.of("ndcg@10", mean(hybrid, n), "recall@100", mean(0.9, n)));
        return new RetrievalEvaluation.Result("scifact", "test", n, r, Map.of(), Map.of());
    }

    /** A mean over {@code n} queries that all scored {@code v}. */
    static Estimate mean(double v, int n) {
        double[] values = new double[n];
        java.util.Arrays.fill(values, v);
        return Estimate.mean(values);
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

    // --- answer and judge metrics, from result JSON as `preuve eval questions|support --json` writes it ---

    /** A generative fr-demo run; figures chosen by hand so that each rule below passes or breaches on purpose. */
    static final String GENERATIVE_RUN = """
            {"dataset": "fr-demo.jsonl", "mode": "generative", "corpusVersion": "demo-20261122-709cb8bb",
             "supportCheck": "verbatim containment, else judge default-v1",
             "model": {"provider": "openai", "model": "scripted-model", "endpoint": "vllm", "healthDataApproved": false},
             "answersByMode": {"generative": 54, "extractive": 2}, "questions": 56,
             "metrics": {
               "hallucination_rate": {"value": 0.02, "n": 150, "ci95": [0.0068, 0.0571]},
               "hallucination_rate_before_gate": {"value": 0.2, "n": 190, "ci95": [0.1493, 0.2625]},
               "citation_precision": {"value": 0.93, "n": 160, "ci95": [0.8808, 0.9599]},
               "abstention_accuracy": {"value": 0.5, "n": 10, "ci95": [0.2366, 0.7634]},
               "false_abstention_rate": {"value": 0.3043, "n": 46, "ci95": [0.1913, 0.4480]}},
             "latency": {"n": 56, "p50": 900.0, "p95": 2000.0, "mean": 1000.0, "max": 3000.0}, "perQuestion": []}
            """;

    static final String ANSWER_THRESHOLDS = """
            thresholds:
              - {dataset: fr-demo.jsonl, mode: extractive, metric: hallucination_rate, max: 0.0}
              - {dataset: fr-demo.jsonl, metric: hallucination_rate, max: 0.05}
              - {dataset: fr-demo.jsonl, metric: citation_precision, min: 0.95}
              - {dataset: fr-demo.jsonl, metric: abstention_accuracy, min: 0.6}
              - {dataset: fr-demo.jsonl, metric: false_abstention_rate, max: 0.2}
              - {dataset: fr-demo.jsonl, metric: key_fact_recall, min: 0.5}
              - {dataset: pubmedqa-demo.jsonl, metric: hallucination_rate, max: 0.0}
            """;

    @Test
    void answerThresholdsGiveOneLinePerBreachAndSkipOtherModesAndDatasets() throws IOException {
        Path json = tmp.resolve("fr-demo-generative.json");
        Files.writeString(json, GENERATIVE_RUN);
        Path yaml = tmp.resolve("thresholds.yaml");
        Files.writeString(yaml, ANSWER_THRESHOLDS);

        QualityGate gate = QualityGate.check(Results.readAnswers(json).scores(), Thresholds.load(yaml), null);

        assertThat(gate.breaches()).containsExactly(
                "FAIL fr-demo.jsonl [generative] citation_precision = 0.9300 < threshold 0.9500 (n=160)",
                "FAIL fr-demo.jsonl [generative] abstention_accuracy = 0.5000 < threshold 0.6000 (n=10)",
                "FAIL fr-demo.jsonl [generative] false_abstention_rate = 0.3043 > threshold 0.2000 (n=46)",
                "FAIL fr-demo.jsonl [generative] key_fact_recall: no figure in this run (n=56), threshold min 0.5000");
        assertThat(gate.exitCode()).isEqualTo(QualityGate.EXIT_BREACH);
    }

    @Test
    void aGoodAnswerRunPassesTheSameThresholds() throws IOException {
        Path json = tmp.resolve("fr-demo-extractive.json");
        Files.writeString(json, GENERATIVE_RUN.replace("\"generative\", \"corpus", "\"extractive\", \"corpus")
                .replace("\"value\": 0.02,", "\"value\": 0.0,").replace("\"value\": 0.93,", "\"value\": 1.0,")
                .replace("\"value\": 0.5,", "\"value\": 0.7,").replace("\"value\": 0.3043,", "\"value\": 0.152,")
                .replace("\"metrics\": {", "\"metrics\": {\"key_fact_recall\": {\"value\": 0.667, \"n\": 39, "
                        + "\"ci95\": [0.530, 0.803]},"));
        Path yaml = tmp.resolve("thresholds.yaml");
        Files.writeString(yaml, ANSWER_THRESHOLDS);

        QualityGate gate = QualityGate.check(Results.readAnswers(json).scores(), Thresholds.load(yaml), null);

        assertThat(Results.readAnswers(json).mode()).isEqualTo("extractive");
        assertThat(gate.breaches()).isEmpty();
        assertThat(gate.exitCode()).isZero();
    }

    /** ExpertQA with judge default-v1, full set: the figures recorded in docs/eval.md. */
    static final String JUDGE_RUN = """
            {"dataset": "expertqa-medicine-dev.jsonl", "judge": "default-v1",
             "full": {"rows": 178, "withoutEvidence": 26,
                      "counts": {"truePositives": 49, "falsePositives": 8, "falseNegatives": 58, "trueNegatives": 63},
                      "metrics": {"precision": {"value": 0.8596, "n": 57, "ci95": [0.747, 0.927]},
                                  "recall": {"value": 0.4579, "n": 107, "ci95": [0.367, 0.552]},
                                  "f1": {"value": 0.5976, "n": 178},
                                  "accuracy": {"value": 0.6292, "n": 178, "ci95": [0.556, 0.697]}}},
             "perRow": []}
            """;

    @Test
    void judgeThresholdsAndPinsApplyToTheirJudgeOnly() throws IOException {
        Path json = tmp.resolve("expertqa.json");
        Files.writeString(json, JUDGE_RUN);
        Path th = tmp.resolve("thresholds.yaml");
        Files.writeString(th, """
                thresholds:
                  - {dataset: expertqa-medicine-dev.jsonl, mode: default-v1, metric: precision, min: 0.80}
                  - {dataset: expertqa-medicine-dev.jsonl, mode: default-v1, metric: recall, min: 0.50}
                  - {dataset: expertqa-medicine-dev.jsonl, mode: default-v1, metric: f1, min: 0.55}
                  - {dataset: expertqa-medicine-dev.jsonl, mode: nli-v1, metric: precision, min: 0.95}
                """);
        Path pins = tmp.resolve("regressions.yaml");
        Files.writeString(pins, """
                regressions:
                  - {dataset: expertqa-medicine-dev.jsonl, n: 178, mode: default-v1, metric: precision, expected: 0.8596, tolerance: 0.001}
                  - {dataset: expertqa-medicine-dev.jsonl, n: 178, mode: default-v1, metric: recall, expected: 0.5200, tolerance: 0.002, okish: 0.01}
                  - {dataset: expertqa-medicine-dev.jsonl, n: 40, mode: default-v1, metric: precision, expected: 0.5, tolerance: 0.001}
                """);

        QualityGate gate = QualityGate.check(Results.readSupport(json).scores(), Thresholds.load(th),
                Regressions.load(pins));

        assertThat(gate.rows()).extracting(Regressions.Row::status)
                .containsExactly(Regressions.Status.OK, Regressions.Status.FAIL);
        assertThat(gate.rows().get(0).line()).contains("expertqa-medicine-dev.jsonl", "judge", "precision", "OK");
        assertThat(gate.breaches()).containsExactly(
                "FAIL expertqa-medicine-dev.jsonl [default-v1] recall = 0.4579 < threshold 0.5000 (n=107)",
                "FAIL expertqa-medicine-dev.jsonl judge recall = 0.4579, pinned 0.5200 ± 0.0100 (regression)");
    }

    @Test
    void rulesNameTheirMetricAndRetrieverConsistently() {
        assertThatThrownBy(() -> new Thresholds.Threshold("fr-demo.jsonl", null, null, null, "hybrid",
                "hallucination_rate", null, 0.0)).hasMessageContaining("not a retrieval metric")
                .hasMessageContaining("hybrid");
        assertThatThrownBy(() -> new Thresholds.Threshold("scifact", "test", null, null, null, "ndcg@10", 0.7, null))
                .hasMessageContaining("needs a retriever");
        assertThatThrownBy(() -> new Thresholds.Threshold("fr-demo.jsonl", null, null, null, null,
                "hallucination-rate", null, 0.0)).hasMessageContaining("unknown metric 'hallucination-rate'")
                .hasMessageContaining("hallucination_rate");
        assertThatThrownBy(() -> new Thresholds.Threshold("fr-demo.jsonl", null, null, null, null,
                "hallucination_rate", null, null)).hasMessageContaining("needs min or max");
    }
}
