package fr.preuve.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * One sentence of a generated answer with the passage numbers it cites.
 *
 * @param text      the sentence without citation markers, markdown bold or list bullet, white space collapsed, ending
 *                  punctuation kept
 * @param raw       the sentence as written, citation markers included (also those placed after its full stop)
 * @param citations cited passage numbers, distinct, in order of first appearance
 * @param drifts    citation markers written in a non-canonical form and how they were read ({@code "(1) read as [1]"}),
 *                  or why one could not be read ({@code "unreadable citation '(Smith 2019)'"})
 */
public record CitedSentence(String text, String raw, List<Integer> citations, List<String> drifts) {
    public CitedSentence {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(raw, "raw");
        citations = List.copyOf(citations);
        drifts = List.copyOf(drifts);
    }

    /** Whether the sentence cites at least one passage. */
    public boolean cited() {
        return !citations.isEmpty();
    }
}
