package fr.preuve.core.answer;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.text.Language;
import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.crosslingual.QuestionRenderer;
import fr.preuve.core.crosslingual.Rendering;
import fr.preuve.core.guard.Finding;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.core.llm.TokenTally;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchQuery;
import fr.preuve.core.search.SearchResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Answers a question: validates it, retrieves passages, composes a cited answer (generative and verified when a model
 * is configured, extractive otherwise), records model, versions and timings.
 */
public final class AnswerService {

    private final HybridSearcher searcher;
    private final ExtractiveAnswerer extractive;
    private final Optional<GenerativeAnswerer> generative;
    private final AnswerSettings settings;
    private final Supplier<CorpusStamp> corpus;
    private final QuestionRenderer renderer;
    private final PatientDataGuard guard;
    private final CpuClock cpu;

    /**
     * @param renderer renders the (guarded) question in the corpus's other language, joined to the lexical bridge in
     *                 retrieval; {@link QuestionRenderer#NONE} without a model
     * @param guard    finds identifying patient data, which retrieval and the renderer never see
     */
    public AnswerService(HybridSearcher searcher, ExtractiveAnswerer extractive, Optional<GenerativeAnswerer> generative,
                         AnswerSettings settings, QuestionRenderer renderer, Supplier<CorpusStamp> corpus,
                         PatientDataGuard guard) {
        this(searcher, extractive, generative, settings, renderer, corpus, guard, CpuClock.THREAD);
    }

    /** As above, measuring each answer's CPU time with {@code cpu}. */
    public AnswerService(HybridSearcher searcher, ExtractiveAnswerer extractive, Optional<GenerativeAnswerer> generative,
                         AnswerSettings settings, QuestionRenderer renderer, Supplier<CorpusStamp> corpus,
                         PatientDataGuard guard, CpuClock cpu) {
        this.guard = java.util.Objects.requireNonNull(guard, "guard");
        this.cpu = java.util.Objects.requireNonNull(cpu, "cpu");
        this.searcher = searcher;
        this.extractive = extractive;
        this.generative = generative;
        this.settings = settings;
        this.renderer = renderer;
        this.corpus = corpus;
    }

    /** Extractive answers only, over a corpus known by its version alone (tests, benchmarks). */
    public AnswerService(HybridSearcher searcher, ExtractiveAnswerer extractive, AnswerSettings settings,
                         Supplier<String> corpusVersion) {
        this(searcher, extractive, Optional.empty(), settings, QuestionRenderer.NONE,
                () -> new CorpusStamp(corpusVersion.get(), null), PatientDataGuard.standard());
    }

    /** Rejects an empty or over-long question with a message naming the problem. */
    public String validate(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("the question is empty");
        }
        return settings.checkLength("the question", question.strip());
    }

    /** The evidence the extractive and generative answers would judge {@code question} by (for fitting abstention). */
    public EvidenceAssessor.Evidence evidence(String question, Filters filters) {
        AskedQuestion asked = scan(question);
        return extractive.evidence(asked.clinical(), asked.lang(), retrieve(asked.clinical(), asked.lang(), filters));
    }

    /** The units the extractive answer to {@code question} would choose from, best first (for fitting its scorer). */
    public List<ExtractiveAnswerer.ScoredUnit> units(String question, Filters filters) {
        AskedQuestion asked = scan(question);
        return extractive.units(asked.clinical(), asked.lang(), retrieve(asked.clinical(), asked.lang(), filters));
    }

    /** The validated question, its language, the identifying data found and the question without them. */
    private AskedQuestion scan(String question) {
        String q = validate(question);
        List<Finding> identifying = guard.scan(q);
        return new AskedQuestion(q, Language.detect(q), identifying,
                identifying.isEmpty() ? q : guard.remove(q, identifying));
    }

    private SearchResult retrieve(String clinical, String lang, Filters filters) {
        // French questions only: the corpus is mostly English, and an English question's French rendering is left to
        // the lexical bridge (the model is then called only to answer)
        String translation = "fr".equals(lang) && renderer.render(clinical, "fr", "en") instanceof Rendering.Rendered r
                ? r.text() : null;
        return searcher.search(new SearchQuery(clinical, Math.max(settings.passages(), 10), filters,
                Retriever.HYBRID, Defaults.ANSWER_MAX_PASSAGES_PER_DOCUMENT, translation));
    }

    public Answer ask(String question, Filters filters) {
        return ask(question, filters, AnswerListener.NONE);
    }

    /** Answers {@code question}; a generative answer's passages and text are passed to {@code listener} as they come. */
    public Answer ask(String question, Filters filters, AnswerListener listener) {
        return answer(question, filters, listener).answer();
    }

    /** As {@link #ask(String, Filters, AnswerListener)}, with the scanned question and the retrieved passages. */
    public Answered answer(String question, Filters filters, AnswerListener listener) {
        try (TokenTally tokens = TokenTally.open()) {
            Meter m = new Meter(System.nanoTime(), cpu.threadNanos());
            AskedQuestion asked = scan(question);
            String lang = asked.lang();
            String clinical = asked.clinical();
            SearchResult result = retrieve(clinical, lang, filters);
            m.retrieved(System.nanoTime(), cpu.threadNanos());
            String id = UUID.randomUUID().toString();
            List<String> retrieved = result.hits().stream().map(h -> h.passage().id()).toList();
            CorpusStamp stamp = corpus.get();
            if (generative.isPresent()) {
                GenerativeAnswerer g = generative.get();
                AnswerDraft d = g.compose(asked, result, listener);
                m.composed(System.nanoTime(), cpu.threadNanos());
                boolean fellBack = d.mode() == AnswerMode.EXTRACTIVE;
                return new Answered(answer(id, asked, d, fellBack ? Messages.extractiveMode(lang)
                        : Messages.generativeMode(lang, g.model().model()), stamp, m, tokens,
                        fellBack ? ModelInfo.local() : g.model()), asked, retrieved);
            }
            AnswerDraft d = extractive.compose(clinical, lang, result);
            m.composed(System.nanoTime(), cpu.threadNanos());
            return new Answered(answer(id, asked, d, Messages.extractiveMode(lang), stamp, m, tokens,
                    ModelInfo.local()), asked, withCited(retrieved, d.passages()));
        }
    }

    private Answer answer(String id, AskedQuestion asked, AnswerDraft d, String modeLabel, CorpusStamp stamp, Meter m,
                          TokenTally tokens, ModelInfo model) {
        String lang = asked.lang();
        double retrievalCpu = (m.c1 - m.c0) / 1e6;
        double answerCpu = (m.c2 - m.c1) / 1e6;
        Footprint footprint = new Footprint(retrievalCpu, answerCpu, tokens.sent(), tokens.received(),
                settings.energy().wattHours(retrievalCpu + answerCpu, tokens.sent(), tokens.received()));
        return new Answer(id, asked.text(), d.mode(), modeLabel, d.abstained(), d.coverage(), d.answer(), d.sentences(),
                d.passages(), lang, Messages.notice(lang), stamp.version(), stamp.date(),
                new Timings((m.t1 - m.t0) / 1e6, (m.t2 - m.t1) / 1e6, (m.t2 - m.t0) / 1e6), footprint, model,
                d.warnings());
    }

    /** Wall and CPU clock readings at the start, after retrieval and after composition of one answer. */
    private static final class Meter {
        final long t0;
        final long c0;
        long t1;
        long c1;
        long t2;
        long c2;

        Meter(long t0, long c0) {
            this.t0 = t0;
            this.c0 = c0;
        }

        void retrieved(long t, long c) {
            t1 = t;
            c1 = c;
        }

        void composed(long t, long c) {
            t2 = t;
            c2 = c;
        }
    }

    /** The retrieved passages, then those the answerer read further into their documents and cites. */
    private static List<String> withCited(List<String> retrieved, List<CitedPassage> cited) {
        List<String> out = new java.util.ArrayList<>(retrieved);
        cited.stream().map(CitedPassage::id).filter(id -> !out.contains(id)).forEach(out::add);
        return out;
    }

}
