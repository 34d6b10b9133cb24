package fr.preuve.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.preuve.core.config.ConfigException;
import fr.preuve.eval.report.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteTest {

    @Test
    void shippedSuitesLoadAndPointAtExistingDatasets() {
        Path root = Fixtures.root();
        for (String name : new String[]{"ci", "nightly"}) {
            Suite s = Suite.load(Suite.resolve(name, root.resolve("eval/suites")));
            assertTrue(!s.runs().isEmpty());
            for (Suite.Run r : s.runs()) {
                Path p = root.resolve(r.beir() != null ? r.beir() : r.questions() != null ? r.questions() : r.support());
                assertTrue(Files.exists(p), name + ": " + p + " missing");
            }
        }
        Suite ci = Suite.load(root.resolve("eval/suites/ci.yaml"));
        assertEquals(List.of("questions", "support"), ci.runs().stream().map(Suite.Run::kind).toList());
        assertEquals("default", ci.runs().get(1).judge());
        assertTrue(ci.runs().get(1).rows() != null, "CI judges a slice of the support set");
        Suite nightly = Suite.load(root.resolve("eval/suites/nightly.yaml"));
        assertEquals("test", nightly.runs().get(0).split());
        assertNull(nightly.runs().get(0).queries());
        assertEquals(200, nightly.runs().get(1).queries());
    }

    private static String error(Path tmp, String yaml) throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, yaml);
        return assertThrows(ConfigException.class, () -> Suite.load(f)).getMessage();
    }

    @Test
    void unknownFieldNamesFileLineAndField(@TempDir Path tmp) throws Exception {
        String m = error(tmp, "description: x\nruns:\n  - {beir: eval/datasets/scifact}\n  - {beir: a, splt: test}\n");
        assertTrue(m.contains("bad.yaml:4"), m);
        assertTrue(m.contains("splt"), m);
    }

    @Test
    void wrongTypeNamesFileLineAndField(@TempDir Path tmp) throws Exception {
        String m = error(tmp, "runs:\n  - beir: a\n    queries: many\n");
        assertTrue(m.contains("bad.yaml:3"), m);
        assertTrue(m.contains("queries"), m);
    }

    @Test
    void inconsistentRunsAreRejected(@TempDir Path tmp) throws Exception {
        String both = error(tmp, "runs:\n  - {beir: a, questions: b.jsonl}\n");
        assertTrue(both.contains("bad.yaml:2") && both.contains("exactly one of 'beir'"), both);
        String neither = error(tmp, "runs:\n  - {split: test}\n");
        assertTrue(neither.contains("bad.yaml:2") && neither.contains("exactly one of"), neither);
        String zero = error(tmp, "runs:\n  - {beir: a}\n  - {beir: a, queries: 0}\n");
        assertTrue(zero.contains("bad.yaml:3") && zero.contains("'queries' must be at least 1"), zero);
        String split = error(tmp, "runs:\n  - {questions: q.jsonl, split: test}\n");
        assertTrue(split.contains("'split' and 'queries' only apply"), split);
        String rows = error(tmp, "runs:\n  - {questions: q.jsonl}\n  - {beir: a, rows: 5}\n");
        assertTrue(rows.contains("bad.yaml:3") && rows.contains("'rows' and 'judge' only apply"), rows);
        String noRows = error(tmp, "runs:\n  - {support: s.jsonl, rows: 0}\n");
        assertTrue(noRows.contains("'rows' must be at least 1"), noRows);
        String empty = error(tmp, "description: nothing\nruns: []\n");
        assertTrue(empty.contains("bad.yaml") && empty.contains("'runs'"), empty);
    }

    @Test
    void unknownSuiteNameSaysWhereItLooked(@TempDir Path tmp) {
        ConfigException e = assertThrows(ConfigException.class, () -> Suite.resolve("nope", tmp));
        assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
    }
}
