package fr.preuve.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @Test
    void appendReadRoundTripAndTrend(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("eval/history.jsonl");
        assertTrue(History.read(file).isEmpty(), "a missing history is empty");
        History.append(file, History.of(Fixtures.scifact("scifact"), Instant.parse("2026-11-20T02:00:00Z")));
        History.append(file, History.of(Fixtures.frDemo(), Instant.parse("2026-11-20T02:10:00Z")));
        History.append(file, History.of(Fixtures.scifact("scifact"), Instant.parse("2026-11-21T02:00:00Z")));
        assertEquals(3, Files.readAllLines(file).size(), "one line per run");

        List<History.Entry> all = History.read(file);
        assertEquals(3, all.size());
        History.Entry first = all.get(0);
        assertEquals("beir", first.kind());
        assertEquals("scifact", first.dataset());
        assertEquals("test", first.split());
        assertEquals(300, first.n());
        assertEquals("beir-scifact-20261122-a0617786", first.corpusVersion());
        assertEquals("bge-small-en-v1.5-q", first.model());
        assertEquals(0.7296, first.value("hybrid", "ndcg@10"), 1e-12);
        assertEquals(300, first.metrics().get("hybrid").get("ndcg@10").n());
        assertEquals(List.of(0.689, 0.771), first.metrics().get("hybrid").get("ndcg@10").ci95());
        assertEquals(32.9, first.latency().get("hybrid").p50(), 1e-12);
        History.Entry q = all.get(1);
        assertEquals("questions", q.kind());
        assertEquals("extractive", q.mode());
        assertEquals(157, q.metrics().get("answers").get("hallucination_rate").n());

        fr.preuve.eval.metrics.Scores scifact = Fixtures.scifact("scifact").scores();
        List<History.Entry> trend = History.trend(all, scifact, 20);
        assertEquals(2, trend.size());
        assertEquals("2026-11-20T02:00:00Z", trend.get(0).time());
        assertEquals("2026-11-21T02:00:00Z", trend.get(1).time());
        assertEquals(1, History.trend(all, scifact, 1).size());
        assertEquals(1, History.trend(all, Fixtures.frDemo().scores(), 20).size());
        fr.preuve.eval.metrics.Scores partial = new fr.preuve.eval.metrics.Scores("beir", "scifact", "test", 30,
                "retrieval", scifact.groups());
        assertEquals(0, History.trend(all, partial, 20).size(), "a partial run is another series");
        fr.preuve.eval.metrics.Scores generative = new fr.preuve.eval.metrics.Scores("questions", "fr-demo.jsonl", null,
                56, "generative", Fixtures.frDemo().scores().groups());
        assertEquals(0, History.trend(all, generative, 20).size(), "an LLM run is another series");

        History.append(file, History.of(Fixtures.expertQa(), Instant.parse("2026-11-21T02:20:00Z")));
        History.Entry judge = History.read(file).get(3);
        assertEquals("support", judge.kind());
        assertEquals("expertqa-medicine-dev.jsonl", judge.dataset());
        assertEquals(178, judge.n());
        assertEquals("default-v1", judge.mode());
        assertEquals(57, judge.metrics().get("judge").get("precision").n());
        assertEquals(0.860, judge.value("judge", "precision"), 1e-12);
        assertEquals(720.0, judge.latency().get("judge").p95(), 1e-12);
        assertEquals(1, History.trend(History.read(file), Fixtures.expertQa().scores(), 20).size());

        String html = new HtmlReport("t", "c", "d").add(Fixtures.scifact("scifact")).history(all).render();
        assertTrue(html.contains("<svg class=\"trend\""), "two runs make a trend plot");
        assertEquals(2, html.split("<circle class=\"run\"", -1).length - 1);
    }

    @Test
    void aBadLineNamesFileAndLine(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("history.jsonl");
        History.append(file, History.of(Fixtures.frDemo(), Instant.EPOCH));
        Files.writeString(file, "{not json\n", java.nio.file.StandardOpenOption.APPEND);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> History.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    }
}
