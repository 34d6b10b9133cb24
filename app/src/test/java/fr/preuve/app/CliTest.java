package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.app.cli.PreuveCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code preuve} CLI: index, search and ask on a real corpus, with useful errors. */
class CliTest {

    @TempDir
    static Path tmp;
    static String corpus;
    static String home;

    record Run(int exit, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = PreuveCli.execute(fr.preuve.core.testing.TestEmbedders.factory(), args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @BeforeAll
    static void index() throws Exception {
        corpus = ApiServerTest.smallCorpus().file().toString();
        home = tmp.resolve("home").toString();
        Run r = run("index", "--home", home, "--corpus", corpus);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 added").contains("0 failures");
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("demo", "serve", "index", "search", "ask");
    }

    @Test
    void searchPrintsRankedPassagesWithScoresAndLinks() {
        Run r = run("search", "--home", home, "--corpus", corpus, "-k", "2", "--source", "has", "vaccination", "femmes", "enceintes");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(" 1. has:p_3240117#").contains("bm25").contains("vector")
                .contains("https://www.has-sante.fr/jcms/p_3240117").contains("2 passages");
    }

    @Test
    void askPrintsCitedSentencesSourcesAndTheNotice() {
        Run r = run("ask", "--home", home, "--corpus", corpus, "How", "much", "salt", "should", "adults", "eat", "per", "day?");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("[1]").contains("Sources:").contains("WHO / OMS. Healthy diet (WHO Regional Office")
                .contains("Mode: extractive, no generative model").contains("clinician remains responsible");
        Run json = run("ask", "--json", "--home", home, "--corpus", corpus, "salt intake");
        assertThat(json.out()).contains("\"mode\" : \"extractive\"").contains("\"corpusVersion\" : \"smoke-");
    }

    @Test
    void userErrorsAreOneLineWithExitCode2() {
        Run badSource = run("search", "--home", home, "--corpus", corpus, "--source", "cochrane", "salt");
        assertThat(badSource.exit()).isEqualTo(2);
        assertThat(badSource.err().strip()).startsWith("preuve: unknown source 'cochrane'").doesNotContain("\tat ");
        Run noIndex = run("search", "--home", tmp.resolve("empty-home").toString(), "--corpus", corpus, "salt");
        assertThat(noIndex.exit()).isEqualTo(2);
        assertThat(noIndex.err()).contains("no index at").contains("preuve index");
        Run noCorpus = run("search", "--home", home, "--corpus", tmp.resolve("nope.yaml").toString(), "salt");
        assertThat(noCorpus.exit()).isEqualTo(2);
        assertThat(noCorpus.err()).contains("nope.yaml").contains("no such file");
    }
}
