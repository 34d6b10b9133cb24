package fr.preuve.core.answer;

/** Where the time of an answer went, in milliseconds. */
public record Timings(double retrievalMs, double answerMs, double totalMs) {
}
