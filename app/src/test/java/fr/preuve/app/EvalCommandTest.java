package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.llm.ScriptedLlmServer;
import fr.preuve.app.runtime.PreuveRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preuve eval questions} and {@code preuve eval suite} end to end with a generative model: the real LangChain4j
 * client calls a scripted OpenAI-compatible server, over the real index of the smoke corpus. One scripted answer holds
 * a fabricated sentence that the verification gate removes, so the hallucination rate is above zero before the gate and
 * zero after it. The same questions are then asked through a running Preuve over HTTP ({@code --server}).
 */
@Tag("slow")
class EvalCommandTest {

    static final String FABRICATED = "Eating more salt improves memory in older adults";
    /** Words of the second ExpertQA medicine judgement (supported), which the scripted judge endpoint supports. */
    static final String JUDGED_SUPPORTED = "Health supplies that require approbation include medical devices";
    static final String PERFECT_Q = "What daily salt intake helps prevent hypertension in adults?";

    @TempDir
    static Path tmp;
    static ScriptedLlmServer llm;
    static RunningServer app;
    static PreuveRuntime runtime;
    static String base;
    static Path questions;
    static Path configYaml;
    static String home;
    static String corpus;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        // question 1: one supported sentence and one fabrication citing the same real passage; question 2: two
        // supported sentences; question 3 is out of the corpus and never reaches the model
        // judge prompts (eval support --judge llm) get a verdict: supported for one known ExpertQA claim only
        llm = new ScriptedLlmServer(r -> r.prompt().contains("SUPPORTED or NOT_SUPPORTED")
                ? ScriptedLlmServer.text(r.prompt().contains(JUDGED_SUPPORTED) ? "SUPPORTED\nThe evidence states it."
                        : "NOT_SUPPORTED\nNot in the evidence.")
                : GenerativeAnswerTest.cite(r.prompt().contains(PERFECT_Q)
                ? "Keeping salt intake to less than 5 g per day helps prevent hypertension and reduces the risk of heart "
                + "disease and stroke in adults [{salt}]. Most people consume too much salt, an average of 9–12 g of salt "
                + "per day [{avg}]."
                : "Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [{salt}]. "
                + FABRICATED + " [{salt}].").apply(r));
        LlmSettings settings = new LlmSettings(LlmSettings.Provider.OPENAI, "scripted-vllm", llm.openAiBaseUrl(),
                "scripted-model", null, false, Duration.ofSeconds(10), 400, 0.0, LlmSettings.UnsupportedPolicy.REMOVE, 50,
                Duration.ofSeconds(30), LlmSettings.PatientDataPolicy.REFUSE, fr.preuve.core.verify.JudgeSpec.DEFAULT);
        corpus = ApiServerTest.smallCorpus().file().toString();
        home = tmp.resolve("home").toString();
        app = RunningServer.start(tmp.resolve("home"), ApiServerTest.smallCorpus(), settings);
        runtime = app.runtime();
        base = app.base();

        questions = tmp.resolve("salt.jsonl");
        Files.writeString(questions, String.join("\n",
                "{\"id\":\"salt-1\",\"question\":\"How much salt should adults eat per day?\",\"lang\":\"en\","
                        + "\"gold_docs\":[\"who:WHO-EM-NUT-282-E\"],\"key_facts\":[\"5 g\"],\"unanswerable\":false}",
                "{\"id\":\"salt-2\",\"question\":\"" + PERFECT_Q + "\",\"lang\":\"en\","
                        + "\"gold_docs\":[\"who:WHO-EM-NUT-282-E\"],\"key_facts\":[\"5 g\",\"9–12 g\"],\"unanswerable\":false}",
                "{\"id\":\"lice\",\"question\":\"What is the first-line treatment of head lice in children?\",\"lang\":\"en\","
                        + "\"gold_docs\":[],\"key_facts\":[],\"unanswerable\":true}") + "\n");
        configYaml = tmp.resolve("preuve.yaml");
        Files.writeString(configYaml, "llm:\n  provider: openai\n  name: scripted-vllm\n  baseUrl: " + llm.openAiBaseUrl()
                + "\n  model: scripted-model\n  hds: false\n  timeoutSeconds: 10\n  judge: default\n");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        llm.close();
    }

    static Path thresholds(String rules) throws IOException {
        Path p = Files.createTempFile(tmp, "thresholds", ".yaml");
        Files.writeString(p, "thresholds:\n" + rules);
        return p;
    }

    static JsonNode metric(JsonNode result, String key) {
        JsonNode m = result.path("metrics").path(key);
        assertThat(m.isMissingNode()).as("metric %s in %s", key, result.path("metrics")).isFalse();
        return m;
    }

    @Test
    void anLlmRunReportsHallucinationsBeforeAndAfterTheGateNamesTheModelAndFailsBelowThresholds() throws Exception {
        Path json = tmp.resolve("llm.json");
        Path th = thresholds("""
                  - {dataset: salt.jsonl, metric: hallucination_rate, max: 0.0}
                  - {dataset: salt.jsonl, metric: hallucination_rate_before_gate, max: 0.1}
                """);
        CliTest.Run r = CliTest.run("eval", "questions", questions.toString(), "--config", configYaml.toString(),
                "--home", home, "--corpus", corpus, "--json", json.toString(), "--history",
                tmp.resolve("h-llm.jsonl").toString(), "--thresholds", th.toString());

        JsonNode result = JSON.readTree(json.toFile());
        assertThat(result.path("mode").asText()).isEqualTo("generative");
        assertThat(result.path("model").path("provider").asText()).isEqualTo("openai");
        assertThat(result.path("model").path("model").asText()).isEqualTo("scripted-model");
        assertThat(result.path("model").path("endpoint").asText()).isEqualTo("scripted-vllm");
        assertThat(result.path("model").path("healthDataApproved").asBoolean(true)).isFalse();
        // graded by a judge other than the gate's, and the report says both
        assertThat(result.path("supportCheck").asText()).contains("else judge trained-v1")
                .contains("the gate's judge is default-v1+checks").contains("precision");
        // before the gate: 4 sentences written for the 2 answerable questions, the fabrication unsupported
        assertThat(metric(result, "hallucination_rate_before_gate").path("value").asDouble()).isEqualTo(0.25);
        assertThat(metric(result, "hallucination_rate_before_gate").path("n").asInt()).isEqualTo(4);
        assertThat(metric(result, "hallucination_rate_before_gate").path("ci95")).hasSize(2);
        assertThat(metric(result, "hallucination_rate_answers_before_gate").path("value").asDouble()).isEqualTo(0.5);
        assertThat(metric(result, "hallucination_rate_answers_before_gate").path("n").asInt()).isEqualTo(2);
        // after it: the 3 delivered sentences are all supported
        assertThat(metric(result, "hallucination_rate").path("value").asDouble()).isZero();
        assertThat(metric(result, "hallucination_rate").path("n").asInt()).isEqualTo(3);
        assertThat(metric(result, "hallucination_rate_answers").path("value").asDouble()).isZero();
        assertThat(metric(result, "abstention_accuracy").path("value").asDouble()).isEqualTo(1.0);
        assertThat(metric(result, "false_abstention_rate").path("value").asDouble()).isZero();
        assertThat(r.out()).contains("scripted-model", "hallucination_rate_before_gate");
        // the gate: one line for the one breached rule, exit 1
        assertThat(r.err()).contains("preuve eval questions: FAIL salt.jsonl [generative] hallucination_rate_before_gate "
                + "= 0.2500 > threshold 0.1000 (n=4)").doesNotContain("FAIL salt.jsonl [generative] hallucination_rate =");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aRunningPreuveAskedOverHttpGivesTheSameFigures() throws Exception {
        Path local = tmp.resolve("local.json");
        Path remote = tmp.resolve("remote.json");
        Path pass = thresholds("  - {dataset: salt.jsonl, metric: hallucination_rate, max: 0.0}\n");
        CliTest.Run inProcess = CliTest.run("eval", "questions", questions.toString(), "--config", configYaml.toString(),
                "--home", home, "--corpus", corpus, "--json", local.toString(), "--history",
                tmp.resolve("h-local.jsonl").toString(), "--thresholds", pass.toString());
        int before = llm.requests().size();
        Path answers = tmp.resolve("remote-answers.jsonl");
        CliTest.Run overHttp = CliTest.run("eval", "questions", questions.toString(), "--server", base, "--home",
                tmp.resolve("client-home").toString(), "--json", remote.toString(), "--history",
                tmp.resolve("h-remote.jsonl").toString(), "--thresholds", pass.toString(), "--answers", answers.toString());

        assertThat(inProcess.exit()).as(inProcess.err()).isZero();
        assertThat(overHttp.exit()).as(overHttp.err()).isZero();
        assertThat(llm.requests().size() - before).as("the server asked the model for both answerable questions")
                .isEqualTo(2);
        JsonNode a = JSON.readTree(local.toFile());
        JsonNode b = JSON.readTree(remote.toFile());
        // what retrieval returned is known in process only: gold_doc_top5 is not reported over HTTP
        com.fasterxml.jackson.databind.node.ObjectNode inProcessMetrics = a.path("metrics").deepCopy();
        inProcessMetrics.properties().removeIf(e -> e.getKey().startsWith("gold_doc_top5"));
        assertThat(a.path("metrics").has("gold_doc_top5")).isTrue();
        assertThat(b.path("metrics")).isEqualTo(inProcessMetrics);
        assertThat(b.path("model")).isEqualTo(a.path("model"));
        assertThat(b.path("corpusVersion")).isEqualTo(a.path("corpusVersion"));
        // every answer, as the API gave it, one line per question
        List<String> asked = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(questions)) {
            asked.add(JSON.readTree(line).path("id").asText());
        }
        List<String> logged = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(answers)) {
            JsonNode row = JSON.readTree(line);
            logged.add(row.path("id").asText());
            assertThat(row.path("answer").path("coverage").asText()).isIn("full", "partial", "none");
        }
        assertThat(logged).isEqualTo(asked);
    }

    @Test
    void anAnswersLogThatCannotBeWrittenIsAUserErrorNamingIt() {
        CliTest.Run r = CliTest.run("eval", "questions", questions.toString(), "--server", base, "--home",
                tmp.resolve("client-home").toString(), "--history", tmp.resolve("h-log.jsonl").toString(),
                "--answers", tmp.resolve("no-such-dir/answers.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot write the answers log").contains("no-such-dir");
    }

    @Test
    void aBadServerUrlOrADeadServerFailsWithAClearMessage() {
        CliTest.Run bad = CliTest.run("eval", "questions", questions.toString(), "--server", "localhost:7070", "--home",
                tmp.resolve("client-home").toString(), "--history", tmp.resolve("h-bad.jsonl").toString());
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("--server must be an http(s) URL").contains("localhost:7070");
        CliTest.Run dead = CliTest.run("eval", "questions", questions.toString(), "--server", "http://127.0.0.1:9",
                "--home", tmp.resolve("client-home").toString(), "--history", tmp.resolve("h-dead.jsonl").toString());
        assertThat(dead.exit()).isNotZero();
        assertThat(dead.err()).contains("question salt-1: POST http://127.0.0.1:9/api/ask failed");
        assertThat(tmp.resolve("h-dead.jsonl")).doesNotExist();
    }

    @Test
    void theLlmJudgeIsEvaluatedOnHumanLabelsThroughTheConfiguredEndpoint() throws Exception {
        Path support = Path.of("..", "eval", "datasets", "support", "expertqa-medicine-dev.jsonl").toAbsolutePath()
                .normalize();
        int before = llm.requests().size();
        CliTest.Run r = CliTest.run("eval", "support", support.toString(), "--rows", "12", "--judge", "llm", "--config",
                configYaml.toString(), "--home", home, "--history", tmp.resolve("h-judge.jsonl").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("judge llm-v1");
        long judged = llm.requests().subList(before, llm.requests().size()).stream()
                .filter(q -> q.prompt().contains("SUPPORTED or NOT_SUPPORTED")).count();
        assertThat(judged).as("one call per judgement with evidence").isEqualTo(10L);
        // the scripted endpoint supports only the claim it recognises: one true positive, precision 1
        assertThat(r.out()).containsPattern("\\| full \\| 12 \\| 1 \\| 0 \\|");
        CliTest.Run missing = CliTest.run("eval", "support", support.toString(), "--rows", "2", "--judge", "llm",
                "--home", home, "--history", tmp.resolve("h-judge.jsonl").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("--judge llm needs an llm section");
    }

    @Test
    void twoRunsOfTheSameSuiteGiveTheSameFigures() throws Exception {
        Path support = Path.of("..", "eval", "datasets", "support", "expertqa-medicine-dev.jsonl").toAbsolutePath().normalize();
        Path suite = tmp.resolve("subset.yaml");
        Files.writeString(suite, "description: CI subset\nruns:\n  - {questions: " + questions + "}\n  - {support: "
                + support + ", rows: 12}\n");
        Path pass = thresholds("  - {dataset: salt.jsonl, metric: hallucination_rate, max: 0.0}\n");
        Path history = tmp.resolve("h-suite.jsonl");
        JsonNode[] runs = new JsonNode[2];
        for (int i = 0; i < 2; i++) {
            Path json = tmp.resolve("suite-" + i + ".json");
            Path html = tmp.resolve("suite-" + i + ".html");
            CliTest.Run r = CliTest.run("eval", "suite", suite.toString(), "--config", configYaml.toString(), "--home",
                    home, "--corpus", corpus, "--json", json.toString(), "--html", html.toString(), "--history",
                    history.toString(), "--thresholds", pass.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).containsPattern("preuve eval questions \\[#+\\] 100%  3/3  [0-9.]+/s  ETA 0s")
                    .containsPattern("preuve eval support \\[#+\\] 100%  12/12 ");
            runs[i] = withoutTimings(JSON.readTree(json.toFile()));
            String page = Files.readString(html);
            assertThat(page).contains("Support judge: expertqa-medicine-dev.jsonl", "Answers: salt.jsonl",
                    "openai/scripted-model @ scripted-vllm (not approved for health data)");
            if (i == 1) {
                assertThat(page).contains("<svg class=\"trend\"").contains("<svg class=\"latency-trend\"");
            }
        }
        assertThat(runs[0].path("runs")).hasSize(2);
        assertThat(runs[0].path("runs").get(1).path("result").path("full").path("rows").asInt()).isEqualTo(12);
        assertThat(runs[1]).isEqualTo(runs[0]);
        assertThat(Files.readAllLines(history)).hasSize(4);
    }

    /** The result without what differs from run to run: dates, latencies, per-call times. */
    static JsonNode withoutTimings(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(List.of("time", "latency", "millis"));
            for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
                withoutTimings(it.next().getValue());
            }
        } else if (n.isArray()) {
            n.forEach(EvalCommandTest::withoutTimings);
        }
        return n;
    }
}
