package fr.preuve.eval.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.question.AnswerType;
import java.util.List;
import java.util.Objects;

/**
 * One evaluation question over a Preuve corpus; one line of a questions JSONL file (format: {@code eval/datasets/README.md}).
 *
 * @param id           unique in its file ({@code fr-demo-012})
 * @param question     the question as a clinician asks it
 * @param lang         ISO 639-1 code of the question ({@code fr}, {@code en})
 * @param goldDocs     documents that answer it; empty exactly when {@code unanswerable}
 * @param goldText     an optional quote from a gold document that supports the answer, or {@code null}
 * @param keyFacts     short strings a correct answer must contain (matched case-insensitively, spaces normalised)
 * @param unanswerable true when the corpus holds no answer: the right behaviour is to abstain
 * @param split        {@code dev} (tuning may look at it) or {@code test} (held out), or null for a set without splits
 * @param goldPages    pages of the gold document where {@code goldText} is (paged sources); may be empty
 * @param nearMiss     for an unanswerable question: whether it is close to what the corpus covers
 * @param absent       for an unanswerable question: words found nowhere in the corpus, the first being the missing
 *                     entity; empty otherwise
 * @param answerType   what kind of fact the question asks for ({@code dose}, {@code yes_no}…), or null for a set
 *                     that does not say
 */
public record Question(String id, String question, String lang, List<DocumentId> goldDocs, String goldText,
                       List<String> keyFacts, boolean unanswerable, Split split, List<Integer> goldPages,
                       boolean nearMiss, List<String> absent, AnswerType answerType) {

    static final java.util.Set<String> FIELDS = new java.util.LinkedHashSet<>(
            List.of("id", "question", "lang", "split", "answer_type", "gold_docs", "gold_pages", "gold_text",
                    "key_facts", "unanswerable", "near_miss", "absent"));

    /** The held-out discipline of a question set: thresholds and models are fitted on dev, reported on test. */
    public enum Split {
        DEV, TEST;

        /** {@code dev} or {@code test}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** {@code dev} or {@code test}; anything else is refused, naming the value. */
        public static Split parse(String s) {
            for (Split v : values()) {
                if (v.key().equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("expected \"dev\" or \"test\", got '" + s + "'");
        }
    }

    /** A question of a set without splits, pages, near-miss labels or answer types. */
    public Question(String id, String question, String lang, List<DocumentId> goldDocs, String goldText,
                    List<String> keyFacts, boolean unanswerable) {
        this(id, question, lang, goldDocs, goldText, keyFacts, unanswerable, null, List.of(), false, List.of(), null);
    }

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(lang, "lang");
        goldDocs = List.copyOf(goldDocs);
        keyFacts = List.copyOf(keyFacts);
        goldPages = List.copyOf(goldPages);
        absent = List.copyOf(absent);
        if (unanswerable && (!goldDocs.isEmpty() || !keyFacts.isEmpty() || goldText != null)) {
            throw new IllegalArgumentException("question " + id + " is unanswerable but has gold documents, key facts or gold text");
        }
        if (!unanswerable && goldDocs.isEmpty()) {
            throw new IllegalArgumentException("question " + id + " is answerable but has no gold document");
        }
    }

    /** Binds and checks one JSONL line. */
    static Question parse(Jsonl.Line l) {
        l.onlyFields(FIELDS);
        String id = l.id("id");
        String question = l.requiredString("question");
        String lang = l.requiredString("lang");
        if (!lang.matches("[a-z]{2}")) {
            throw l.error("lang", "expected an ISO 639-1 code such as \"fr\" or \"en\", got '" + lang + "'");
        }
        List<String> rawDocs = l.strings("gold_docs", true);
        List<DocumentId> docs = new java.util.ArrayList<>();
        for (int i = 0; i < rawDocs.size(); i++) {
            try {
                docs.add(DocumentId.parse(rawDocs.get(i)));
            } catch (IllegalArgumentException e) {
                throw l.error("gold_docs[" + i + "]", e.getMessage());
            }
        }
        String goldText = l.optionalString("gold_text");
        List<String> facts = l.strings("key_facts", false);
        boolean unanswerable = l.optionalBoolean("unanswerable", false);
        String rawSplit = l.optionalString("split");
        Split split;
        try {
            split = rawSplit == null ? null : Split.parse(rawSplit);
        } catch (IllegalArgumentException e) {
            throw l.error("split", e.getMessage());
        }
        String rawType = l.optionalString("answer_type");
        AnswerType answerType;
        try {
            answerType = rawType == null ? null : AnswerType.parse(rawType);
        } catch (IllegalArgumentException e) {
            throw l.error("answer_type", e.getMessage());
        }
        List<Integer> pages = l.positiveInts("gold_pages");
        boolean nearMiss = l.optionalBoolean("near_miss", false);
        List<String> absent = l.strings("absent", false);
        if (!unanswerable && (nearMiss || !absent.isEmpty())) {
            throw l.error(nearMiss ? "near_miss" : "absent", "only for an unanswerable question");
        }
        if (unanswerable && !pages.isEmpty()) {
            throw l.error("gold_pages", "must be absent when unanswerable is true");
        }
        if (unanswerable) {
            if (!docs.isEmpty()) {
                throw l.error("gold_docs", "must be empty when unanswerable is true");
            }
            if (!facts.isEmpty()) {
                throw l.error("key_facts", "must be empty when unanswerable is true");
            }
            if (goldText != null) {
                throw l.error("gold_text", "must be absent when unanswerable is true");
            }
        } else if (docs.isEmpty()) {
            throw l.error("gold_docs", "must name at least one document (or set \"unanswerable\": true)");
        }
        return new Question(id, question, lang, docs, goldText, facts, unanswerable, split, pages, nearMiss, absent,
                answerType);
    }

    /** The source of the first gold document ({@code who}, {@code pubmed}, {@code has}), or {@code none}. */
    public String goldSource() {
        return goldDocs.isEmpty() ? "none" : goldDocs.get(0).source().key();
    }

    /** This question as one JSON object, fields in the documented order. */
    public ObjectNode toJson() {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("question", question);
        o.put("lang", lang);
        if (split != null) {
            o.put("split", split.key());
        }
        if (answerType != null) {
            o.put("answer_type", answerType.key());
        }
        var docs = o.putArray("gold_docs");
        goldDocs.forEach(d -> docs.add(d.toString()));
        if (!goldPages.isEmpty()) {
            var pages = o.putArray("gold_pages");
            goldPages.forEach(pages::add);
        }
        if (goldText != null) {
            o.put("gold_text", goldText);
        }
        var facts = o.putArray("key_facts");
        keyFacts.forEach(facts::add);
        o.put("unanswerable", unanswerable);
        if (unanswerable && !absent.isEmpty()) {
            o.put("near_miss", nearMiss);
            var words = o.putArray("absent");
            absent.forEach(words::add);
        }
        return o;
    }
}
