package fr.preuve.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.regression.Regressions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens a generated report in real headless Chromium: the DOM must hold the figures and the SVG plots. */
class ChromiumReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void reportRendersInHeadlessChromium(@TempDir Path tmp) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("/usr/bin/chromium is missing: install Debian's chromium (apt-get install chromium) to run the HTML report test");
        }
        Path history = tmp.resolve("history.jsonl");
        RetrievalEvaluation.Result r = Fixtures.scifact("scifact");
        History.append(history, History.of(r, Instant.parse("2026-11-21T02:00:00Z")));
        History.append(history, History.of(r, Instant.parse("2026-11-22T02:00:00Z")));
        for (String night : List.of("2026-11-21T02:30:00Z", "2026-11-22T02:30:00Z")) {
            History.append(history, History.of(Fixtures.frDemo(), Instant.parse(night)));
            History.append(history, History.of(Fixtures.expertQa(), Instant.parse(night)));
        }
        Path report = tmp.resolve("report.html");
        new HtmlReport("Preuve evaluation <nightly>", "preuve eval suite nightly", "2026-11-22T02:00:00Z").add(r)
                .add(Fixtures.frDemo()).add(Fixtures.expertQa())
                .baseline(Regressions.load(Fixtures.root().resolve("eval/regressions.yaml")))
                .history(History.read(history)).write(report);

        String dom = run(tmp, "--dump-dom", report.toUri().toString());
        for (String s : List.of("0.6829", "0.7196", "0.7296", "[0.689, 0.771]", "Preuve evaluation &lt;nightly&gt;",
                "beir-scifact-20261122-a0617786", "hallucination_rate", "[0.530, 0.803]", "p95 54.5", "published 0.742",
                "Support judge: expertqa-medicine-dev.jsonl", "support judge default-v1", "[0.747, 0.927]", "p95 720.0")) {
            assertTrue(dom.contains(s), "rendered DOM lacks " + s + ":\n" + dom.substring(0, Math.min(2000, dom.length())));
        }
        // retrieval, answers and the support judge each get bars, latency, a metric trend and a latency trend
        for (String plot : List.of("bars", "latency", "trend", "latency-trend")) {
            assertEquals(3, HtmlReportTest.count(dom, "<svg class=\"" + plot + "\""), plot);
        }
        assertEquals(12 + 5 + 4, HtmlReportTest.count(dom, "<rect class=\"bar\""), "retrieval, answer, judge metrics");
        assertEquals(12 + 5 + 3, HtmlReportTest.count(dom, "<path class=\"whisker\""), "F1 has no interval");
        assertTrue(dom.contains("<polyline"), "trend line");
        assertTrue(!dom.contains("<script"));

        Path png = Path.of("target/eval-report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Files.createDirectories(png.getParent());
        run(tmp, "--screenshot=" + png, "--window-size=1200,1600", report.toUri().toString());
        assertTrue(Files.isRegularFile(png), "no screenshot at " + png);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 20_000, "screenshot too small to hold the plots: " + head.length + " bytes");
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII));
        int width = ((head[16] & 0xff) << 24) | ((head[17] & 0xff) << 16) | ((head[18] & 0xff) << 8) | (head[19] & 0xff);
        assertEquals(1200, width);
    }

    private static String run(Path tmp, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tmp.resolve("chromium-profile")));
        cmd.addAll(List.of(extra));
        Path out = tmp.resolve("chromium.out");
        Path err = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 60 s: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) {
            fail("chromium exited " + p.exitValue() + ": " + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
