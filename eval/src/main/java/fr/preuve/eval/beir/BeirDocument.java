package fr.preuve.eval.beir;

/** One line of a BEIR {@code corpus.jsonl}: {@code {"_id", "title", "text"}} (title may be empty). */
public record BeirDocument(String id, String title, String text) {
}
