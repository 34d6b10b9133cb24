package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.index.PassageIndex;
import fr.preuve.app.CliTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus that declares its index location is indexed there, and searched and inspected from there. */
class IndexLocationTest {

    static final Path HAS_XML = ApiServerTest.DEMO.getParent().resolve("demo/has/has_rest_RecommandationVaccinale_page0.xml");

    @TempDir
    Path tmp;

    @Test
    void aDeclaredIndexDirectoryIsWhereIndexSearchAndStatusGo() throws Exception {
        Path cfg = tmp.resolve("cfg");
        Files.createDirectories(cfg);
        Path corpus = cfg.resolve("vaccins.yaml");
        Files.writeString(corpus, """
                name: vaccins
                index: ../somewhere/vaccins-index
                sources:
                  - type: has-api-xml
                    path: %s
                    licence: HAS reuse terms
                """.formatted(HAS_XML), StandardCharsets.UTF_8);
        String home = tmp.resolve("home").toString();

        Run index = CliTest.run("index", "--home", home, "--corpus", corpus.toString());

        assertThat(index.exit()).as(index.err()).isZero();
        assertThat(index.out()).contains("2 added");
        Path declared = tmp.resolve("somewhere/vaccins-index");
        assertThat(PassageIndex.exists(declared)).as("indexed where declared").isTrue();
        assertThat(declared.resolveSibling("vaccins-index.meta/versions.jsonl")).exists();
        assertThat(tmp.resolve("home/indexes/vaccins")).as("not in the home's default place").doesNotExist();

        Run search = CliTest.run("search", "--home", home, "--corpus", corpus.toString(), "-k", "2", "vaccination");
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out()).contains("has:p_");
        Run status = CliTest.run("corpus", "status", "--home", home, "--corpus", corpus.toString());
        assertThat(status.out()).contains("corpus vaccins: version vaccins-");
    }
}
