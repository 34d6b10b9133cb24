package fr.preuve.indexer.pipeline;

/** A run that stopped because its {@link StopSignal} asked: what was written is committed, the next run resumes. */
public final class RunStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunStopped(String message) {
        super(message);
    }
}
