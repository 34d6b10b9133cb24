package fr.preuve.app.runtime;

import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.pipeline.IndexState;
import fr.preuve.indexer.pipeline.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar with rate and ETA. On a terminal it redraws one line; otherwise (logs, CI) it prints a line
 * every few seconds.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long minIntervalNanos;
    private long lastPrint;
    private IndexState lastState;

    public ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.minIntervalNanos = terminal ? 200_000_000L : 10_000_000_000L;
    }

    /** Progress on stderr: redrawn in place on a terminal, a line every ten seconds otherwise (logs, pipes). */
    public static ConsoleProgress stderr() {
        return new ConsoleProgress(System.err, interactive(System.console()));
    }

    /**
     * Whether {@code console} is a terminal. From JDK 22 {@link System#console()} is no longer null when the streams
     * are redirected, and {@code Console.isTerminal()} (JDK 22+, above this code's release 21) says it; on older JDKs a
     * console is a terminal.
     */
    static boolean interactive(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void onProgress(IndexProgress p) {
        long now = System.nanoTime();
        boolean stateChanged = p.state() != lastState;
        if (!stateChanged && now - lastPrint < minIntervalNanos && p.state() != IndexState.DONE) {
            return;
        }
        lastPrint = now;
        lastState = p.state();
        String line = render(p);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            if (p.state().over()) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** One line: {@code [#########.....]  45%  900/2000 passages  7.1/s  ETA 2m35s}. */
    public static String render(IndexProgress p) {
        return switch (p.state()) {
            case READING -> "preuve index: reading " + (p.source() == null ? "" : p.source())
                    + " (" + p.documentsRead() + " documents so far)";
            case EMBEDDING -> {
                int filled = (int) Math.round(p.fraction() * WIDTH);
                yield String.format(Locale.ROOT, "preuve index: [%s%s] %3d%%  %d/%d passages  %.1f/s  ETA %s",
                        "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(p.fraction() * 100),
                        p.passagesDone(), p.passagesTotal(), p.ratePerSecond(), duration(p.etaSeconds()));
            }
            default -> "preuve index: " + p.message();
        };
    }

    static String duration(long seconds) {
        if (seconds < 0) {
            return "--";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
    }
}
