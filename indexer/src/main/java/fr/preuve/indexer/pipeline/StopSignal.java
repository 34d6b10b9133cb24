package fr.preuve.indexer.pipeline;

/**
 * Whether someone asked the run to stop (a librarian's cancel). The indexer asks between batches; when it is asked to
 * stop it commits what is written, with its cursors, and throws {@link RunStopped}: the next run resumes from there,
 * as after a crash.
 */
@FunctionalInterface
public interface StopSignal {
    boolean requested();

    /** Never asks to stop. */
    StopSignal NEVER = () -> false;
}
