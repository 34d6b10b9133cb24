package fr.preuve.indexer.config;

import java.util.Map;

import fr.preuve.core.config.ConfigLoader;
import fr.preuve.core.config.Environment;

import fr.preuve.core.config.PreuveConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.ConfigException;
import fr.preuve.core.embed.EmbeddingSpec;
import fr.preuve.core.embed.Pooling;
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

    @Test
    void anEmbeddingModelOnDiskIsDeclaredWithPathsRelativeToTheFileOrAbsolute() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models/e5"));
        Files.writeString(models.resolve("model.onnx"), "not read when the file is checked");
        Files.writeString(models.resolve("tokenizer.json"), "{}");
        Files.writeString(models.resolve("other-tokenizer.json"), "{}");
        Files.writeString(tmp.resolve("a.json"), "{}");
        String sources = "sources:\n  - type: pubmedqa\n    path: a.json\n    licence: MIT\n";

        CorpusConfig block = CorpusConfig.load(write("block.yaml", "name: e5\nembedding:\n  name: multilingual-e5-small\n"
                + "  model: models/e5/model.onnx\n  pooling: mean\n  queryPrefix: \"query: \"\n"
                + "  passagePrefix: \"passage: \"\n  maxTokens: 256\n" + sources));
        assertThat(block.embedding()).isEqualTo(new EmbeddingSpec.OnDisk("multilingual-e5-small",
                models.resolve("model.onnx"), models.resolve("tokenizer.json"), Pooling.MEAN, "query: ", "passage: ", 256));

        CorpusConfig flow = CorpusConfig.load(write("flow.yaml", "name: e5\nembedding: {name: e5, model: "
                + models.resolve("model.onnx") + ", tokenizer: models/e5/other-tokenizer.json, pooling: CLS}\n" + sources));
        assertThat(flow.embedding()).isInstanceOfSatisfying(EmbeddingSpec.OnDisk.class, e -> {
            assertThat(e.model()).isEqualTo(models.resolve("model.onnx"));
            assertThat(e.tokenizer()).isEqualTo(models.resolve("other-tokenizer.json"));
            assertThat(e.pooling()).isEqualTo(Pooling.CLS);
            assertThat(e.queryPrefix()).isEmpty();
            assertThat(e.passagePrefix()).isEmpty();
            assertThat(e.maxTokens()).isEqualTo(EmbeddingSpec.DEFAULT_MAX_TOKENS);
        });

        assertThat(CorpusConfig.load(write("id.yaml", "name: e5\nembedding: bge-small-en-v1.5-q\n" + sources)).embedding())
                .isEqualTo(EmbeddingSpec.shipped());
        assertThat(CorpusConfig.load(write("none.yaml", "name: e5\n" + sources)).embedding())
                .as("the default").isEqualTo(new EmbeddingSpec.Shipped("bge-small-en-v1.5-q"));
    }

    @Test
    void embeddingErrorsNameTheFileTheFieldAndTheBadValue() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("model.onnx"), "x");
        Files.writeString(tmp.resolve("a.json"), "{}");
        String sources = "sources:\n  - type: pubmedqa\n    path: a.json\n    licence: MIT\n";
        String good = "  name: e5\n  model: models/model.onnx\n  tokenizer: models/model.onnx\n  pooling: mean\n";

        Path noModel = write("nomodel.yaml", "name: x\nembedding:\n  name: e5\n  model: models/e5.onnx\n  pooling: mean\n"
                + sources);
        assertThatThrownBy(() -> CorpusConfig.load(noModel)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(noModel + ":4: field 'embedding.model': no such file 'models/e5.onnx' ("
                        + tmp.resolve("models/e5.onnx") + ")");
        Path noTokenizer = write("notok.yaml", "name: x\nembedding: {name: e5, model: models/model.onnx, pooling: cls}\n"
                + sources);
        assertThatThrownBy(() -> CorpusConfig.load(noTokenizer)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(noTokenizer + ":2: field 'embedding.tokenizer': no such file 'models/tokenizer.json'");
        Path dirModel = write("dir.yaml", "name: x\nembedding: {name: e5, model: models, pooling: cls}\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(dirModel)).hasMessageContaining("field 'embedding.model': 'models' is a "
                + "directory, not a file");

        Path pooling = write("pooling.yaml", "name: x\nembedding:\n  name: e5\n  model: models/model.onnx\n  pooling: max\n"
                + sources);
        assertThatThrownBy(() -> CorpusConfig.load(pooling)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(pooling + ":5: field 'embedding.pooling': unknown pooling 'max'; expected cls or mean");
        Path noPooling = write("nopool.yaml", "name: x\nembedding:\n  name: e5\n  model: models/model.onnx\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(noPooling)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(noPooling.toString()).hasMessageContaining("field 'embedding.pooling': missing");
        Path unknownKey = write("key.yaml", "name: x\nembedding:\n" + good + "  colour: blue\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(unknownKey)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(unknownKey + ":7: field 'embedding.colour': unknown key 'colour'; expected name, "
                        + "model, tokenizer, pooling, queryPrefix, passagePrefix, maxTokens");
        Path blankName = write("name.yaml", "name: x\nembedding:\n  name: '  '\n  model: models/model.onnx\n"
                + "  pooling: cls\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(blankName)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(blankName + ":3: field 'embedding.name': the name is blank ('  ')");
        Path badMax = write("max.yaml", "name: x\nembedding:\n" + good + "  maxTokens: lots\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(badMax)).hasMessageContaining(badMax + ":7: field 'embedding.maxTokens': "
                + "'lots' is not a whole number");
        Path bigMax = write("big.yaml", "name: x\nembedding:\n" + good + "  maxTokens: 100000\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(bigMax)).hasMessageContaining("field 'embedding.maxTokens': maxTokens "
                + "must be between 3 and 8192, got 100000");
        Path list = write("list.yaml", "name: x\nembedding: [a, b]\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(list)).hasMessageContaining(list + ":2: field 'embedding'")
                .hasMessageContaining("neither a model id");
        Path id = write("id.yaml", "name: x\nembedding: multilingual-e5-small\n" + sources);
        assertThatThrownBy(() -> CorpusConfig.load(id)).hasMessageContaining(id + ":2: field 'embedding': unknown embedding "
                + "'multilingual-e5-small'; available: bge-small-en-v1.5-q, or a model on disk {name, model, pooling}");
    }
}
