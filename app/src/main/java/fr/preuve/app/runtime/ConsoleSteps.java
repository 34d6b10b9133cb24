package fr.preuve.app.runtime;

import fr.preuve.eval.run.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * An evaluation's progress on the console, as {@link ConsoleProgress} shows indexing: on a terminal each counted task
 * is one line redrawn in place with its rate and time left ({@code preuve eval questions [####....] 40% 50/124
 * 3.2/s ETA 23s}), ended when the task is; otherwise (logs, CI) a plain line every ten seconds and at the end of each
 * task. Messages are printed as they come, on a line of their own.
 */
public final class ConsoleSteps implements Progress {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long minIntervalNanos;
    private String task;
    private long started;
    private long lastPrint;
    private boolean open;

    public ConsoleSteps(PrintWriter out, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
        this.minIntervalNanos = terminal ? 200_000_000L : 10_000_000_000L;
    }

    /** On {@code err}, the command's standard error: redrawn in place on a terminal, plain lines otherwise. */
    public static ConsoleSteps on(PrintWriter err) {
        return new ConsoleSteps(err, ConsoleProgress.interactive(System.console()), System::nanoTime);
    }

    @Override
    public synchronized void note(String line) {
        endLine();
        out.println("preuve " + line);
        out.flush();
    }

    @Override
    public synchronized void step(String name, int done, int total) {
        long now = nanos.getAsLong();
        if (!name.equals(task)) {
            endLine();
            task = name;
            started = now;
            lastPrint = Long.MIN_VALUE / 2;
        }
        boolean last = done >= total;
        if (!last && now - lastPrint < minIntervalNanos) {
            return;
        }
        lastPrint = now;
        String line = render(name, done, total, (now - started) / 1e9);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            open = !last;
            if (last) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
        if (last) {
            task = null;
        }
    }

    private void endLine() {
        if (open) {
            out.println();
            open = false;
        }
    }

    /** One line: {@code preuve eval questions [#########.....]  45%  56/124  3.2/s  ETA 21s}. */
    static String render(String task, int done, int total, double seconds) {
        double fraction = total <= 0 ? 1 : Math.min(1, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
        return String.format(Locale.ROOT, "preuve %s [%s%s] %3d%%  %d/%d  %.1f/s  ETA %s", task, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), done, total, rate,
                ConsoleProgress.duration(eta));
    }
}
