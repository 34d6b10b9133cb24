package fr.preuve.eval.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.doc.DocumentId;
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
 */
public record Question(String id, String question, String lang, List<DocumentId> goldDocs, String goldText,
                       List<String> keyFacts, boolean unanswerable) {

    static final java.util.Set<String> FIELDS = new java.util.LinkedHashSet<>(
            List.of("id", "question", "lang", "gold_docs", "gold_text", "key_facts", "unanswerable"));

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(lang, "lang");
        goldDocs = List.copyOf(goldDocs);
        keyFacts = List.copyOf(keyFacts);
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
        return new Question(id, question, lang, docs, goldText, facts, unanswerable);
    }

    /** This question as one JSON object, fields in the documented order. */
    public ObjectNode toJson() {
        ObjectNode o = Jsonl.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("question", question);
        o.put("lang", lang);
        var docs = o.putArray("gold_docs");
        goldDocs.forEach(d -> docs.add(d.toString()));
        if (goldText != null) {
            o.put("gold_text", goldText);
        }
        var facts = o.putArray("key_facts");
        keyFacts.forEach(facts::add);
        o.put("unanswerable", unanswerable);
        return o;
    }
}
