package fr.preuve.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.ConfigLoader;
import fr.preuve.core.config.Environment;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.testing.TestEmbedders;
import fr.preuve.core.verify.JudgeSpec;
import fr.preuve.eval.regression.Thresholds;
import fr.preuve.eval.report.Fixtures;
import fr.preuve.indexer.pipeline.ProgressListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one pipeline on real support judgements (the first rows of the shipped ExpertQA set, judged by the real
 * embedding model): a run is printed, gated, appended to the history and reported; a suite combines its runs.
 */
class EvalRunnerTest {
    private static final Path SUPPORT = Fixtures.root().resolve("eval/datasets/support/expertqa-medicine-dev.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> progress = new ArrayList<>();
    private PreuveConfig config;

    @BeforeEach
    void config() {
        config = new ConfigLoader(Environment.of(Map.of("PREUVE_HOME", tmp.resolve("home").toString())),
                tmp.resolve("user")).load(null);
    }

    private EvalRunner runner(Thresholds thresholds) {
        Evaluator evaluator = new Evaluator(config, TestEmbedders.factory(), p -> p, () -> {
            throw new AssertionError("no questions run here");
        }, ProgressListener.NONE, progress::add);
        return new EvalRunner(evaluator, new EvalRunner.Checks(thresholds, null, tmp.resolve("history.jsonl")), CLOCK,
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Thresholds thresholds(String rules) throws Exception {
        Path f = tmp.resolve("thresholds.yaml");
        Files.writeString(f, "thresholds:\n" + rules);
        return Thresholds.load(f);
    }

    @Test
    void aRunBelowItsThresholdIsPrintedRecordedReportedAndExitsOne() throws Exception {
        Path json = tmp.resolve("run.json");
        Path html = tmp.resolve("run.html");
        EvalRun run = new EvalRun.Support(SUPPORT, 6, JudgeSpec.EMBEDDING, false, EvalRun.Support.MIN_PRECISION);
        int exit = runner(thresholds("  - {dataset: expertqa-medicine-dev.jsonl, metric: accuracy, min: 0.99}\n"))
                .single(run, new EvalRunner.Reports(json, html, "preuve eval support test"));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("| full | 6 |");
        assertThat(err.toString()).contains("preuve eval support: FAIL expertqa-medicine-dev.jsonl")
                .contains("accuracy").contains("preuve eval support: wrote " + json);
        assertThat(progress).anyMatch(l -> l.startsWith("eval support 6/6"));
        JsonNode result = JSON.readTree(json.toFile());
        assertThat(result.path("full").path("rows").asInt()).isEqualTo(6);
        assertThat(result.path("judge").asText()).isEqualTo("default-v1");
        assertThat(Files.readAllLines(tmp.resolve("history.jsonl"))).hasSize(1)
                .allMatch(l -> l.contains("\"time\":\"2026-12-03T08:00:00Z\""));
        assertThat(Files.readString(html)).contains("Preuve support judge: expertqa-medicine-dev.jsonl / default-v1")
                .contains("preuve eval support test");
    }

    @Test
    void aSuiteRunsEachRunInOrderAndCombinesThemInOneJson() throws Exception {
        Path file = tmp.resolve("two.yaml");
        Files.writeString(file, "description: two slices\nruns:\n  - {support: " + SUPPORT + ", rows: 3, judge: embedding}\n"
                + "  - {support: " + SUPPORT + ", rows: 2}\n");
        Path json = tmp.resolve("suite.json");
        int exit = runner(null).suite("two", file, Suite.load(file), new EvalRunner.Reports(json, null, "preuve eval suite two"));

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("preuve eval suite two: run 1/2: support " + SUPPORT + " --judge embedding --rows 3")
                .contains("run 2/2: support " + SUPPORT + " --judge default --rows 2");
        assertThat(out.toString()).contains("suite two: 2 runs, 0 breaches");
        JsonNode all = JSON.readTree(json.toFile());
        assertThat(all.path("suite").asText()).isEqualTo("two");
        assertThat(all.path("runs")).hasSize(2);
        assertThat(all.path("runs").get(0).path("result").path("full").path("rows").asInt()).isEqualTo(3);
        assertThat(all.path("runs").get(1).path("result").path("judge").asText()).isEqualTo("default-v1+checks");
        assertThat(all.path("runs").get(1).path("exit").asInt()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("history.jsonl"))).hasSize(2);
    }

    @Test
    void theLlmJudgeWithoutAnEndpointIsAClearErrorAndRecordsNothing() {
        EvalRun run = new EvalRun.Support(SUPPORT, 2, JudgeSpec.LLM, false, EvalRun.Support.MIN_PRECISION);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runner(null).single(run, new EvalRunner.Reports(null, null, "")));
        assertThat(e.getMessage()).contains("--judge llm needs an llm section");
        assertThat(tmp.resolve("history.jsonl")).doesNotExist();
    }

    @Test
    void runsRejectWhatCannotBeRun() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new EvalRun.Retrieval(Path.of("scifact"), null, 0)).getMessage())
                .isEqualTo("'queries' must be at least 1, got 0");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> new EvalRun.Support(SUPPORT, null, JudgeSpec.DEFAULT, true, 1.5)).getMessage())
                .contains("1.5");
        assertThat(new EvalRun.Retrieval(Path.of("scifact"), null, null).label()).isEqualTo("beir scifact --split test");
        assertThat(JudgeSpec.parse("nli:/models/x")).isEqualTo(new JudgeSpec.Nli(Path.of("/models/x")));
        assertThat(assertThrows(IllegalArgumentException.class, () -> JudgeSpec.parse("nli")).getMessage())
                .contains("unknown judge 'nli'");
        // only the judges that embed load the embedding model
        assertThat(JudgeSpec.DEFAULT.usesEmbeddings() && JudgeSpec.TRAINED.usesEmbeddings()
                && JudgeSpec.EMBEDDING.usesEmbeddings()).isTrue();
        assertThat(JudgeSpec.LLM.usesEmbeddings()).isFalse();
        assertThat(JudgeSpec.parse("nli:/models/x").usesEmbeddings()).isFalse();
    }
}
