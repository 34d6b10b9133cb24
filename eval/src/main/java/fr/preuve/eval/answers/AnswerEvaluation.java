package fr.preuve.eval.answers;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.Coverage;
import fr.preuve.core.verify.QuoteShape;
import fr.preuve.core.answer.AnswerSentence;
import fr.preuve.core.answer.CitedPassage;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.eval.bench.Latencies;
import fr.preuve.eval.dataset.Question;
import fr.preuve.eval.dataset.QuestionSet;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.metrics.Scores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a question set through an answerer and measures what a clinician cares about: are citations valid, is every
 * sentence cited and supported by what it cites (the hallucination rate, per sentence and per answer, before and after
 * the verification gate), are the key facts there, does it abstain when it should and only then, how long it takes.
 */
public final class AnswerEvaluation {
    /** Every metric key a run may report (a key whose denominator is zero in a run is left out of it). */
    public static final List<String> METRICS = List.of("citation_validity", "citation_coverage",
            "supported_sentence_rate", "hallucination_rate", "supported_sentence_rate_before_gate",
            "hallucination_rate_before_gate", "hallucination_rate_answers", "hallucination_rate_answers_before_gate",
            "citation_recall", "citation_precision", "key_fact_recall", "gold_doc_cited", "gold_doc_top5",
            "abstention_accuracy", "abstention_accuracy_near_miss", "false_abstention_rate", "partial_answer_rate",
            "malformed_quote_rate");
    /**
     * Sub-groups a run also reports, as {@code metric@group}: per question language, and per language and gold source
     * ({@code fr/who}; {@code none} for unanswerable questions).
     */
    public static final String GROUP_SEPARATOR = "@";

    private AnswerEvaluation() {
    }

    /**
     * What one question gave.
     *
     * @param goldTop5 whether a gold document is among the first 5 passages retrieval returned (null when unanswerable
     *                 or when the answerer does not tell what it retrieved)
     */
    public record PerQuestion(String id, String lang, String source, boolean unanswerable, boolean nearMiss,
                              boolean abstained, int delivered, int unsupported, int unsupportedBeforeGate,
                              int sentencesBeforeGate, int citations, int invalidCitations, int preciseCitations,
                              int uncited, Double keyFactRecall, Boolean goldCited, Boolean goldTop5, double millis,
                              Coverage coverage, int quoted, int malformed) {
        /** Whether the answer claims to answer the question (neither an abstention nor a partial answer). */
        public boolean claims() {
            return coverage == Coverage.FULL;
        }
    }

    /**
     * An answer and, when known, the documents of the passages retrieval returned, best first.
     *
     * @param retrievedDocs document ids in retrieval order (repeats allowed), or null when unknown (a remote server)
     */
    public record Asked(Answer answer, List<String> retrievedDocs) {
    }

    /** Passages whose documents {@code gold_doc_top5} looks at. */
    public static final int TOP = 5;

    /**
     * The figures of a run; metric keys as in the issue ({@code hallucination_rate}, {@code citation_precision}...).
     *
     * @param mode          {@code generative} when any answer was written by a model, else {@code extractive}
     * @param supportCheck  how support was decided (and by which judge)
     * @param model         the model that wrote the generative answers (provider, name, endpoint, health-data
     *                      approval), or the local extractive one
     * @param answersByMode how many answers each mode gave (generative runs fall back to extractive on model failures)
     * @param split         the split every question belongs to ({@code dev}, {@code test}), or null
     */
    public record Result(String dataset, String mode, String corpusVersion, String supportCheck, ModelInfo model,
                         Map<String, Integer> answersByMode, int questions, Map<String, Estimate> metrics,
                         Latencies latency, List<PerQuestion> perQuestion, String split) {

        /** The figures for thresholds, pins and the history. */
        public Scores scores() {
            return new Scores(Scores.QUESTIONS, dataset, split, questions, mode, Map.of(Scores.ANSWERS, metrics));
        }

        /** {@code provider/model @ endpoint}, with the health-data flag; for reports. */
        public String modelLabel() {
            return model == null ? mode : model.provider() + "/" + model.model() + " @ " + model.endpoint()
                    + (model.healthDataApproved() ? " (approved for health data)" : " (not approved for health data)");
        }
    }

    /** Asks every question of {@code set} with {@code asker} and scores the answers. */
    public static Result run(QuestionSet set, Function<Question, Answer> asker, SupportCheck check) {
        return run(set, asker, check, null);
    }

    /** The same, with a step per question on {@code progress} (may be null). */
    public static Result run(QuestionSet set, Function<Question, Answer> asker, SupportCheck check,
                             fr.preuve.eval.run.Progress progress) {
        return runAsked(set, q -> new Asked(asker.apply(q), null), check, progress);
    }

    /** The same, with what retrieval returned for each question (for {@code gold_doc_top5}). */
    public static Result runAsked(QuestionSet set, Function<Question, Asked> asker, SupportCheck check,
                                  fr.preuve.eval.run.Progress progress) {
        List<PerQuestion> rows = new ArrayList<>();
        Map<String, Integer> byMode = new java.util.TreeMap<>();
        ModelInfo first = null;
        ModelInfo generative = null;
        String version = null;
        for (Question q : set.questions()) {
            long t0 = System.nanoTime();
            Asked asked = asker.apply(q);
            Answer a = asked.answer();
            double ms = (System.nanoTime() - t0) / 1e6;
            byMode.merge(a.mode().key(), 1, Integer::sum);
            first = first == null ? a.model() : first;
            generative = generative == null && a.mode() == AnswerMode.GENERATIVE ? a.model() : generative;
            version = a.corpusVersion();
            rows.add(score(q, asked, check, ms));
            if (progress != null) {
                progress.step("questions", rows.size(), set.questions().size());
            }
        }
        String mode = byMode.containsKey("generative") ? "generative" : "extractive";
        return new Result(set.file() == null ? "questions" : set.file().getFileName().toString(), mode, version,
                check.name(), generative != null ? generative : first, byMode, rows.size(), metrics(rows),
                Latencies.of(rows.stream().map(PerQuestion::millis).toList()), rows,
                set.split().map(Question.Split::key).orElse(null));
    }

    static PerQuestion score(Question q, Answer a, SupportCheck check, double ms) {
        return score(q, new Asked(a, null), check, ms);
    }

    static PerQuestion score(Question q, Asked asked, SupportCheck check, double ms) {
        Answer a = asked.answer();
        Map<Integer, CitedPassage> byN = a.passages().stream().collect(Collectors.toMap(CitedPassage::n, p -> p, (x, y) -> x));
        int delivered = 0;
        int unsupported = 0;
        int before = 0;
        int unsupportedBefore = 0;
        int citations = 0;
        int invalid = 0;
        int precise = 0;
        int uncited = 0;
        // Every sentence the answerer wrote counts before the gate, also when the gate removed them all and Preuve
        // abstained; only the delivered ones of an answer count after it.
        for (AnswerSentence s : a.sentences()) {
            boolean delivers = s.delivered() && !a.abstained();
            List<String> cited = new ArrayList<>();
            int valid = 0;
            for (int n : s.citations()) {
                CitedPassage p = byN.get(n);
                if (p == null) {
                    invalid += delivers ? 1 : 0;
                } else {
                    cited.add(p.text());
                    valid++;
                }
            }
            boolean supported = valid > 0 && check.supports(s.text(), cited);
            before++;
            unsupportedBefore += supported ? 0 : 1;
            if (delivers) {
                precise += preciseCitations(s.text(), cited, supported, check);
                delivered++;
                citations += s.citations().size();
                uncited += valid == 0 ? 1 : 0;
                unsupported += supported ? 0 : 1;
            }
        }
        Double keyFacts = null;
        Boolean goldCited = null;
        if (!q.unanswerable() && !a.abstained()) {
            if (!q.keyFacts().isEmpty()) {
                long found = q.keyFacts().stream().filter(f -> KeyFacts.found(f, a.answer())).count();
                keyFacts = (double) found / q.keyFacts().size();
            }
            Set<String> gold = q.goldDocs().stream().map(Object::toString).collect(Collectors.toSet());
            goldCited = a.passages().stream().anyMatch(p -> gold.contains(p.docId()));
        }
        Boolean top5 = null;
        if (!q.unanswerable() && asked.retrievedDocs() != null) {
            Set<String> gold = q.goldDocs().stream().map(Object::toString).collect(Collectors.toSet());
            top5 = asked.retrievedDocs().stream().limit(TOP).anyMatch(gold::contains);
        }
        // the shape of quotes, judged apart from the answerer's own rules: extractive sentences only
        int quoted = 0;
        int malformed = 0;
        if (a.mode() == AnswerMode.EXTRACTIVE && !a.abstained()) {
            for (AnswerSentence s : a.sentences()) {
                if (s.delivered()) {
                    quoted++;
                    malformed += QuoteShape.flaw(s.text()).isPresent() ? 1 : 0;
                }
            }
        }
        return new PerQuestion(q.id(), q.lang(), q.goldSource(), q.unanswerable(), q.nearMiss(), a.abstained(),
                delivered, unsupported, unsupportedBefore, before, citations, invalid, precise, uncited, keyFacts,
                goldCited, top5, ms, a.coverage(), quoted, malformed);
    }

    /**
     * ALCE citation precision for one sentence: a valid citation is precise when its passage alone supports the
     * sentence, or when the sentence is supported with it and not without it.
     */
    static int preciseCitations(String sentence, List<String> cited, boolean supported, SupportCheck check) {
        int precise = 0;
        for (int i = 0; i < cited.size(); i++) {
            List<String> others = new ArrayList<>(cited);
            others.remove(i);
            if (check.supports(sentence, List.of(cited.get(i))) || (supported && !check.supports(sentence, others))) {
                precise++;
            }
        }
        return precise;
    }

    static Map<String, Estimate> metrics(List<PerQuestion> rows) {
        Map<String, Estimate> m = overall(rows);
        Map<String, List<PerQuestion>> groups = new java.util.TreeMap<>();
        for (PerQuestion r : rows) {
            groups.computeIfAbsent(r.lang(), k -> new ArrayList<>()).add(r);
            groups.computeIfAbsent(r.lang() + "/" + r.source(), k -> new ArrayList<>()).add(r);
        }
        if (groups.size() > 2) { // more than one language or source: report each
            groups.forEach((g, members) -> overall(members).forEach((k, v) -> m.put(k + GROUP_SEPARATOR + g, v)));
        }
        return m;
    }

    /** The base metric of {@code key} ({@code false_abstention_rate@fr/who} → {@code false_abstention_rate}). */
    public static String baseMetric(String key) {
        int at = key.indexOf(GROUP_SEPARATOR);
        return at < 0 ? key : key.substring(0, at);
    }

    private static Map<String, Estimate> overall(List<PerQuestion> rows) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        int citations = sum(rows, PerQuestion::citations);
        int delivered = sum(rows, PerQuestion::delivered);
        int unsupported = sum(rows, PerQuestion::unsupported);
        int before = sum(rows, PerQuestion::sentencesBeforeGate);
        int unsupportedBefore = sum(rows, PerQuestion::unsupportedBeforeGate);
        List<PerQuestion> answered = rows.stream().filter(r -> !r.abstained()).toList();
        putProportion(m, "citation_validity", citations - sum(rows, PerQuestion::invalidCitations), citations);
        putProportion(m, "citation_coverage", delivered - sum(rows, PerQuestion::uncited), delivered);
        putProportion(m, "supported_sentence_rate", delivered - unsupported, delivered);
        putProportion(m, "hallucination_rate", unsupported, delivered);
        putProportion(m, "supported_sentence_rate_before_gate", before - unsupportedBefore, before);
        putProportion(m, "hallucination_rate_before_gate", unsupportedBefore, before);
        putProportion(m, "hallucination_rate_answers", (int) answered.stream().filter(r -> r.unsupported() > 0).count(),
                answered.size());
        // before the gate, per answer: every answer whose writer produced sentences, abstained afterwards or not
        List<PerQuestion> written = rows.stream().filter(r -> r.sentencesBeforeGate() > 0).toList();
        putProportion(m, "hallucination_rate_answers_before_gate",
                (int) written.stream().filter(r -> r.unsupportedBeforeGate() > 0).count(), written.size());
        // ALCE-style, with the support check: recall = sentences supported by their citations together; precision =
        // citations that are needed or sufficient for their sentence (invalid ones count as imprecise).
        putProportion(m, "citation_recall", delivered - unsupported, delivered);
        putProportion(m, "citation_precision", sum(rows, PerQuestion::preciseCitations), citations);
        double[] facts = rows.stream().filter(r -> r.keyFactRecall() != null).mapToDouble(PerQuestion::keyFactRecall).toArray();
        if (facts.length > 0) {
            m.put("key_fact_recall", Estimate.mean(facts, 0, 1));
        }
        List<PerQuestion> withGold = rows.stream().filter(r -> r.goldCited() != null).toList();
        putProportion(m, "gold_doc_cited", (int) withGold.stream().filter(PerQuestion::goldCited).count(), withGold.size());
        List<PerQuestion> unanswerable = rows.stream().filter(PerQuestion::unanswerable).toList();
        List<PerQuestion> answerable = rows.stream().filter(r -> !r.unanswerable()).toList();
        List<PerQuestion> withTop = rows.stream().filter(r -> r.goldTop5() != null).toList();
        putProportion(m, "gold_doc_top5", (int) withTop.stream().filter(PerQuestion::goldTop5).count(), withTop.size());
        // on an unanswerable question, saying that the corpus does not give what was asked (a partial answer) is right
        putProportion(m, "abstention_accuracy", (int) unanswerable.stream().filter(r -> !r.claims()).count(),
                unanswerable.size());
        List<PerQuestion> near = unanswerable.stream().filter(PerQuestion::nearMiss).toList();
        putProportion(m, "abstention_accuracy_near_miss", (int) near.stream().filter(r -> !r.claims()).count(),
                near.size());
        putProportion(m, "false_abstention_rate", (int) answerable.stream().filter(PerQuestion::abstained).count(), answerable.size());
        putProportion(m, "partial_answer_rate", (int) answerable.stream().filter(r -> r.coverage() == Coverage.PARTIAL)
                .count(), answerable.size());
        putProportion(m, "malformed_quote_rate", sum(rows, PerQuestion::malformed), sum(rows, PerQuestion::quoted));
        return m;
    }

    private static void putProportion(Map<String, Estimate> m, String key, int successes, int n) {
        if (n > 0) {
            m.put(key, Estimate.proportion(Math.max(0, successes), n));
        }
    }

    private static int sum(List<PerQuestion> rows, java.util.function.ToIntFunction<PerQuestion> f) {
        return rows.stream().mapToInt(f).sum();
    }
}
