package fr.preuve.core.llm;

import java.util.function.Consumer;

/** Sends a prompt to a chat model and streams its reply; the seam tests and fault handling wrap. */
@FunctionalInterface
public interface ChatGateway {

    /**
     * Sends {@code prompt}, passes each piece of text to {@code onToken} as it arrives, and returns the whole reply.
     *
     * @throws LlmFailure when no usable reply arrives (timeout, HTTP error, broken stream, empty reply, open circuit)
     */
    String chat(Prompt prompt, Consumer<String> onToken);
}
