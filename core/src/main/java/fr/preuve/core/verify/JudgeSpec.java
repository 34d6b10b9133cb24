package fr.preuve.core.verify;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Which support judge decides whether a sentence is supported by its passages: written {@code default},
 * {@code trained}, {@code embedding}, {@code llm} or {@code nli:<model directory>} in the configuration
 * ({@code llm.judge}), in suites and on the command line ({@code --judge}).
 */
public sealed interface JudgeSpec {

    /** The judges that need nothing but Preuve itself (and, for {@link #LLM}, the configured endpoint). */
    enum Builtin implements JudgeSpec {
        /** The answer gate's: deterministic checks, then the embedding judge (default-v1). */
        DEFAULT,
        /** The deterministic checks, then the trained logistic judge (trained-v1). */
        TRAINED,
        /** The embedding judge alone, without the deterministic checks (evaluation only). */
        EMBEDDING,
        /** The configured LLM endpoint, one call per claim with the versioned judge prompt. */
        LLM;

        @Override
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean usesEmbeddings() {
            return this != LLM;
        }
    }

    /** An NLI cross-encoder exported to ONNX: a directory with {@code model.onnx} and {@code tokenizer.json}. */
    record Nli(Path model) implements JudgeSpec {
        public Nli {
            Objects.requireNonNull(model, "model");
        }

        @Override
        public String key() {
            return PREFIX + model;
        }

        @Override
        public boolean usesEmbeddings() {
            return false;
        }
    }

    JudgeSpec DEFAULT = Builtin.DEFAULT;
    JudgeSpec TRAINED = Builtin.TRAINED;
    JudgeSpec EMBEDDING = Builtin.EMBEDDING;
    JudgeSpec LLM = Builtin.LLM;

    /** The prefix of an NLI judge's key. */
    String PREFIX = "nli:";

    /** How the spec is written: {@link #parse} of it gives it back. */
    String key();

    /** Whether the judge needs the embedding model (the embedding judge, alone or under the trained one). */
    boolean usesEmbeddings();

    /**
     * Parses a key; blank or null is {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the value when it is none of the keys
     */
    static JudgeSpec parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String v = value.strip();
        if (v.startsWith(PREFIX) && v.length() > PREFIX.length()) {
            return new Nli(Path.of(v.substring(PREFIX.length())));
        }
        for (Builtin b : Builtin.values()) {
            if (b.key().equals(v)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown judge '" + v
                + "': expected default, trained, embedding, llm or nli:<model directory>");
    }
}
