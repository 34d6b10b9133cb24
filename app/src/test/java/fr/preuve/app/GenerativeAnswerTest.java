package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerListener;
import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.AnswerSentence;
import fr.preuve.core.answer.AnswerService;
import fr.preuve.core.answer.AnswerServices;
import fr.preuve.core.answer.CitedPassage;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.config.LlmSettings.Provider;
import fr.preuve.core.crosslingual.QuestionRenderer;
import fr.preuve.core.crosslingual.Rendering;
import fr.preuve.core.llm.ScriptedLlmServer;
import fr.preuve.core.llm.ScriptedLlmServer.Reply;
import fr.preuve.core.search.Filters;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.app.runtime.PreuveRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generative answers end to end: the real LangChain4j clients call a scripted OpenAI-compatible (and Ollama) server on
 * loopback, over the real index of the smoke corpus (WHO healthy-diet leaflet, HAS vaccination recommendations); each
 * scripted reply exercises one verification rule or one fault, and the verdicts and the delivered answer are asserted.
 */
class GenerativeAnswerTest {

    static final String SALT_Q = "How much salt should adults eat per day?";
    /** Real sentences of the WHO healthy-diet leaflet (WHO-EM/NUT/282/E), passages #9 and #16. */
    static final String SALT_LIMIT = "Keeping salt intake to less than 5 g per day";
    static final String SALT_AVERAGE = "an average of 9–12 g of salt per day";

    @TempDir
    static Path tmp;
    static ScriptedLlmServer llm;
    static RunningServer app;
    static PreuveRuntime runtime;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        llm = new ScriptedLlmServer(r -> ScriptedLlmServer.text("unused"));
        app = RunningServer.start(tmp.resolve("home"), ApiServerTest.smallCorpus(),
                settings(Provider.OPENAI, Duration.ofSeconds(5), 50));
        runtime = app.runtime();
        base = app.base();
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        llm.close();
    }

    static LlmSettings settings(Provider provider, Duration timeout, int circuitFailures) {
        return settings(provider, timeout, circuitFailures, LlmSettings.PatientDataPolicy.REFUSE, "default");
    }

    static LlmSettings settings(Provider provider, Duration timeout, int circuitFailures, LlmSettings.PatientDataPolicy policy) {
        return settings(provider, timeout, circuitFailures, policy, "default");
    }

    static LlmSettings settings(Provider provider, Duration timeout, int circuitFailures,
                                LlmSettings.PatientDataPolicy policy, String judge) {
        return new LlmSettings(provider, "scripted-vllm", provider == Provider.OLLAMA ? llm.ollamaBaseUrl() : llm.openAiBaseUrl(),
                "scripted-model", null, false, timeout, 400, 0.0, LlmSettings.UnsupportedPolicy.REMOVE, circuitFailures,
                Duration.ofSeconds(30), policy, fr.preuve.core.verify.JudgeSpec.parse(judge));
    }

    @Test
    void theLlmJudgeCanBeChosenAndItsVerdictIsApplied() {
        AnswerService judged = AnswerServices.create(runtime.searcher(), runtime.queryEmbedder(),
                new DefaultSupportJudge(runtime.queryEmbedder()), AnswerSettings.defaults(),
                settings(Provider.OPENAI, Duration.ofSeconds(5), 3, LlmSettings.PatientDataPolicy.REFUSE, "llm"),
                fr.preuve.core.crosslingual.QuestionRenderer.NONE, runtime::corpusStamp);
        Function<ScriptedLlmServer.Request, Reply> answer = cite("Keeping salt intake to less than 5 g per day helps "
                + "prevent hypertension in adults [{salt}]. Most people consume an average of 9–12 g of salt per day [{avg}].");
        llm.script(r -> !r.prompt().contains("Claim:") ? answer.apply(r)
                : ScriptedLlmServer.text(r.prompt().contains("9–12 g") ? "NOT_SUPPORTED the passage gives a range for "
                        + "current intake, not a recommendation" : "SUPPORTED the passage states the limit"));
        Answer a = judged.ask(SALT_Q, Filters.NONE);

        assertThat(sentence(a, "less than 5 g").verdict()).isEqualTo(Verdict.SUPPORTED);
        AnswerSentence rejected = sentence(a, "9–12 g");
        assertThat(rejected.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(rejected.reason()).contains("the judge").contains("range for current intake");
    }

    @Test
    void theRuntimeRendersQuestionsWithTheConfiguredModel() {
        llm.script(r -> ScriptedLlmServer.text("Translation: \"How much salt should an adult eat per day?\""));
        QuestionRenderer renderer = runtime.renderer();

        assertThat(renderer.render("Combien de sel un adulte doit-il consommer par jour ?", "fr", "en"))
                .isEqualTo(new Rendering.Rendered("How much salt should an adult eat per day?", "scripted-model"));
        assertThat(runtime.renderer()).isSameAs(renderer);
    }

    static final String WITH_PATIENT = "Mrs Martin-Durand, born on 12/03/1958: how much salt should adults eat per day?";

    @Test
    void identifyingDataIsNeverSentToAnEndpointNotApprovedForHealthData() {
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [{salt}]."));
        int before = llm.requests().size();
        Answer a = ask(WITH_PATIENT);

        assertThat(llm.requests()).hasSize(before);
        assertThat(a.mode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(a.answer()).isNotBlank();
        assertThat(a.warnings()).singleElement().asString().contains("not approved for health data")
                .contains("name").contains("birthdate").doesNotContain("Martin").doesNotContain("1958");
    }

    @Test
    void withTheRedactPolicyOnlyPlaceholdersLeave() {
        AnswerService redacting = AnswerServices.create(runtime.searcher(), runtime.queryEmbedder(),
                new DefaultSupportJudge(runtime.queryEmbedder()), AnswerSettings.defaults(),
                settings(Provider.OPENAI, Duration.ofSeconds(5), 3, LlmSettings.PatientDataPolicy.REDACT), fr.preuve.core.crosslingual.QuestionRenderer.NONE, runtime::corpusStamp);
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [{salt}]."));
        int before = llm.requests().size();
        Answer a = redacting.ask(WITH_PATIENT, Filters.NONE);

        String sent = llm.requests().get(before).prompt();
        assertThat(sent).doesNotContain("Martin").doesNotContain("12/03/1958").contains("[NOM]").contains("[DATE_NAISSANCE]");
        assertThat(a.mode()).isEqualTo(AnswerMode.GENERATIVE);
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("placeholders"));
    }

    /** A script that answers with {@code reply}, where {@code {salt}} and {@code {avg}} become the numbers of the passages holding those real sentences. */
    @Test
    void theModelsRenderingOfAFrenchQuestionJoinsRetrievalAndItsFailureLeavesTheLexicalBridge() {
        String question = "Combien de sel par jour pour prévenir l'hypertension artérielle chez l'adulte ?";
        String rendering = "How much salt per day to prevent high blood pressure in adults?";
        Function<ScriptedLlmServer.Request, Reply> answer = cite("Keeping salt intake to less than 5 g per day helps "
                + "prevent hypertension in adults [{salt}].");
        llm.script(r -> r.prompt().contains("<question>") ? ScriptedLlmServer.text(rendering) : answer.apply(r));
        int before = llm.requests().size();
        Answer a = ask(question);
        List<ScriptedLlmServer.Request> sent = llm.requests().subList(before, llm.requests().size());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).prompt()).contains("<question>").contains(question).contains("into English");
        assertThat(a.abstained()).isFalse();
        assertThat(a.passages()).anySatisfy(p -> assertThat(p.docId()).isEqualTo("who:WHO-EM-NUT-282-E"));

        var bridgeOnly = runtime.searcher().search(new fr.preuve.core.search.SearchQuery(question, 10, Filters.NONE,
                fr.preuve.core.search.Retriever.HYBRID, 2));
        var withRendering = runtime.searcher().search(new fr.preuve.core.search.SearchQuery(question, 10, Filters.NONE,
                fr.preuve.core.search.Retriever.HYBRID, 2, rendering));
        assertThat(withRendering.hits()).isNotEqualTo(bridgeOnly.hits());
        assertThat(withRendering.bridged().rendering()).isEqualTo(bridgeOnly.bridged().rendering());

        // the rendering fails: the lexical bridge alone retrieves, the answer is still given
        llm.script(r -> r.prompt().contains("<question>") ? new Reply.Status(503, "overloaded") : answer.apply(r));
        Answer fallback = ask(question);
        assertThat(fallback.abstained()).isFalse();
        assertThat(fallback.passages()).anySatisfy(p -> assertThat(p.docId()).isEqualTo("who:WHO-EM-NUT-282-E"));
    }

    static Function<ScriptedLlmServer.Request, Reply> cite(String reply) {
        return r -> ScriptedLlmServer.text(reply.replace("{salt}", number(r.prompt(), SALT_LIMIT))
                .replace("{avg}", number(r.prompt(), SALT_AVERAGE)));
    }

    /** The number the prompt gave to the passage containing {@code text}. */
    static String number(String prompt, String text) {
        int at = prompt.indexOf(text);
        assertThat(at).as("the prompt contains the passage with '%s'", text).isPositive();
        Matcher m = Pattern.compile("<passage id=\"(\\d+)\"").matcher(prompt.substring(0, at));
        String n = null;
        while (m.find()) {
            n = m.group(1);
        }
        return n;
    }

    static Answer ask(String question) {
        return runtime.answers().ask(question, Filters.NONE);
    }

    static AnswerSentence sentence(Answer a, String containing) {
        return a.sentences().stream().filter(s -> s.text().contains(containing)).findFirst().orElseThrow(
                () -> new AssertionError("no sentence containing '" + containing + "' in " + a.sentences()));
    }

    @Test
    void aPerfectlyCitedAnswerIsDeliveredWithVerifiedSentencesAndHighlightedPassages() {
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension and reduces the risk of "
                + "heart disease and stroke in adults [{salt}]. Most people consume too much salt, an average of 9–12 g "
                + "of salt per day [{avg}]."));
        Answer a = ask(SALT_Q);

        assertThat(a.mode()).isEqualTo(AnswerMode.GENERATIVE);
        assertThat(a.abstained()).isFalse();
        assertThat(a.warnings()).isEmpty();
        assertThat(a.sentences()).hasSize(2).allSatisfy(s -> {
            assertThat(s.verdict()).isEqualTo(Verdict.SUPPORTED);
            assertThat(s.delivered()).isTrue();
        });
        assertThat(a.answer()).contains("less than 5 g per day").contains("9–12 g").matches(".*\\[\\d]\\.?$");
        assertThat(a.model().model()).isEqualTo("scripted-model");
        assertThat(a.model().endpoint()).isEqualTo("scripted-vllm");
        assertThat(a.model().healthDataApproved()).isFalse();
        assertThat(a.footprint().tokensSent()).as("the usage the endpoint reported").isEqualTo(100);
        assertThat(a.footprint().tokensReceived()).isEqualTo(50);
        assertThat(a.footprint().energyWh()).as("0.6 Wh per 1,000 tokens received, a tenth for those sent, plus CPU")
                .isGreaterThan((50 + 0.1 * 100) / 1_000 * 0.6);
        CitedPassage salt = a.passages().stream().filter(p -> p.text().contains(SALT_LIMIT)).findFirst().orElseThrow();
        assertThat(salt.highlights()).isNotEmpty();
        assertThat(salt.text().substring(salt.highlights().get(0).start(), salt.highlights().get(0).end()))
                .contains("less than 5 g per day");
    }

    @Test
    void anUncitedSentenceIsRemovedAndListedWithItsReason() {
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [{salt}]. "
                + "Reducing salt also protects the kidneys of older adults."));
        Answer a = ask(SALT_Q);

        AnswerSentence uncited = sentence(a, "kidneys");
        assertThat(uncited.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(uncited.delivered()).isFalse();
        assertThat(uncited.reason()).contains("no citation");
        assertThat(a.answer()).doesNotContain("kidneys").contains("less than 5 g");
        assertThat(a.warnings()).singleElement().asString().contains("1 sentence");
    }

    @Test
    void aCitationOfAPassageNeverGivenIsInvalid() {
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [9]. "
                + "Most people consume an average of 9–12 g of salt per day [{avg}]."));
        Answer a = ask(SALT_Q);

        AnswerSentence bad = sentence(a, "hypertension");
        assertThat(bad.verdict()).isEqualTo(Verdict.INVALID_CITATION);
        assertThat(bad.reason()).contains("[9]").contains("[1]–[6]");
        assertThat(bad.delivered()).isFalse();
        assertThat(a.answer()).doesNotContain("hypertension").contains("9–12 g");
    }

    @Test
    void aChangedDoseIsCaughtEvenWhenTheSentenceOtherwiseMatches() {
        llm.script(cite("Keeping salt intake to less than 8 g per day helps prevent hypertension and reduces the risk of "
                + "heart disease and stroke in adults [{salt}]. Most people consume too much salt, an average of 9–12 g "
                + "of salt per day [{avg}]."));
        Answer a = ask(SALT_Q);

        AnswerSentence changed = sentence(a, "8 g");
        assertThat(changed.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(changed.reason()).contains("8 g");
        assertThat(a.answer()).doesNotContain("8 g per day");
    }

    @Test
    void aDrugAbsentFromTheCitedPassageIsCaught() {
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [{salt}]. "
                + "Adults who eat an average of 9–12 g of salt per day should take amlodipine [{avg}]."));
        Answer a = ask(SALT_Q);

        AnswerSentence drug = sentence(a, "amlodipine");
        assertThat(drug.verdict()).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(drug.reason()).containsIgnoringCase("amlodipine");
        assertThat(a.answer()).doesNotContain("amlodipine");
    }

    @Test
    void aFrenchAnswerCitingEnglishPassagesIsVerifiedAcrossLanguages() {
        llm.script(cite("Il est recommandé de limiter la consommation de sel à moins de 5 g par jour pour prévenir "
                + "l'hypertension et réduire le risque de maladie cardiaque et d'accident vasculaire cérébral chez "
                + "l'adulte [{salt}]."));
        // filtered to WHO, as a clinician looking for the WHO position would: every passage is in English
        Answer a = runtime.answers().ask("Quelle limite de sel par jour pour prévenir l'hypertension chez l'adulte ?",
                new Filters(java.util.Set.of(fr.preuve.core.doc.SourceKind.WHO), java.util.Set.of(), null, null));

        assertThat(a.language()).isEqualTo("fr");
        assertThat(a.mode()).isEqualTo(AnswerMode.GENERATIVE);
        assertThat(a.abstained()).as("reasons: %s", a.sentences()).isFalse();
        assertThat(a.sentences()).singleElement().satisfies(s -> assertThat(s.verdict()).isEqualTo(Verdict.SUPPORTED));
        assertThat(a.answer()).contains("moins de 5 g par jour");
        assertThat(a.modeLabel()).contains("génératif");
    }

    @Test
    void whenNothingSurvivesVerificationPreuveAbstainsAndShowsTheClosestPassages() {
        llm.script(cite("Adults should keep salt intake under 8 g per day [{salt}]. Salt causes diabetes."));
        Answer a = ask(SALT_Q);

        assertThat(a.abstained()).isTrue();
        assertThat(a.answer()).contains("No evidence found");
        assertThat(a.sentences()).hasSize(2).noneMatch(AnswerSentence::delivered);
        assertThat(a.passages()).isNotEmpty();
        assertThat(a.warnings()).singleElement().asString().contains("could be verified");
    }

    @Test
    void theModelsOwnAbstentionIsRespected() {
        llm.script(r -> ScriptedLlmServer.text("No evidence found in the corpus to answer this question."));
        Answer a = ask(SALT_Q);
        assertThat(a.abstained()).isTrue();
        assertThat(a.passages()).isNotEmpty();
    }

    @Test
    void aQuestionTheCorpusCannotAnswerNeverReachesTheModel() {
        int before = llm.requests().size();
        Answer a = ask("What is the first-line treatment of head lice in children?");
        assertThat(a.abstained()).isTrue();
        assertThat(llm.requests()).hasSize(before);
    }

    @Test
    void garbageFromTheModelFallsBackToAnExtractiveAnswerWithANotice() {
        llm.script(r -> ScriptedLlmServer.text("lorem ipsum dolor sit amet, consectetur adipiscing elit"));
        Answer a = ask(SALT_Q);
        assertThat(a.mode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(a.abstained()).isFalse();
        assertThat(a.sentences()).isNotEmpty().allMatch(s -> s.verdict() == Verdict.SUPPORTED);
        assertThat(a.warnings()).singleElement().asString().contains("Extractive answer").contains("unusable");
        assertThat(a.footprint().tokensReceived()).as("the model's tokens count though its reply was unusable")
                .isEqualTo(50);
    }

    @Test
    void aTimeoutEndsWithinTheDeadlineWithTheExtractiveAnswer() {
        llm.script(r -> ScriptedLlmServer.slow("Too late [1].", Duration.ofSeconds(20)));
        long t0 = System.nanoTime();
        Answer a = ask(SALT_Q);
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(seconds).isLessThan(9.0); // deadline 5 s, plus retrieval and the extractive answer
        assertThat(a.mode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(a.answer()).isNotBlank();
        assertThat(a.warnings()).singleElement().asString().contains("did not answer in time");
    }

    @Test
    void theOllamaProtocolGivesTheSameVerifiedAnswer() {
        AnswerService ollama = AnswerServices.create(runtime.searcher(), runtime.queryEmbedder(),
                new DefaultSupportJudge(runtime.queryEmbedder()), AnswerSettings.defaults(),
                settings(Provider.OLLAMA, Duration.ofSeconds(5), 3), fr.preuve.core.crosslingual.QuestionRenderer.NONE, runtime::corpusStamp);
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [{salt}]."));
        int before = llm.requests().size();
        Answer a = ollama.ask(SALT_Q, Filters.NONE);

        assertThat(llm.requests().get(before).path()).isEqualTo("/api/chat");
        assertThat(a.mode()).isEqualTo(AnswerMode.GENERATIVE);
        assertThat(a.model().provider()).isEqualTo("ollama");
        assertThat(a.sentences()).singleElement().satisfies(s -> assertThat(s.verdict()).isEqualTo(Verdict.SUPPORTED));
    }

    @Test
    void aDeadEndpointIsLeftAloneOnceTheCircuitOpens() {
        AnswerService answers = AnswerServices.create(runtime.searcher(), runtime.queryEmbedder(),
                new DefaultSupportJudge(runtime.queryEmbedder()), AnswerSettings.defaults(),
                settings(Provider.OPENAI, Duration.ofSeconds(5), 2), fr.preuve.core.crosslingual.QuestionRenderer.NONE, runtime::corpusStamp);
        llm.script(r -> new Reply.Status(503, "upstream down"));
        int before = llm.requests().size();
        for (int i = 0; i < 2; i++) {
            assertThat(answers.ask(SALT_Q, Filters.NONE).warnings()).singleElement().asString().contains("503");
        }
        Answer third = answers.ask(SALT_Q, Filters.NONE);
        assertThat(llm.requests()).hasSize(before + 2);
        assertThat(third.mode()).isEqualTo(AnswerMode.EXTRACTIVE);
        assertThat(third.warnings()).singleElement().asString().contains("suspended");
    }

    @Test
    void theStreamingEndpointSendsPassagesThenTokensThenTheVerifiedAnswer() throws Exception {
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [{salt}]. "
                + "Eating more salt improves memory in older adults [{salt}]."));
        HttpResponse<java.util.stream.Stream<String>> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/ask/stream")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + SALT_Q + "\"}")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> events = new ArrayList<>();
        StringBuilder tokens = new StringBuilder();
        JsonNode answer = null;
        ObjectMapper json = new ObjectMapper();
        String event = null;
        for (String line : (Iterable<String>) r.body()::iterator) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
                events.add(event);
            } else if (line.startsWith("data: ")) {
                JsonNode data = json.readTree(line.substring(6));
                if ("token".equals(event)) {
                    tokens.append(data.get("text").asText());
                } else if ("answer".equals(event)) {
                    answer = data;
                }
            }
        }
        assertThat(events.get(0)).isEqualTo("passages");
        assertThat(events.subList(1, events.size() - 1)).hasSizeGreaterThan(3).containsOnly("token");
        assertThat(events.get(events.size() - 1)).isEqualTo("answer");
        assertThat(tokens.toString()).contains("improves memory"); // streamed unverified...
        assertThat(answer.get("answer").asText()).doesNotContain("memory"); // ...but not delivered
        assertThat(answer.get("sentences")).hasSize(2);
        assertThat(answer.get("sentences").get(1).get("verdict").asText()).isEqualTo("unsupported");
        // the audit trail keeps model, endpoint, HDS status and each verdict, not the sentences
        String id = answer.get("id").asText();
        fr.preuve.core.audit.AuditEntry audited = runtime.audit().log().entries(fr.preuve.core.audit.TimeRange.all(), 1000)
                .stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        assertThat(audited.channel()).isEqualTo(AuditChannel.STREAM);
        assertThat(audited.mode()).isEqualTo(AnswerMode.GENERATIVE);
        assertThat(audited.model()).isEqualTo(new fr.preuve.core.answer.ModelInfo("openai", "scripted-model", "scripted-vllm", false));
        assertThat(audited.verdicts()).extracting(v -> v.verdict().key() + (v.delivered() ? "+" : "-"))
                .containsExactly("supported+", "unsupported-");
        assertThat(audited.deliveredChars()).isEqualTo(answer.get("answer").asText().length());
    }

    @Test
    void aBadStreamingRequestGetsAPlainJsonError() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/ask/stream"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("the question is empty");
        HttpResponse<String> inUrl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/api/ask/stream?q=paludisme")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inUrl.statusCode()).as("a question is never sent in a URL").isEqualTo(405);
        assertThat(inUrl.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void listenersSeeThePromptPassagesBeforeTheTokens() {
        llm.script(cite("Keeping salt intake to less than 5 g per day helps prevent hypertension in adults [{salt}]."));
        List<String> seen = new ArrayList<>();
        runtime.answers().ask(SALT_Q, Filters.NONE, new AnswerListener() {
            @Override
            public void onPassages(List<CitedPassage> passages) {
                seen.add("passages:" + passages.size());
            }

            @Override
            public void onToken(String text) {
                seen.add("token");
            }
        });
        assertThat(seen.get(0)).isEqualTo("passages:6");
        assertThat(seen).contains("token");
    }
}
