package fr.preuve.core.crosslingual;

import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.core.llm.LlmObserver;

/**
 * Renders a clinical question in the other language of the evidence ({@code fr} to {@code en} or back), so that the
 * rendering can join the retrieval fusion beside the question itself. A renderer never throws for a model that is
 * absent, slow or failing: it returns {@link Rendering.NotRendered} with the reason.
 */
@FunctionalInterface
public interface QuestionRenderer {

    /** The renderer when no generative model is configured: never renders. */
    QuestionRenderer NONE = (question, from, to) -> new Rendering.NotRendered("no model configured");

    /**
     * The question rendered from language {@code from} into language {@code to}.
     *
     * @param question the question as retrieval sees it, already through the patient-data guard
     * @param from     ISO 639-1 code of the question's language, {@code fr} or {@code en}
     * @param to       ISO 639-1 code of the rendering's language, {@code en} or {@code fr}
     */
    Rendering render(String question, String from, String to);

    /** The renderer for the configured model: {@link LlmQuestionRenderer#of}, or {@link #NONE} when the provider is none. */
    static QuestionRenderer of(LlmSettings settings) {
        return of(settings, PatientDataGuard.standard());
    }

    /** The same, finding identifying data with {@code guard} before anything is sent. */
    static QuestionRenderer of(LlmSettings settings, PatientDataGuard guard) {
        return of(settings, guard, LlmObserver.NONE);
    }

    /** The same, telling {@code observer} about every model call. */
    static QuestionRenderer of(LlmSettings settings, PatientDataGuard guard, LlmObserver observer) {
        return settings.enabled() ? LlmQuestionRenderer.of(settings, guard, observer) : NONE;
    }
}
