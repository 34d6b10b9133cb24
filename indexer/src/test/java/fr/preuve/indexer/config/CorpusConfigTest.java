package fr.preuve.indexer.config;

import java.util.Map;

import fr.preuve.core.config.ConfigLoader;
import fr.preuve.core.config.Environment;

import fr.preuve.core.config.PreuveConfig;

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
        CorpusConfig has = CorpusConfig.load(CORPUS_CONFIG.resolve("has-recommandations.yaml"));
        assertThat(has.sources().getFirst()).isInstanceOfSatisfying(SourceSpecs.HasApi.class, s -> {
            assertThat(s.types()).containsExactly("RecommandationsProfessionnelles", "GuideMedecinALD", "RecommandationVaccinale");
            assertThat(s.remote()).isTrue();
        });
        assertThat(CorpusConfig.load(CORPUS_CONFIG.resolve("pubmed-gestational-diabetes.yaml")).sources().getFirst())
                .isInstanceOf(SourceSpecs.PubMedSearch.class);
        assertThat(CorpusConfig.load(CORPUS_CONFIG.resolve("who-iris.yaml")).sources())
                .extracting(s -> s.getClass().getSimpleName()).containsExactly("WhoIris", "WebPages");
        assertThat(CorpusConfig.load(CORPUS_CONFIG.resolve("local-folder.yaml")).sources().getFirst())
                .isInstanceOf(SourceSpecs.LocalFolder.class);
    }

    @Test
    void anUnnamedSourceIsLabelledByItsTypeAndFile() throws Exception {
        Files.writeString(tmp.resolve("leaflet.pdf"), "x");
        CorpusConfig c = CorpusConfig.load(write("u.yaml", "name: x\nsources:\n"
                + "  - type: who-pdf\n    path: leaflet.pdf\n    title: t\n    licence: x\n"
                + "  - type: pubmed-search\n    term: asthma\n    licence: x\n"
                + "  - type: who-pdf\n    name: named\n    path: leaflet.pdf\n    title: t\n    licence: x\n"));

        assertThat(c.sources()).extracting(SourceSpec::label).containsExactly("who-pdf:leaflet.pdf", "pubmed-search", "named");
        assertThat(c.sources().getFirst().inputs(c.baseDir())).containsExactly(tmp.resolve("leaflet.pdf"));
        assertThat(c.sources().get(1).inputs(c.baseDir())).isEmpty();
    }

    @Test
    void networkSourcesAreCheckedWhenLoadedAndAlwaysReRead() throws Exception {
        Path badHost = write("h.yaml", "name: x\nsources:\n  - type: web\n    urls: [https://www.who.int/a]\n"
                + "    allowedHosts: [\"https://www.who.int/\"]\n    licence: x\n");
        Path bothModes = write("b.yaml", "name: x\nsources:\n  - type: has-api\n    types: [GuideMedecinALD]\n"
                + "    search: {text: diabète}\n    licence: x\n");
        Path badDate = write("p.yaml", "name: x\nsources:\n  - type: pubmed-search\n    term: asthma\n    mindate: 2021-01\n"
                + "    maxdate: \"2025\"\n    licence: x\n");
        Path badKey = write("k.yaml", "name: x\nsources:\n  - type: who-iris\n    guidelines:\n      - pdf: https://iris.who.int/a.pdf\n"
                + "        title: t\n        year: 2020\n    licence: x\n");

        CorpusConfig web = CorpusConfig.load(write("w.yaml", "name: x\nsources:\n  - type: web\n    urls: [https://www.who.int/a]\n    licence: x\n"));
        assertThat(web.fingerprint()).as("a network corpus is never up to date without reading").isNotEqualTo(web.fingerprint());
        assertThatThrownBy(() -> CorpusConfig.load(badHost)).hasMessageContaining("bare host name").hasMessageContaining("https://www.who.int/");
        assertThatThrownBy(() -> CorpusConfig.load(bothModes)).hasMessageContaining("declare either 'types' or 'search'");
        assertThatThrownBy(() -> CorpusConfig.load(badDate)).hasMessageContaining(badDate.toString()).hasMessageContaining("'2021-01'");
        assertThatThrownBy(() -> CorpusConfig.load(badKey)).hasMessageContaining(badKey + ":7").hasMessageContaining("year");
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

    @Test
    void theIndexLocationIsDeclaredRelativeToTheFileOrAbsoluteAndCheckedStrictly() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cfg"));
        Path data = Files.writeString(dir.resolve("notes.md"), "# Notes\n\nSome text.\n");
        String sources = "sources:\n  - type: local-folder\n    dir: .\n    licence: internal\n";
        PreuveConfig home = new ConfigLoader(Environment.of(Map.of("PREUVE_HOME", tmp.resolve("home").toString())),
                tmp.resolve("user")).load(null);

        CorpusConfig byDefault = CorpusConfig.load(Files.writeString(dir.resolve("a.yaml"), "name: a\n" + sources));
        CorpusConfig relative = CorpusConfig.load(Files.writeString(dir.resolve("b.yaml"), "name: b\nindex: ../elsewhere/b\n" + sources));
        CorpusConfig absolute = CorpusConfig.load(Files.writeString(dir.resolve("c.yaml"),
                "name: c\nindex: " + tmp.resolve("abs/c") + "\n" + sources));

        assertThat(byDefault.indexDir(home)).isEqualTo(tmp.resolve("home/indexes/a"));
        assertThat(relative.indexDir(home)).isEqualTo(tmp.resolve("elsewhere/b"));
        assertThat(absolute.indexDir(home)).isEqualTo(tmp.resolve("abs/c"));

        Path blank = Files.writeString(dir.resolve("blank.yaml"), "name: d\nindex: ''\n" + sources);
        Path file = Files.writeString(dir.resolve("file.yaml"), "name: e\nindex: notes.md\n" + sources);
        Path here = Files.writeString(dir.resolve("here.yaml"), "name: f\ndescription: x\nindex: .\n" + sources);
        Path list = Files.writeString(dir.resolve("list.yaml"), "name: g\nindex: [a, b]\n" + sources);
        Path model = Files.writeString(dir.resolve("model.yaml"), "name: h\nembedding: e5-large\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(blank)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(blank + ":2: field 'index': empty");
        assertThatThrownBy(() -> CorpusConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":2: field 'index'").hasMessageContaining("is a file, not a directory: " + data);
        assertThatThrownBy(() -> CorpusConfig.load(here)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(here + ":3: field 'index'").hasMessageContaining("needs a directory of its own");
        assertThatThrownBy(() -> CorpusConfig.load(list)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(list + ":2").hasMessageContaining("index");
        assertThatThrownBy(() -> CorpusConfig.load(model)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(model.toString()).hasMessageContaining("unknown embedding 'e5-large'; available: bge-small-en-v1.5-q");
    }
}
