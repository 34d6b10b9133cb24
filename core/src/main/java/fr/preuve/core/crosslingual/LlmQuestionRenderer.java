package fr.preuve.core.crosslingual;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.guard.Finding;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.core.llm.ChatGateway;
import fr.preuve.core.llm.CircuitBreakingGateway;
import fr.preuve.core.llm.LangChain4jGateway;
import fr.preuve.core.llm.LlmObserver;
import fr.preuve.core.llm.LlmFailure;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders a question with the configured chat model, from the versioned prompt {@code render-v1.txt}. The question is
 * scanned by the {@link PatientDataGuard} before anything is sent: when the endpoint is not approved for health data,
 * identifying data stops the call under policy {@code refuse} ({@code "patient data: ..."}) and is replaced by
 * placeholders under {@code redact} (the placeholders are taken out of the rendering). The reply is cleaned and checked
 * ({@link RenderedText}); a failed call ({@link LlmFailure}: timeout, HTTP error, open circuit, broken stream) or an
 * unusable reply gives {@link Rendering.NotRendered} with the reason. Thread-safe.
 */
public final class LlmQuestionRenderer implements QuestionRenderer {

    private final ChatGateway gateway;
    private final RenderPrompt prompt;
    private final LlmSettings settings;
    private final PatientDataGuard guard;

    /**
     * A renderer over {@code gateway}, which should hold calls to a short deadline at temperature 0 (as {@link #of}
     * builds it); {@code settings} give the model's name, whether it may receive health data and the patient-data
     * policy; {@code guard} finds the identifying data that policy applies to.
     */
    LlmQuestionRenderer(ChatGateway gateway, RenderPrompt prompt, LlmSettings settings, PatientDataGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!settings.enabled()) {
            throw new IllegalArgumentException("llm.provider is none: there is no model to render questions");
        }
    }

    /**
     * The renderer for the configured endpoint: its own client at temperature 0 with a deadline of
     * {@value Defaults#LLM_RENDER_TIMEOUT_SECONDS} s (or the generation deadline, if shorter), behind its own circuit
     * breaker so that a failing endpoint costs retrieval nothing after a few calls.
     */
    public static LlmQuestionRenderer of(LlmSettings settings) {
        return of(settings, PatientDataGuard.standard());
    }

    /** The same, finding identifying data with {@code guard}. */
    public static LlmQuestionRenderer of(LlmSettings settings, PatientDataGuard guard) {
        return of(settings, guard, LlmObserver.NONE);
    }

    /** The same, telling {@code observer} about every call. */
    public static LlmQuestionRenderer of(LlmSettings settings, PatientDataGuard guard, LlmObserver observer) {
        return of(settings, Duration.ofSeconds(Defaults.LLM_RENDER_TIMEOUT_SECONDS), guard, observer);
    }

    static LlmQuestionRenderer of(LlmSettings settings, Duration deadline) {
        return of(settings, deadline, PatientDataGuard.standard(), LlmObserver.NONE);
    }

    private static LlmQuestionRenderer of(LlmSettings settings, Duration deadline, PatientDataGuard guard,
                                          LlmObserver observer) {
        LlmSettings s = forRendering(settings, deadline);
        ChatGateway gateway = new CircuitBreakingGateway(LangChain4jGateway.of(s, observer), s.circuitFailures(),
                s.circuitOpen(), observer);
        return new LlmQuestionRenderer(gateway, RenderPrompt.standard(), s, guard);
    }

    /** {@code s} at temperature 0, with {@code deadline} unless its own timeout is shorter. */
    static LlmSettings forRendering(LlmSettings s, Duration deadline) {
        Duration timeout = s.timeout().compareTo(deadline) < 0 ? s.timeout() : deadline;
        return new LlmSettings(s.provider(), s.name(), s.baseUrl(), s.model(), s.apiKey(), s.healthDataApproved(),
                timeout, s.maxTokens(), 0.0, s.unsupported(), s.circuitFailures(), s.circuitOpen(), s.patientData(),
                s.judge());
    }

    @Override
    public Rendering render(String question, String from, String to) {
        Objects.requireNonNull(question, "question");
        if (RenderPrompt.languageName(from).equals(RenderPrompt.languageName(to))) {
            throw new IllegalArgumentException("nothing to render: the question is already in '" + to + "'");
        }
        if (question.isBlank()) {
            return new Rendering.NotRendered("empty question");
        }
        String sent = question;
        List<Finding> found = guard.scan(question);
        boolean redacted = !found.isEmpty() && !settings.healthDataApproved();
        if (redacted) {
            if (settings.patientData() == LlmSettings.PatientDataPolicy.REFUSE) {
                return new Rendering.NotRendered("patient data: " + types(found) + " found, and the model \""
                        + settings.name() + "\" is not approved for health data");
            }
            sent = guard.redact(question, found);
        }
        String reply;
        try {
            reply = gateway.chat(prompt.build(sent, from, to), token -> { });
        } catch (LlmFailure f) {
            return new Rendering.NotRendered("model failed (" + f.kind().key() + "): " + f.getMessage());
        } catch (RuntimeException e) {
            // a rendering is an extra: whatever goes wrong, retrieval goes on without it
            return new Rendering.NotRendered("model failed: " + e);
        }
        String text = RenderedText.clean(reply);
        String source = sent;
        if (redacted) {
            text = RenderedText.withoutPlaceholders(text);
            source = RenderedText.withoutPlaceholders(sent);
        }
        String rejected = RenderedText.rejection(text, source);
        return rejected == null ? new Rendering.Rendered(text, settings.model()) : new Rendering.NotRendered(rejected);
    }

    private static String types(List<Finding> findings) {
        return findings.stream().map(f -> f.type().key()).distinct().collect(Collectors.joining(", "));
    }
}
