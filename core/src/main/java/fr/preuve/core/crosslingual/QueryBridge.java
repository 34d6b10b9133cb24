package fr.preuve.core.crosslingual;

/**
 * Translates a question into weighted query terms of another language, each with where it came from. The seam between
 * question analysis and cross-lingual retrieval: the lexical {@link ConceptBridge} by default; tests may inject any.
 */
@FunctionalInterface
public interface QueryBridge {

    /** The concepts of {@code question} (written in {@code from}) rendered in {@code to}; ISO 639-1 codes. */
    BridgedQuery bridge(String question, String from, String to);

    /** Bridges nothing (every question stays monolingual). */
    QueryBridge NONE = (question, from, to) -> new BridgedQuery(from, to, java.util.List.of());
}
