package fr.preuve.core.crosslingual;

import java.util.Objects;

/** What a {@link QuestionRenderer} made of a question: its rendering in the other language, or why there is none. */
public sealed interface Rendering permits Rendering.Rendered, Rendering.NotRendered {

    /**
     * The question in the target language, cleaned to one line of plain text.
     *
     * @param text  the rendering, never blank
     * @param model the model that wrote it, as its endpoint names it
     */
    record Rendered(String text, String model) implements Rendering {
        public Rendered {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(model, "model");
            if (text.isBlank()) {
                throw new IllegalArgumentException("a rendering cannot be blank");
            }
        }
    }

    /**
     * No rendering: no model, patient data the endpoint may not receive, a failed call or an unusable reply. The
     * caller falls back to the lexical bridge.
     *
     * @param reason why, in a sentence fit for a log or a trace
     */
    record NotRendered(String reason) implements Rendering {
        public NotRendered {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
