package fr.preuve.eval.answers;

import fr.preuve.core.answer.Answered;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.embed.Embedder;
import java.util.Optional;

/**
 * Answers asked in process over the corpus index, as the application wires them (its runtime, opened read-only for
 * one evaluation run and closed after it).
 */
public interface LocalAnswers extends AutoCloseable {

    /** Answers {@code question} without filters, as {@code POST /api/ask} would. */
    Answered answer(String question);

    /** The indexed passage {@code id}, if the index holds it. */
    Optional<Passage> passage(String id);

    /** The query embedder of the index, for the support check. */
    Embedder queryEmbedder();

    @Override
    void close();

    /** Opens the answers of one run. */
    @FunctionalInterface
    interface Opener {
        LocalAnswers open();
    }
}
