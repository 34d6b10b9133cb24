package fr.preuve.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.pipeline.IndexState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    static IndexProgress embedding(int done, int total, double rate, long eta) {
        return new IndexProgress(IndexState.EMBEDDING, null, 1305, done, total, 0, rate, eta, Instant.EPOCH, "");
    }

    @Test
    void rendersABarWithPercentRateAndEta() {
        assertThat(ConsoleProgress.render(embedding(2894, 5788, 19.3, 150)))
                .isEqualTo("preuve index: [###############...............]  50%  2894/5788 passages  19.3/s  ETA 2m30s");
        assertThat(ConsoleProgress.render(embedding(0, 5788, 0, -1))).contains("  0%").endsWith("ETA --");
        assertThat(ConsoleProgress.render(embedding(5788, 5788, 20, 0))).contains("[" + "#".repeat(30) + "]").contains("100%");
        assertThat(ConsoleProgress.duration(7322)).isEqualTo("2h02m");
    }

    @Test
    void aTerminalRedrawsOneLineAndALogPrintsLines() {
        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        ConsoleProgress onTty = new ConsoleProgress(new PrintStream(tty, true, StandardCharsets.UTF_8), true);
        onTty.onProgress(embedding(10, 100, 5, 18));
        onTty.onProgress(new IndexProgress(IndexState.DONE, null, 10, 100, 100, 0, 5, 0, Instant.EPOCH, "corpus demo-1 indexed"));
        String screen = tty.toString(StandardCharsets.UTF_8);
        assertThat(screen).startsWith("\r").contains("10/100").contains("\rpreuve index: corpus demo-1 indexed").endsWith("\n");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ConsoleProgress onLog = new ConsoleProgress(new PrintStream(log, true, StandardCharsets.UTF_8), false);
        onLog.onProgress(embedding(10, 100, 5, 18));
        onLog.onProgress(embedding(11, 100, 5, 18)); // within 10 s of the previous line: not printed
        onLog.onProgress(new IndexProgress(IndexState.DONE, null, 10, 100, 100, 0, 5, 0, Instant.EPOCH, "finished"));
        assertThat(log.toString(StandardCharsets.UTF_8).lines()).hasSize(2).noneMatch(l -> l.contains("\r"));
    }

    @Test
    void redirectedStreamsAreNotATerminalOnAnyJdk() {
        // the test JVM's streams are pipes to the build: from JDK 22 System.console() is not null even so
        assertThat(ConsoleProgress.interactive(System.console())).isFalse();
        assertThat(ConsoleProgress.interactive(null)).isFalse();
    }
}
