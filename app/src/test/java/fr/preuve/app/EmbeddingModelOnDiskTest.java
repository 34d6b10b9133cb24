package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.AnswerSettings;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.embed.Embedders;
import fr.preuve.core.embed.EmbeddingSpec;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.ProgressListener;
import fr.preuve.app.CliTest.Run;
import fr.preuve.app.runtime.PreuveRuntime;
import fr.preuve.server.http.ApiServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke corpus declared with an embedding model on disk (the shipped bge-small-en-v1.5-q model and tokenizer,
 * extracted from their jar): indexed with it, searched with it, and embedded again from scratch when its pooling
 * changes; until then, vector and hybrid searches are refused, on the command line and over HTTP.
 */
class EmbeddingModelOnDiskTest {

    private static final Pattern WRITTEN = Pattern.compile("(\\d+) passages written \\((\\d+) embedded, (\\d+) from the cache\\)");

    @TempDir
    Path tmp;

    @Test
    void changingThePoolingReEmbedsEveryPassageOnceAndSearchRefusesTheOtherModelMeanwhile() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models/bge"));
        extract(OnnxBatchEmbedder.BGE_SMALL_MODEL_RESOURCE, models.resolve("model.onnx"));
        extract(OnnxBatchEmbedder.BGE_SMALL_TOKENIZER_RESOURCE, models.resolve("tokenizer.json"));
        Path corpus = Files.createDirectories(tmp.resolve("cfg")).resolve("smoke-bge.yaml");
        String home = tmp.resolve("home").toString();
        declare(corpus, "cls");
        CorpusConfig cls = CorpusConfig.load(corpus);
        assertThat(cls.embedding()).isEqualTo(EmbeddingSpec.OnDisk.of("bge-small-on-disk",
                models.resolve("model.onnx"), fr.preuve.core.embed.Pooling.CLS));

        Run check = CliTest.run("corpus", "check", corpus.toString());
        assertThat(check.out()).contains("OK     " + corpus + " (smoke-bge: 2 sources, embedding bge-small-on-disk from "
                + models.resolve("model.onnx") + ")");

        // 1. Indexed with the model on disk: every passage embedded, the model id recorded with the index.
        Run first = CliTest.run("index", "--home", home, "--corpus", corpus.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("3 added");
        int passages = embedded(first, true);
        Path indexDir = tmp.resolve("home/indexes/smoke-bge");
        assertThat(modelOf(indexDir)).isEqualTo(Embedders.modelId(cls.embedding()))
                .startsWith("bge-small-on-disk;onnx=").contains(";pooling=cls;");
        Run search = CliTest.run("search", "--home", home, "--corpus", corpus.toString(), "-k", "2", "salt", "intake");
        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out()).contains("who:WHO-EM-NUT-282-E").contains("vector");

        // 2. Mean pooling declared: another model. Until re-indexed, vector and hybrid searches are refused.
        declare(corpus, "mean");
        CorpusConfig mean = CorpusConfig.load(corpus);
        Run refused = CliTest.run("search", "--home", home, "--corpus", corpus.toString(), "salt", "intake");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("holds vectors of embedding model '" + modelOf(indexDir) + "'")
                .contains("queries are embedded with '" + Embedders.modelId(mean.embedding()) + "'")
                .contains("run `preuve index`").doesNotContain("\tat ");
        Run bm25 = CliTest.run("search", "--home", home, "--corpus", corpus.toString(), "--retriever", "bm25", "salt");
        assertThat(bm25.exit()).as(bm25.err()).isZero();
        Run dryRun = CliTest.run("index", "--dry-run", "--home", home, "--corpus", corpus.toString());
        assertThat(dryRun.out()).contains("the embedding model changed").contains(";pooling=mean;");
        PreuveConfig config = new PreuveConfig(tmp.resolve("home"), "127.0.0.1", 0, corpus, SearchSettings.defaults(),
                AnswerSettings.defaults(), LlmSettings.none());
        try (PreuveRuntime runtime = PreuveRuntime.writable(config, mean, ProgressListener.NONE);
             ApiServer server = RunningServer.apiServer(runtime)) {
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            HttpResponse<String> hybrid = get(base + "/api/search?q=salt");
            assertThat(hybrid.statusCode()).isEqualTo(503);
            assertThat(hybrid.body()).contains("holds vectors of embedding model");
            assertThat(get(base + "/api/search?q=salt&retriever=bm25").statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> runtime.startIndexing(cls, false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("changes the embedding model");
        }

        // 3. Re-indexed: every passage embedded again, none from the other model's cache.
        Run second = CliTest.run("index", "--home", home, "--corpus", corpus.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 added, 3 changed");
        assertThat(embedded(second, true)).isEqualTo(passages);
        assertThat(modelOf(indexDir)).isEqualTo(Embedders.modelId(mean.embedding())).contains(";pooling=mean;");
        Run searchAgain = CliTest.run("search", "--home", home, "--corpus", corpus.toString(), "-k", "2", "salt", "intake");
        assertThat(searchAgain.exit()).as(searchAgain.err()).isZero();
        try (PassageIndex index = PassageIndex.openReadOnly(indexDir)) {
            assertThat(index.counts().passages()).isEqualTo(passages);
        }

        // 4. Nothing changed: nothing embedded, even when every source is read again.
        Run third = CliTest.run("index", "--home", home, "--corpus", corpus.toString());
        assertThat(third.out()).contains("is up to date");
        Run forced = CliTest.run("index", "--force", "--home", home, "--corpus", corpus.toString());
        assertThat(forced.out()).contains("3 unchanged");
        assertThat(embedded(forced, false)).isZero();
    }

    /** The smoke corpus's sources (paths made absolute) with the model on disk, paths relative to the corpus file. */
    private static void declare(Path corpus, String pooling) throws Exception {
        Path demo = ApiServerTest.DEMO;
        String smoke = Files.readString(demo.getParent().resolve("smoke.yaml"), StandardCharsets.UTF_8)
                .replace("name: smoke", "name: smoke-bge")
                .replace("path: demo/", "path: " + demo + "/");
        Files.writeString(corpus, smoke + """
                embedding:
                  name: bge-small-on-disk
                  model: ../models/bge/model.onnx
                  pooling: %s
                """.formatted(pooling), StandardCharsets.UTF_8);
    }

    /** Passages embedded by the run; with {@code all}, checks that all written passages were (none from the cache). */
    private static int embedded(Run run, boolean all) {
        Matcher m = WRITTEN.matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        int written = Integer.parseInt(m.group(1));
        int embedded = Integer.parseInt(m.group(2));
        if (all) {
            assertThat(written).isPositive();
            assertThat(embedded).as("every passage embedded").isEqualTo(written);
            assertThat(Integer.parseInt(m.group(3))).as("none from the cache").isZero();
        }
        return embedded;
    }

    private static String modelOf(Path indexDir) throws Exception {
        try (PassageIndex index = PassageIndex.openReadOnly(indexDir)) {
            return CorpusState.from(index.commitData()).model();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void extract(String resource, Path to) throws Exception {
        try (InputStream in = EmbeddingModelOnDiskTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, to);
        }
    }
}
