package fr.preuve.eval.run;

/**
 * Where an evaluation says how far it is: {@link #note} for a message, {@link #step} for a counted task (a console
 * draws it as one line redrawn in place, with rate and time left; a log gets plain lines). A lambda over lines is a
 * {@code Progress} whose steps read {@code "questions 100/124"}, one every {@value #EVERY} items and at the end.
 */
@FunctionalInterface
public interface Progress {
    /** Says nothing. */
    Progress NONE = line -> {
    };

    /** How often a plain {@code Progress} writes a step: every this many items, and the last. */
    int EVERY = 100;

    /** A message line. */
    void note(String line);

    /** {@code done} of the {@code total} items of {@code task} are done ({@code done == total} at the end). */
    default void step(String task, int done, int total) {
        if (done == total || done % EVERY == 0) {
            note(task + " " + done + "/" + total);
        }
    }

    /** The same progress with {@code prefix} before each task and message. */
    default Progress prefixed(String prefix) {
        Progress to = this;
        return new Progress() {
            @Override
            public void note(String line) {
                to.note(prefix + line);
            }

            @Override
            public void step(String task, int done, int total) {
                to.step(prefix + task, done, total);
            }
        };
    }
}
