package fr.preuve.core.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import fr.preuve.core.config.LlmSettings;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Talks to an OpenAI-compatible, Ollama or Mistral endpoint through LangChain4j's streaming chat models, and holds
 * every call to one deadline: past it the stream is cancelled and a {@link LlmFailure} of kind {@code TIMEOUT} thrown.
 */
public final class LangChain4jGateway implements ChatGateway {

    private final StreamingChatModel model;
    private final Duration deadline;
    private final LlmObserver observer;

    public LangChain4jGateway(StreamingChatModel model, Duration deadline) {
        this(model, deadline, LlmObserver.NONE);
    }

    /** A gateway that tells {@code observer} the token counts the endpoint reports. */
    public LangChain4jGateway(StreamingChatModel model, Duration deadline, LlmObserver observer) {
        this.model = model;
        this.deadline = deadline;
        this.observer = observer;
    }

    /** A gateway for the configured endpoint; fails when the provider is {@code none}. */
    public static LangChain4jGateway of(LlmSettings s) {
        return of(s, LlmObserver.NONE);
    }

    /** The same, telling {@code observer} the token counts the endpoint reports. */
    public static LangChain4jGateway of(LlmSettings s, LlmObserver observer) {
        Double temperature = s.temperature();
        // the HTTP client's own timeout is a backstop; the deadline below is what a request waits
        Duration http = s.timeout().plusSeconds(5);
        StreamingChatModel model = switch (s.provider()) {
            case OPENAI -> OpenAiStreamingChatModel.builder()
                    .baseUrl(s.baseUrl()).apiKey(s.apiKey() == null ? "none" : s.apiKey()).modelName(s.model())
                    .temperature(temperature).maxTokens(s.maxTokens()).timeout(http).build();
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .baseUrl(s.baseUrl()).modelName(s.model()).temperature(temperature).numPredict(s.maxTokens())
                    .timeout(http).build();
            case MISTRAL -> {
                MistralAiStreamingChatModel.MistralAiStreamingChatModelBuilder b = MistralAiStreamingChatModel.builder()
                        .apiKey(s.apiKey()).modelName(s.model()).temperature(temperature).maxTokens(s.maxTokens()).timeout(http);
                if (s.baseUrl() != null) {
                    b.baseUrl(s.baseUrl());
                }
                yield b.build();
            }
            case NONE -> throw new IllegalArgumentException("llm.provider is none: there is no endpoint to call");
        };
        return new LangChain4jGateway(model, s.timeout(), observer);
    }

    @Override
    public String chat(Prompt prompt, Consumer<String> onToken) {
        CompletableFuture<String> done = new CompletableFuture<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<dev.langchain4j.model.output.TokenUsage> usage =
                new java.util.concurrent.atomic.AtomicReference<>();
        ChatRequest request = ChatRequest.builder()
                .messages(prompt.system().isBlank() ? List.of(UserMessage.from(prompt.user()))
                        : List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())))
                .build();
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                if (!abandoned.get() && text != null) {
                    onToken.accept(text);
                }
            }

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (abandoned.get()) {
                    context.streamingHandle().cancel();
                    return;
                }
                onPartialResponse(partial.text());
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                if (response.tokenUsage() != null) {
                    observer.tokens(response.tokenUsage().inputTokenCount(), response.tokenUsage().outputTokenCount());
                    usage.set(response.tokenUsage());
                }
                done.complete(response.aiMessage() == null ? null : response.aiMessage().text());
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        };
        try {
            model.chat(request, handler);
        } catch (RuntimeException e) {
            throw classify(e);
        }
        String text;
        try {
            text = done.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            throw new LlmFailure(LlmFailure.Kind.TIMEOUT, "no complete reply within " + deadline.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        } catch (InterruptedException e) {
            abandoned.set(true);
            Thread.currentThread().interrupt();
            throw new LlmFailure(LlmFailure.Kind.CONNECTION, "interrupted while waiting for the model", e);
        }
        dev.langchain4j.model.output.TokenUsage used = usage.get();
        if (used != null) { // on the calling thread, whose answer's tally it is
            TokenTally.record(used.inputTokenCount(), used.outputTokenCount());
        }
        if (text == null || text.isBlank()) {
            throw new LlmFailure(LlmFailure.Kind.EMPTY, "the model returned an empty reply");
        }
        return text;
    }

    /** Maps what LangChain4j and the HTTP client throw to the kinds a clinician is told about. */
    static LlmFailure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof LlmFailure f) {
                return f;
            }
            if (t instanceof HttpException h) {
                return new LlmFailure(LlmFailure.Kind.HTTP_ERROR, "the endpoint answered HTTP " + h.statusCode()
                        + firstLine(h.getMessage()), error);
            }
            if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new LlmFailure(LlmFailure.Kind.TIMEOUT, "the endpoint did not answer in time", error);
            }
            if (t instanceof ConnectException) {
                return new LlmFailure(LlmFailure.Kind.CONNECTION, "cannot connect to the endpoint" + firstLine(t.getMessage()), error);
            }
        }
        return new LlmFailure(LlmFailure.Kind.CONNECTION, "the model call failed: " + error.getClass().getSimpleName()
                + firstLine(error.getMessage()), error);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
