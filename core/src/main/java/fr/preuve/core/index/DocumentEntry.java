package fr.preuve.core.index;

/**
 * The summary of one indexed document: what a version manifest records and what consistency checks compare.
 *
 * @param id          {@code source:native-id}
 * @param contentHash SHA-256 of its parsed content
 * @param passages    passage count recorded on its doc entry
 * @param origin      name of the declared source that produced it
 */
public record DocumentEntry(String id, String contentHash, int passages, String origin) {
}
