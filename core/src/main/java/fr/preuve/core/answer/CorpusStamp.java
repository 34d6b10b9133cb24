package fr.preuve.core.answer;

/**
 * The corpus an answer was drawn from, read once per answer so version and date always belong together.
 *
 * @param version corpus version ({@code demo-20261122-3f2a9c1b}), or {@code <name>-indexing} before a first run
 * @param date    ISO-8601 instant at which that version was produced, or null before a first complete run
 */
public record CorpusStamp(String version, String date) {
}
