package fr.preuve.eval.dataset;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A questions file ({@code eval/datasets/*.jsonl}), loaded and checked. Ids are unique within the file.
 *
 * @param file      where it was read from
 * @param questions in file order
 */
public record QuestionSet(Path file, List<Question> questions) {

    public QuestionSet {
        questions = List.copyOf(questions);
    }

    /**
     * Reads and validates a questions JSONL file. Unknown fields, wrong types, missing required fields, bad document
     * ids, duplicate ids and inconsistent {@code unanswerable} flags are rejected with a {@link DatasetException}
     * naming the file, line and field.
     */
    public static QuestionSet load(Path file) {
        Map<String, Integer> seen = new HashMap<>();
        List<Question> qs = Jsonl.read(file, line -> {
            Question q = Question.parse(line);
            Integer first = seen.putIfAbsent(q.id(), line.line);
            if (first != null) {
                throw line.error("id", "duplicate id '" + q.id() + "' (first on line " + first + ")");
            }
            return q;
        });
        return new QuestionSet(file, qs);
    }

    /** The questions of {@code split} only (the set's file is kept, so runs are named after it). */
    public QuestionSet only(Question.Split split) {
        List<Question> kept = questions.stream().filter(q -> q.split() == split).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(file + " has no question in split '" + split.key() + "'");
        }
        return new QuestionSet(file, kept);
    }

    /** The split all questions belong to, if they all belong to the same one. */
    public java.util.Optional<Question.Split> split() {
        java.util.Set<Question.Split> splits = new java.util.HashSet<>();
        questions.forEach(q -> splits.add(q.split()));
        return splits.size() == 1 ? java.util.Optional.ofNullable(splits.iterator().next()) : java.util.Optional.empty();
    }

    public int size() {
        return questions.size();
    }

    public List<Question> answerable() {
        return questions.stream().filter(q -> !q.unanswerable()).toList();
    }

    public List<Question> unanswerable() {
        return questions.stream().filter(Question::unanswerable).toList();
    }

    /** Writes questions as JSONL, one per line, fields in the documented order. */
    public static void write(Path file, List<Question> questions) {
        Jsonl.write(file, questions.stream().map(Question::toJson).toList());
    }
}
