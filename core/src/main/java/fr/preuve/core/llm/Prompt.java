package fr.preuve.core.llm;

/** The two messages sent to a chat model, and the version of the template they came from. */
public record Prompt(String system, String user, String version) {
}
