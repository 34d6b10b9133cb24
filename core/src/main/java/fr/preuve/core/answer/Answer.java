package fr.preuve.core.answer;

import java.util.List;

/**
 * An answer to a clinician's question: sentences that each cite numbered passages, or an abstention.
 *
 * @param mode          who wrote it ({@code "extractive"} or {@code "generative"} in JSON)
 * @param modeLabel     the mode in words, in the question's language
 * @param abstained     true when the corpus holds no evidence for the question
 * @param coverage      whether the answer states what was asked ({@code full}), only related evidence
 *                      ({@code partial}), or nothing ({@code none}, an abstention)
 * @param answer        the delivered text, each sentence followed by its citations
 * @param sentences     every sentence considered, with its verdict
 * @param passages      the passages cited (or, on abstention, the closest ones)
 * @param language      the question's language ({@code fr} or {@code en})
 * @param notice        "AI-assisted, verify" notice in the question's language
 * @param corpusVersion version of the corpus the answer was drawn from
 * @param corpusDate    ISO-8601 instant at which that corpus version was produced (null while a first index is built)
 * @param timings       retrieval, answer and total time in milliseconds
 * @param footprint     CPU time, model tokens and the energy estimate of the answer
 * @param model         which model wrote the answer and whether its endpoint is approved for health data
 * @param warnings      what went wrong on the way (e.g. the model timed out and the answer fell back to extractive),
 *                      in the question's language; empty when nothing did
 */
public record Answer(String id, String question, AnswerMode mode, String modeLabel, boolean abstained, Coverage coverage, String answer,
                     List<AnswerSentence> sentences, List<CitedPassage> passages, String language, String notice,
                     String corpusVersion, String corpusDate, Timings timings, Footprint footprint, ModelInfo model,
                     List<String> warnings) {
    public Answer {
        java.util.Objects.requireNonNull(coverage, "coverage");
        java.util.Objects.requireNonNull(footprint, "footprint");
        if (abstained != (coverage == Coverage.NONE)) {
            throw new IllegalArgumentException("an answer abstains exactly when its coverage is none, got abstained="
                    + abstained + " and coverage " + coverage.key());
        }
        sentences = List.copyOf(sentences);
        passages = List.copyOf(passages);
        warnings = List.copyOf(warnings);
    }

    /** What the answer says before its first quote: a partial answer's statement of what the corpus lacks, or "". */
    public String lead() {
        int first = sentences.stream().filter(AnswerSentence::delivered).findFirst()
                .map(s -> answer.indexOf(s.text())).orElse(-1);
        return first > 0 ? answer.substring(0, first).strip() : "";
    }
}
