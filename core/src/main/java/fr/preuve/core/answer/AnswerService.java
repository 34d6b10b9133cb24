package fr.preuve.core.answer;

import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchQuery;
import fr.preuve.core.search.SearchResult;
import java.util.UUID;
import java.util.function.Supplier;

/** Answers a question: validates it, retrieves passages, composes a cited answer, records versions and timings. */
public final class AnswerService {

    /** Passages of one document the answer may draw from. */
    private static final int MAX_PASSAGES_PER_DOCUMENT = 2;

    private final HybridSearcher searcher;
    private final ExtractiveAnswerer extractive;
    private final AnswerSettings settings;
    private final Supplier<String> corpusVersion;

    public AnswerService(HybridSearcher searcher, ExtractiveAnswerer extractive, AnswerSettings settings,
                         Supplier<String> corpusVersion) {
        this.searcher = searcher;
        this.extractive = extractive;
        this.settings = settings;
        this.corpusVersion = corpusVersion;
    }

    /** Rejects an empty or over-long question with a message naming the problem. */
    public String validate(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("the question is empty");
        }
        String q = question.strip();
        if (q.length() > settings.maxQuestionChars()) {
            throw new IllegalArgumentException("the question is " + q.length() + " characters long; the limit is "
                    + settings.maxQuestionChars());
        }
        return q;
    }

    public Answer ask(String question, Filters filters) {
        long t0 = System.nanoTime();
        String q = validate(question);
        String lang = Language.detect(q);
        SearchResult result = searcher.search(new SearchQuery(q, Math.max(settings.passages(), 10), filters,
                Retriever.HYBRID, MAX_PASSAGES_PER_DOCUMENT));
        long t1 = System.nanoTime();
        ExtractiveAnswerer.Composition c = extractive.compose(q, lang, result);
        long t2 = System.nanoTime();
        return new Answer(UUID.randomUUID().toString(), q, "extractive", Messages.extractiveMode(lang), c.abstained(),
                c.answer(), c.sentences(), c.passages(), lang, Messages.notice(lang), corpusVersion.get(),
                new Timings((t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6), ModelInfo.local(), java.util.List.of());
    }
}
