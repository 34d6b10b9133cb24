package fr.preuve.eval.answers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.AnswerSentence;
import fr.preuve.core.answer.CitedPassage;
import fr.preuve.core.answer.Timings;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.eval.dataset.Question;
import fr.preuve.eval.dataset.QuestionSet;
import fr.preuve.eval.metrics.Estimate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Answer metrics on hand-built answers whose correct figures are worked out by hand below. */
class AnswerEvaluationTest {

    // Real text: WHO guidelines for malaria (2023), p. 199.
    static final String P1 = "The threshold for administering antibiotic treatment should be low in severe malaria. "
            + "Septicaemia and severe malaria are associated, and there is substantial diagnostic overlap.";
    static final String P2 = "Where complete treatment of severe malaria is not possible, but injections are available, "
            + "adults and children should be given a single intramuscular dose of artesunate.";
    static final String DOC = "who:WHO-UCN-GMP-2023.01-Rev.1";

    static CitedPassage passage(int n, String text) {
        return new CitedPassage(n, DOC + "#" + n, DOC, "who", "WHO / OMS", "WHO guidelines for malaria", null, 2023,
                "2023-10-16", 199, null, "en", text, List.of());
    }

    static Answer answer(String q, boolean abstained, List<AnswerSentence> sentences, List<CitedPassage> passages) {
        String text = String.join(" ", sentences.stream().filter(AnswerSentence::delivered).map(AnswerSentence::text).toList());
        return new Answer("a-" + q.hashCode(), q, AnswerMode.GENERATIVE, "generative", abstained,
                abstained ? fr.preuve.core.answer.Coverage.NONE : fr.preuve.core.answer.Coverage.FULL, text, sentences, passages, "en",
                "verify", "test-1", "2026-11-22T10:00:00Z", new Timings(1, 1, 2), new fr.preuve.core.answer.Footprint(1, 1, 0, 0, 0), new fr.preuve.core.answer.ModelInfo("openai", "m", "e", false), List.of());
    }

    static AnswerSentence s(String text, List<Integer> citations, boolean delivered) {
        return new AnswerSentence(text, citations, Verdict.SUPPORTED, "", delivered);
    }

    @Test
    void computesCitationHallucinationKeyFactAndAbstentionFigures() {
        Question q1 = new Question("q1", "What is the treatment of severe malaria?", "en", List.of(DocumentId.parse(DOC)),
                null, List.of("antibiotic treatment", "intramuscular dose of artesunate", "quinine"), false);
        Question q2 = new Question("q2", "How do I fix a car?", "en", List.of(), null, List.of(), true);
        Question q3 = new Question("q3", "Is artesunate safe in pregnancy?", "en", List.of(DocumentId.parse(DOC)), null,
                List.of(), false);
        Map<String, Answer> answers = Map.of(
                "q1", answer("q1", false, List.of(
                        // supported: verbatim in [1]
                        s("The threshold for administering antibiotic treatment should be low in severe malaria.", List.of(1), true),
                        // supported by [2]; [1] is cited too but neither needed nor sufficient: 1 precise of 2
                        s("Adults and children should be given a single intramuscular dose of artesunate.", List.of(2, 1), true),
                        // unsupported: a changed dose, delivered
                        s("Adults should be given three intramuscular doses of artesunate.", List.of(2), true),
                        // invalid citation [9], delivered: uncited and unsupported
                        s("Severe malaria is always fatal.", List.of(9), true),
                        // unsupported, removed by the gate: counts before the gate only
                        s("Quinine is preferred to artesunate.", List.of(2), false)),
                        List.of(passage(1, P1), passage(2, P2))),
                "q2", answer("q2", true, List.of(), List.of(passage(1, P1))),
                "q3", answer("q3", true, List.of(), List.of(passage(1, P1))));

        AnswerEvaluation.Result r = AnswerEvaluation.run(new QuestionSet(null, List.of(q1, q2, q3)),
                q -> answers.get(q.id()), SupportCheck.VERBATIM);

        Map<String, Estimate> m = r.metrics();
        // Citations of delivered sentences: [1], [2,1], [2], [9] = 5, one invalid.
        assertThat(m.get("citation_validity").value()).isEqualTo(4.0 / 5);
        assertThat(m.get("citation_validity").n()).isEqualTo(5);
        // 4 delivered sentences, 1 without a valid citation.
        assertThat(m.get("citation_coverage").value()).isEqualTo(3.0 / 4);
        // Supported: sentences 1 and 2 ("Adults and children..." is contained in P2 once case is folded).
        assertThat(m.get("supported_sentence_rate").value()).isEqualTo(2.0 / 4);
        assertThat(m.get("hallucination_rate").value()).isEqualTo(2.0 / 4);
        assertThat(m.get("hallucination_rate_before_gate").value()).isEqualTo(3.0 / 5);
        // One answered question, and it has an unsupported sentence.
        assertThat(m.get("hallucination_rate_answers").value()).isEqualTo(1.0);
        assertThat(m.get("citation_recall").value()).isEqualTo(2.0 / 4);
        // Precise citations: [1] of s1, [2] of s2 (not [1]), none for s3 ([2] does not contain it), none for [9].
        assertThat(m.get("citation_precision").value()).isEqualTo(2.0 / 5);
        // Key facts of q1: "antibiotic treatment" and "intramuscular dose of artesunate" found, "quinine" only in a removed sentence.
        assertThat(m.get("key_fact_recall").value()).isCloseTo(2.0 / 3, Offset.offset(1e-9));
        assertThat(m.get("gold_doc_cited").value()).isEqualTo(1.0);
        assertThat(m.get("abstention_accuracy").value()).isEqualTo(1.0);
        assertThat(m.get("abstention_accuracy").n()).isEqualTo(1);
        assertThat(m.get("false_abstention_rate").value()).isEqualTo(0.5);
        assertThat(m.get("false_abstention_rate").n()).isEqualTo(2);
        // Proportions carry a Wilson interval around their value.
        assertThat(m.get("hallucination_rate").lo()).isLessThan(0.5);
        assertThat(m.get("hallucination_rate").hi()).isGreaterThan(0.5);
        assertThat(r.supportCheck()).isEqualTo("verbatim containment");
        assertThat(r.latency().n()).isEqualTo(3);
    }

    @Test
    void verbatimCheckFoldsCaseAndSpacesButNothingElse() {
        assertThat(SupportCheck.VERBATIM.supports("the threshold  for administering\nantibiotic treatment", List.of(P1))).isTrue();
        assertThat(SupportCheck.VERBATIM.supports("The threshold for administering antiviral treatment", List.of(P1))).isFalse();
        assertThat(SupportCheck.VERBATIM.supports("", List.of(P1))).isFalse();
        assertThat(SupportCheck.VERBATIM.supports("anything", List.of())).isFalse();
        // pieces joined by an ellipsis: each verbatim, in order, in the same passage
        assertThat(SupportCheck.VERBATIM.supports("The threshold for administering antibiotic treatment … there is "
                + "substantial diagnostic overlap.", List.of(P1))).isTrue();
        assertThat(SupportCheck.VERBATIM.supports("there is substantial diagnostic overlap. … The threshold for "
                + "administering antibiotic treatment", List.of(P1))).isFalse();
        assertThat(SupportCheck.VERBATIM.supports("The threshold for administering antibiotic treatment … adults and "
                + "children should be given", List.of(P1, P2))).isFalse();
    }

    @Test
    void sentencesRemovedBeforeAnAbstentionCountBeforeTheGateOnly() {
        Question q = new Question("q", "What is the treatment of severe malaria?", "en", List.of(DocumentId.parse(DOC)),
                null, List.of(), false);
        // the gate removed both sentences and Preuve abstained: one is a verbatim quote, one a changed dose
        Answer a = answer("q", true, List.of(
                s("The threshold for administering antibiotic treatment should be low in severe malaria.", List.of(1), false),
                s("Adults should be given three intramuscular doses of artesunate.", List.of(2), false)),
                List.of(passage(1, P1), passage(2, P2)));

        Map<String, Estimate> m = AnswerEvaluation.run(new QuestionSet(null, List.of(q)), x -> a, SupportCheck.VERBATIM)
                .metrics();

        assertThat(m.get("hallucination_rate_before_gate").value()).isEqualTo(0.5);
        assertThat(m.get("hallucination_rate_before_gate").n()).isEqualTo(2);
        assertThat(m.get("supported_sentence_rate_before_gate").value()).isEqualTo(0.5);
        assertThat(m.get("hallucination_rate_answers_before_gate").value()).isEqualTo(1.0);
        assertThat(m.get("hallucination_rate_answers_before_gate").n()).isEqualTo(1);
        // nothing was delivered: no after-gate figure (n would be 0), and the question counts as a false abstention
        assertThat(m).doesNotContainKeys("hallucination_rate", "citation_precision", "hallucination_rate_answers");
        assertThat(m.get("false_abstention_rate").value()).isEqualTo(1.0);
    }

    @Test
    void theJudgeDecidesOnlyWhatIsNotQuotedVerbatim() {
        List<String> judged = new java.util.ArrayList<>();
        fr.preuve.core.verify.SupportJudge paraphrases = new fr.preuve.core.verify.SupportJudge() {
            @Override
            public Judgement judge(String claim, List<String> evidence) {
                judged.add(claim);
                return new Judgement(0.9, claim.contains("antibiotics"), "stub");
            }

            @Override
            public String name() {
                return "stub-v1";
            }
        };
        SupportCheck check = SupportCheck.verbatimElse(paraphrases);

        assertThat(check.supports("Septicaemia and severe malaria are associated", List.of(P1))).isTrue();
        assertThat(check.supports("Give antibiotics early in severe malaria", List.of(P1))).isTrue();
        assertThat(check.supports("Severe malaria is always fatal", List.of(P1))).isFalse();
        assertThat(check.supports("Give antibiotics early", List.of())).as("nothing cited").isFalse();
        assertThat(judged).containsExactly("Give antibiotics early in severe malaria", "Severe malaria is always fatal");
        assertThat(check.name()).isEqualTo("verbatim containment, else judge stub-v1");
    }

    @Test
    void keyFactsAreFoundWithNumbersWrittenEitherWay() {
        // Key facts of xl-demo.jsonl against the way other passages and answers write them
        assertThat(KeyFacts.found("6–12 h intervals", "examined at 6-12 h intervals, or")).isTrue();
        assertThat(KeyFacts.found("2.4 mg/kg", "la dose est de 2,4 mg/kg par injection")).isTrue();
        assertThat(KeyFacts.found("42%", "a lower risk (42 %) of adverse outcomes")).isTrue();
        assertThat(KeyFacts.found("< 8 g/dL", "concentration of <\u00A08 g/dL")).isTrue();
        assertThat(KeyFacts.found("20 mg", "2 mg")).isFalse();
        assertThat(KeyFacts.found("1–5 weeks", "15 weeks")).isFalse();
    }
}
