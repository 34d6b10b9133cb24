package fr.preuve.core.answer;

import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.core.llm.AnswerPrompt;
import fr.preuve.core.llm.CircuitBreakingGateway;
import fr.preuve.core.llm.LangChain4jGateway;
import fr.preuve.core.llm.LlmObserver;
import fr.preuve.core.llm.Prompt;
import fr.preuve.core.verify.LlmSupportJudge;
import fr.preuve.core.verify.NliSupportJudge;
import fr.preuve.core.crosslingual.QuestionRenderer;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.verify.AnswerVerifier;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.judge.TrainedSupportJudge;
import fr.preuve.core.verify.JudgeSpec;
import fr.preuve.core.verify.SupportJudge;
import java.util.Optional;
import java.util.function.Supplier;

/** Wires an {@link AnswerService}: extractive always, generative and verified when a model is configured. */
public final class AnswerServices {
    private AnswerServices() {
    }

    /**
     * @param judge    the default support judge; {@code llm.judge()} may choose the LLM or an NLI model instead
     * @param renderer renders questions in the corpus's other language for retrieval ({@link QuestionRenderer#NONE}
     *                 without a model)
     */
    public static AnswerService create(HybridSearcher searcher, Embedder embedder, SupportJudge judge,
                                       AnswerSettings answer, LlmSettings llm, QuestionRenderer renderer,
                                       Supplier<CorpusStamp> corpus) {
        return create(searcher, embedder, judge, answer, llm, renderer, corpus, PatientDataGuard.standard());
    }

    /** The same, with the patient-data {@code guard} that decides what may be sent to the model. */
    public static AnswerService create(HybridSearcher searcher, Embedder embedder, SupportJudge judge,
                                       AnswerSettings answer, LlmSettings llm, QuestionRenderer renderer,
                                       Supplier<CorpusStamp> corpus, PatientDataGuard guard) {
        return create(searcher, embedder, judge, answer, llm, renderer, corpus, guard, LlmObserver.NONE);
    }

    /** The same, telling {@code observer} about every call to the model (answers and, if it is chosen, the judge). */
    public static AnswerService create(HybridSearcher searcher, Embedder embedder, SupportJudge judge,
                                       AnswerSettings answer, LlmSettings llm, QuestionRenderer renderer,
                                       Supplier<CorpusStamp> corpus, PatientDataGuard guard, LlmObserver observer) {
        ExtractiveAnswerer extractive = new ExtractiveAnswerer(searcher, answer);
        Optional<GenerativeAnswerer> generative = Optional.empty();
        if (llm.enabled()) {
            CircuitBreakingGateway gateway = gateway(llm, observer);
            SupportJudge chosen = JudgeSpec.DEFAULT.equals(llm.judge()) ? judge : judge(llm.judge(),
                    () -> judge instanceof DefaultSupportJudge d ? d : new DefaultSupportJudge(embedder), () -> gateway);
            generative = Optional.of(new GenerativeAnswerer(extractive, gateway, AnswerPrompt.standard(),
                    new AnswerVerifier(chosen, DrugLexicon.standard()), llm, guard));
        }
        return new AnswerService(searcher, extractive, generative, answer, renderer, corpus, guard);
    }

    /**
     * The judge {@code spec} names, without the deterministic checks (the answer gate applies them; an evaluation of
     * {@link JudgeSpec#DEFAULT} adds them): the embedding judge {@code embedding} gives for {@code default} and
     * {@code embedding}, the trained judge over it, the LLM judge over the endpoint {@code gateway} gives, or the NLI
     * model loaded from its directory (the caller closes it). Each supplier is asked only when its judge is chosen.
     */
    public static SupportJudge judge(JudgeSpec spec, Supplier<DefaultSupportJudge> embedding,
                                     Supplier<CircuitBreakingGateway> gateway) {
        return switch (spec) {
            case JudgeSpec.Builtin b -> switch (b) {
                case DEFAULT, EMBEDDING -> embedding.get();
                case TRAINED -> TrainedSupportJudge.standard(embedding.get());
                case LLM -> llmJudge(gateway.get());
            };
            case JudgeSpec.Nli nli -> NliSupportJudge.load(nli.model());
        };
    }

    /** The LLM support judge over {@code gateway}: one call per claim with the versioned judge prompt. */
    public static SupportJudge llmJudge(CircuitBreakingGateway gateway) {
        return new LlmSupportJudge(prompt -> gateway.chat(new Prompt("", prompt, LlmSupportJudge.NAME), t -> { }));
    }

    /** The gateway to the configured endpoint, behind its circuit breaker. */
    public static CircuitBreakingGateway gateway(LlmSettings llm) {
        return gateway(llm, LlmObserver.NONE);
    }

    /** The same, telling {@code observer} about every call, the tokens and the breaker's state. */
    public static CircuitBreakingGateway gateway(LlmSettings llm, LlmObserver observer) {
        return new CircuitBreakingGateway(LangChain4jGateway.of(llm, observer), llm.circuitFailures(),
                llm.circuitOpen(), observer);
    }
}
