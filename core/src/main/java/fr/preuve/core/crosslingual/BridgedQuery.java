package fr.preuve.core.crosslingual;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A question rendered as concepts of another language.
 *
 * @param from     the question's language
 * @param to       the target language
 * @param concepts in question order
 */
public record BridgedQuery(String from, String to, List<Concept> concepts) {
    public BridgedQuery {
        concepts = List.copyOf(concepts);
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
