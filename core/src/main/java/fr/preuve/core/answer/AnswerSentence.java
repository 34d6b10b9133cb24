package fr.preuve.core.answer;

import java.util.List;

/**
 * One sentence of an answer with the passages it cites ({@code [n]} numbers into the answer's passage list).
 *
 * @param delivered whether the sentence is part of the delivered answer text (false when verification removed it)
 */
public record AnswerSentence(String text, List<Integer> citations, Verdict verdict, String reason, boolean delivered) {
    public AnswerSentence {
        citations = List.copyOf(citations);
    }
}
