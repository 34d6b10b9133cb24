package fr.preuve.indexer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusConfigTest {

    static final Path CORPUS_CONFIG = Path.of("").toAbsolutePath().getParent().resolve("corpus-config");

    @TempDir
    Path tmp;

    private Path write(String name, String yaml) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void everyShippedCorpusDeclarationIsValid() throws Exception {
        try (Stream<Path> files = Files.list(CORPUS_CONFIG)) {
            var yamls = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(yamls).isNotEmpty();
            for (Path f : yamls) {
                CorpusConfig c = CorpusConfig.load(f);
                assertThat(c.sources()).isNotEmpty();
                assertThat(c.sources()).allSatisfy(s -> assertThat(s.licence()).as(f + " " + s.label() + " licence").isNotBlank());
            }
        }
        CorpusConfig demo = CorpusConfig.load(CORPUS_CONFIG.resolve("demo.yaml"));
        assertThat(demo.name()).isEqualTo("demo");
        assertThat(demo.sources()).extracting(s -> s.getClass().getSimpleName())
                .contains("PubMedQa", "WhoPdf", "HasApiXml", "BdpmOpinions");
    }

    @Test
    void relativePathsResolveAgainstTheFileAndTheFingerprintFollowsTheFiles() throws Exception {
        Files.writeString(tmp.resolve("a.json"), "{}");
        Path f = write("c.yaml", "name: c\nsources:\n  - type: pubmedqa\n    path: a.json\n    licence: MIT\n");
        CorpusConfig c = CorpusConfig.load(f);
        assertThat(c.sources().getFirst().inputs(c.baseDir())).containsExactly(tmp.resolve("a.json"));
        String before = c.fingerprint();
        assertThat(CorpusConfig.load(f).fingerprint()).isEqualTo(before);
        Files.writeString(tmp.resolve("a.json"), "{\"changed\": true}");
        assertThat(CorpusConfig.load(f).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void errorsNameFileLineAndField() throws Exception {
        Path unknownType = write("t.yaml", "name: x\nsources:\n  - type: cochrane\n    path: a\n");
        assertThatThrownBy(() -> CorpusConfig.load(unknownType)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(unknownType + ":3").hasMessageContaining("cochrane");

        Path unknownKey = write("k.yaml", "name: x\nsources:\n  - type: pubmedqa\n    path: a\n    colour: blue\n");
        assertThatThrownBy(() -> CorpusConfig.load(unknownKey))
                .hasMessageContaining(unknownKey + ":5").hasMessageContaining("sources[0].colour");

        Path missing = write("m.yaml", "name: x\nsources:\n  - type: who-pdf\n    path: a.pdf\n");
        assertThatThrownBy(() -> CorpusConfig.load(missing))
                .hasMessageContaining(missing.toString()).hasMessageContaining("'title' is required");

        Path badDate = write("d.yaml", "name: x\nsources:\n  - type: bdpm-opinions\n    dir: .\n    since: 2021-13-45\n");
        assertThatThrownBy(() -> CorpusConfig.load(badDate))
                .hasMessageContaining(badDate + ":5").hasMessageContaining("sources[0].since");

        Path badName = write("n.yaml", "name: My Corpus\nsources:\n  - type: pubmedqa\n    path: a\n");
        assertThatThrownBy(() -> CorpusConfig.load(badName)).hasMessageContaining("'My Corpus'");

        Path noFile = write("f.yaml", "name: x\nsources:\n  - type: pubmedqa\n    path: nowhere.json\n");
        assertThatThrownBy(() -> CorpusConfig.load(noFile))
                .hasMessageContaining("no such file or directory").hasMessageContaining("nowhere.json");

        Path noSources = write("s.yaml", "name: x\n");
        assertThatThrownBy(() -> CorpusConfig.load(noSources)).hasMessageContaining("sources is missing or empty");
    }
}
