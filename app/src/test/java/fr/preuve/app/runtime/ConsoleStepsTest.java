package fr.preuve.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** An evaluation's progress: redrawn in place with rate and time left on a terminal, sparse plain lines elsewhere. */
class ConsoleStepsTest {
    private final AtomicLong clock = new AtomicLong();
    private final StringWriter text = new StringWriter();

    private ConsoleSteps console(boolean terminal) {
        return new ConsoleSteps(new PrintWriter(text), terminal, clock::get);
    }

    /** Steps 1..n of {@code task}, one second apart. */
    private void run(ConsoleSteps c, String task, int n) {
        for (int i = 1; i <= n; i++) {
            clock.addAndGet(1_000_000_000L);
            c.step(task, i, n);
        }
    }

    @Test
    void onATerminalOneLineIsRedrawnWithRateAndTimeLeftThenEnded() {
        ConsoleSteps c = console(true);
        c.step("eval questions", 0, 8);
        run(c, "eval questions", 8);
        c.note("eval questions: PASS");
        String out = text.toString();
        assertThat(out.split("\n", -1)).as("one progress line, the message, and the final newline").hasSize(3);
        assertThat(out).contains("\rpreuve eval questions [###############...............]  50%  4/8  1.0/s  ETA 4s\u001b[K")
                .contains("\rpreuve eval questions [##############################] 100%  8/8  1.0/s  ETA 0s\u001b[K\n")
                .endsWith("preuve eval questions: PASS\n");
    }

    @Test
    void aMessageDuringATaskStartsOnALineOfItsOwn() {
        ConsoleSteps c = console(true);
        clock.addAndGet(1_000_000_000L);
        c.step("eval support", 1, 4);
        c.note("eval beir: wrote run.trec");
        assertThat(text.toString()).contains("1/4").contains("\u001b[K\npreuve eval beir: wrote run.trec\n");
    }

    @Test
    void inALogAPlainLineEveryTenSecondsAndAtTheEnd() {
        ConsoleSteps c = console(false);
        run(c, "eval questions", 25);
        String out = text.toString();
        assertThat(out).doesNotContain("\r").doesNotContain("\u001b");
        assertThat(out.lines()).extracting(l -> l.replaceAll(".*\\] +[0-9]+%  ([0-9]+)/25.*", "$1"))
                .containsExactly("1", "11", "21", "25");
    }
}
