package fr.preuve.core.audit;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.Answered;
import fr.preuve.core.answer.AskedQuestion;
import fr.preuve.core.answer.CitedPassage;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.core.answer.Timings;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.guard.Finding;
import fr.preuve.core.guard.FindingType;
import fr.preuve.core.search.Filters;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One answer as the audit trail keeps it. Never holds identifying data: the question's text only when the guard found
 * none in it, otherwise only its keyed fingerprint and the types of data found; the answer text is not kept (its
 * length is), sentence verdicts without their text.
 *
 * @param id             the answer's id, as the client received it
 * @param time           when the question arrived
 * @param channel        how the question arrived
 * @param mode           who wrote the answer
 * @param model          model, endpoint and whether it is approved for health data
 * @param corpusVersion  corpus version the answer was drawn from
 * @param corpusDate     when that version was produced (ISO-8601), or null
 * @param language       the question's language
 * @param fingerprint    keyed hash of the normalised question ({@link QuestionFingerprint})
 * @param question       the question as asked when it held no identifying data; null otherwise
 * @param findingTypes   the kinds of identifying data found in the question (never the data)
 * @param filters        the filters asked for
 * @param retrieved      ids of the passages retrieval returned, best first
 * @param cited          ids of the passages shown with the answer, in their {@code [n]} order
 * @param verdicts       each sentence's verdict, whether it was delivered and what it cites
 * @param abstained      whether Preuve abstained
 * @param deliveredChars length of the delivered answer text (on abstention, of the message saying so)
 * @param warnings       warnings shown with the answer (identifying data in them replaced by placeholders)
 * @param timings        latency: retrieval, answer and total milliseconds
 * @param requester      who asked: the API token's name or the user the hospital's proxy named (never a secret);
 *                       null when the server runs without authentication, and on the command line
 */
public record AuditEntry(String id, Instant time, AuditChannel channel, AnswerMode mode, ModelInfo model, String corpusVersion,
                         String corpusDate, String language, String fingerprint, String question,
                         List<FindingType> findingTypes, Filters filters, List<String> retrieved, List<String> cited,
                         List<SentenceVerdict> verdicts, boolean abstained, int deliveredChars, List<String> warnings,
                         Timings timings, String requester) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(fingerprint, "fingerprint");
        findingTypes = List.copyOf(findingTypes);
        retrieved = List.copyOf(retrieved);
        cited = List.copyOf(cited);
        verdicts = List.copyOf(verdicts);
        warnings = List.copyOf(warnings);
        if (question != null && !findingTypes.isEmpty()) {
            throw new IllegalArgumentException("entry " + id + " keeps the text of a question with identifying data ("
                    + findingTypes + ")");
        }
    }

    /** One sentence's verdict, without its text. */
    public record SentenceVerdict(Verdict verdict, boolean delivered, List<Integer> citations) {
        public SentenceVerdict {
            citations = List.copyOf(citations);
        }
    }

    /** The entry for an answer given over {@code channel} to a question that arrived at {@code time}. */
    public static AuditEntry of(Answered answered, Filters filters, AuditChannel channel, Instant time,
                                QuestionFingerprint fingerprint, String requester) {
        Answer a = answered.answer();
        AskedQuestion q = answered.question();
        List<Finding> found = q.identifying();
        List<FindingType> types = found.stream().map(Finding::type).distinct().toList();
        return new AuditEntry(a.id(), time, channel, a.mode(), a.model(), a.corpusVersion(), a.corpusDate(),
                a.language(), fingerprint.of(q.text()), found.isEmpty() ? q.text() : null, types, filters,
                answered.retrieved(), a.passages().stream().map(CitedPassage::id).toList(),
                a.sentences().stream().map(s -> new SentenceVerdict(s.verdict(), s.delivered(), s.citations())).toList(),
                a.abstained(), a.answer().length(),
                a.warnings().stream().map(w -> scrub(w, found)).toList(), a.timings(), requester);
    }

    /** Sentences with {@code verdict}. */
    public long count(Verdict verdict) {
        return verdicts.stream().filter(v -> v.verdict() == verdict).count();
    }

    /** Sentences delivered to the clinician. */
    public long delivered() {
        return verdicts.stream().filter(SentenceVerdict::delivered).count();
    }

    /** {@code text} with every identifying string of the question replaced by its placeholder. */
    private static String scrub(String text, List<Finding> found) {
        String out = text;
        for (Finding f : found) {
            out = out.replace(f.text(), f.type().placeholder());
        }
        return out;
    }
}
