package fr.preuve.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.metrics.Estimate;
import fr.preuve.eval.regression.Regressions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void escapeCoversTheFiveCharacters() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;&amp;&#39;y&#39;)&lt;/script&gt;", Html.esc("<script>alert(\"x\"&'y')</script>"));
        assertEquals("", Html.esc(null));
    }

    @Test
    void hostileNamesStayInert() {
        String evil = "<script>alert(1)</script>";
        RetrievalEvaluation.Result real = Fixtures.scifact(evil);
        Map<String, Map<String, Estimate>> retrievers = new LinkedHashMap<>();
        Map<String, Estimate> m = new LinkedHashMap<>(real.retrievers().get("bm25"));
        m.put("<script>evil()</script>", new Estimate(0.5, 3, List.of(0.1, 0.9)));
        retrievers.put("bm25\"><script>x()</script>", m);
        RetrievalEvaluation.Result r = new RetrievalEvaluation.Result(evil, "te<st", 300, retrievers, real.index(), real.latency());
        Map<String, Estimate> am = new LinkedHashMap<>(Fixtures.frDemo().metrics());
        am.put("<img src=x onerror=alert(1)>", new Estimate(0.2, 5, null));
        AnswerEvaluation.Result a = new AnswerEvaluation.Result(evil, "<b>mode</b>", "v<1>", "verbatim",
                new fr.preuve.core.answer.ModelInfo("<p>", "<m>", "<e>", false), Map.of("<b>mode</b>", 5), 5, am,
                Fixtures.frDemo().latency(), List.of(), null);
        String html = new HtmlReport("Report " + evil, "preuve eval " + evil, "2026-11-22").add(r).add(a)
                .history(List.of(History.of(r, Instant.EPOCH), History.of(r, Instant.EPOCH.plusSeconds(60))))
                .breaches(List.of("FAIL " + evil)).render();
        assertFalse(html.contains("<script"), "no script element may come out of data");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>mode"), html);
        assertFalse(html.contains("<i>m"), html);
        assertFalse(html.contains("\"><script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;script&gt;evil()&lt;/script&gt;"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void reportFromTheRecordedRunsHoldsFiguresAnchorsBaselineLatencyAndTrend() {
        Regressions pins = Regressions.load(Fixtures.root().resolve("eval/regressions.yaml"));
        RetrievalEvaluation.Result r = Fixtures.scifact("scifact");
        String html = new HtmlReport("Preuve evaluation", "preuve eval suite nightly", "2026-11-22T02:00:00Z").add(r)
                .add(Fixtures.frDemo()).baseline(pins)
                .history(List.of(History.of(r, Instant.parse("2026-11-21T02:00:00Z")),
                        History.of(r, Instant.parse("2026-11-22T02:00:00Z")))).render();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script"), "no JavaScript");
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "no external asset");
        assertFalse(html.contains("https://"), "no external asset");
        for (String s : List.of("0.6829", "0.7196", "0.7296", "0.9717", "[0.689, 0.771]", "beir-scifact-20261122-a0617786",
                "bge-small-en-v1.5-q", "preuve eval suite nightly", "demo-20261122-709cb8bb", "hallucination_rate",
                "key_fact_recall", "[0.530, 0.803]", "p50 32.9", "p95 54.5", "published 0.679", "published 0.742",
                "pinned 0.7278", "<svg class=\"bars\"", "<svg class=\"latency\"", "<svg class=\"trend\"")) {
            assertTrue(html.contains(s), "missing " + s);
        }
        assertEquals(12 + 5, count(html, "<rect class=\"bar\""), "4 metrics x 3 retrievers, then the 5 answer metrics");
        assertEquals(12 + 5, count(html, "<path class=\"whisker\""));
        assertEquals(3, count(html, "<line class=\"anchor\""), "one nDCG@10 anchor per retriever");
        assertEquals(12 + 5, count(html, "<line class=\"pin\""),
                "every SciFact pin applies to the full run, and the fr-demo extractive pins to the 5 answer figures shown");
        // answers: one trend section but no history for it yet
        assertTrue(html.contains("Not enough history yet (0 runs)"));
    }

    @Test
    void reportFromResultJsonFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path beirJson = tmp.resolve("scifact-test.json");
        Fixtures.scifact("scifact").write(beirJson);
        java.nio.file.Path answersJson = tmp.resolve("fr-demo.json");
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        m.writeValue(answersJson.toFile(), Fixtures.frDemo());
        RetrievalEvaluation.Result r = Results.readBeir(beirJson);
        AnswerEvaluation.Result a = Results.readAnswers(answersJson);
        assertEquals(Fixtures.scifact("scifact").retrievers(), r.retrievers());
        assertEquals(Fixtures.frDemo().metrics(), a.metrics());
        String html = new HtmlReport("from json", "preuve eval beir eval/datasets/scifact", "now").add(r).add(a).render();
        assertTrue(html.contains("0.6829 [0.640, 0.726] n=300"), html);
        assertTrue(html.contains("<td>false_abstention_rate</td><td>0.152</td><td>46</td><td>[0.076, 0.282]</td>"), html);
    }

    static int count(String s, String needle) {
        return s.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
