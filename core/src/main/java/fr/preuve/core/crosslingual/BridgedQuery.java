package fr.preuve.core.crosslingual;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A question rendered as concepts of another language.
 *
 * @param from     the question's language
 * @param to       the target language
 * @param concepts in question order
 * @param unknown  content words of the question that nothing rendered and that the question's own language's
 *                 passages lack too: what the corpus may know nothing about
 */
public record BridgedQuery(String from, String to, List<Concept> concepts, List<String> unknown) {
    public BridgedQuery {
        concepts = List.copyOf(concepts);
        unknown = List.copyOf(unknown);
    }

    public BridgedQuery(String from, String to, List<Concept> concepts) {
        this(from, to, concepts, List.of());
    }

    /** The question's words behind each concept, then the unknown words: its content, framing left out. */
    public List<String> sources() {
        List<String> out = new java.util.ArrayList<>();
        concepts.forEach(c -> out.add(c.source()));
        out.addAll(unknown);
        return out;
    }

    /** Whether nothing could be rendered. */
    public boolean isEmpty() {
        return concepts.isEmpty();
    }

    /** A keyword rendering for dense retrieval: each concept's first alternative, in question order. */
    public String rendering() {
        return concepts.stream().map(c -> c.alternatives().get(0)).distinct().collect(Collectors.joining(" "));
    }
}
