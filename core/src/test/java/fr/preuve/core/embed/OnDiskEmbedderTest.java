package fr.preuve.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model loaded from files ({@link OnnxBatchEmbedder#fromFiles}): the shipped bge-small-en-v1.5-q model and tokenizer,
 * extracted from their jar, must give the shipped embedder's vectors with CLS pooling, under another model id; real
 * PubMedQA texts (see resources/embed/README.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnDiskEmbedderTest {

    private static final double SAME = 0.9999;

    @TempDir
    static Path dir;

    private Path model;
    private Path tokenizer;
    private List<String> texts;
    private OnnxBatchEmbedder shipped;
    private OnnxBatchEmbedder cls;

    @BeforeAll
    void setUp() throws IOException {
        model = extract(OnnxBatchEmbedder.BGE_SMALL_MODEL_RESOURCE, dir.resolve("bge/model.onnx"));
        tokenizer = extract(OnnxBatchEmbedder.BGE_SMALL_TOKENIZER_RESOURCE, dir.resolve("bge/tokenizer.json"));
        texts = readTexts();
        shipped = OnnxBatchEmbedder.bgeSmall();
        cls = OnnxBatchEmbedder.fromFiles(EmbeddingSpec.OnDisk.of("bge-small-en-v1.5-q", model, Pooling.CLS));
    }

    @AfterAll
    void tearDown() {
        for (OnnxBatchEmbedder e : new OnnxBatchEmbedder[] {shipped, cls}) {
            if (e != null) {
                e.close();
            }
        }
    }

    @Test
    void theShippedModelLoadedByPathGivesTheShippedVectorsUnderAnotherId() {
        assertThat(texts).hasSizeGreaterThanOrEqualTo(19);
        List<float[]> want = shipped.embedAll(texts);
        List<float[]> got = cls.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Vectors.cosine(got.get(i), want.get(i))).as("text " + i).isGreaterThan(SAME);
        }
        for (String q : texts.subList(0, 6)) {
            assertThat(Vectors.cosine(cls.embedQuery(q), shipped.embedQuery(q))).as(q).isGreaterThan(SAME);
        }
        assertThat(cls.dimension()).as("read from the model's output").isEqualTo(384);
        assertThat(cls.modelId()).isNotEqualTo(shipped.modelId()).isEqualTo(Embedders.modelId(
                        EmbeddingSpec.OnDisk.of("bge-small-en-v1.5-q", model, Pooling.CLS)))
                .startsWith("bge-small-en-v1.5-q;onnx=" + ModelIds.sha256(model).substring(0, 12) + ";tokenizer=")
                .contains(";pooling=cls;query=\"\";passage=\"\";maxTokens=512;onnxruntime=" + ModelIds.runtimeVersion());
        assertThat(shipped.modelId()).as("unchanged: existing indexes are not re-embedded")
                .isEqualTo(LangChain4jEmbedder.BGE_SMALL_EN_V15_Q);
    }

    @Test
    void meanPoolingGivesOtherVectorsAndAnotherId() {
        EmbeddingSpec.OnDisk spec = EmbeddingSpec.OnDisk.of("bge-small-en-v1.5-q", model, Pooling.MEAN);
        try (OnnxBatchEmbedder mean = Embedders.forIndexing(spec)) {
            List<float[]> a = mean.embedAll(texts.subList(0, 6));
            List<float[]> b = cls.embedAll(texts.subList(0, 6));
            for (int i = 0; i < a.size(); i++) {
                assertThat(Vectors.cosine(a.get(i), b.get(i))).as("text " + i).isLessThan(0.999);
                assertThat(Vectors.cosine(a.get(i), a.get(i))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            }
            assertThat(mean.modelId()).isNotEqualTo(cls.modelId()).contains(";pooling=mean;");
        }
    }

    @Test
    void prefixesAreAddedToQueriesAndPassagesAndNamedInTheId() {
        EmbeddingSpec.OnDisk spec = new EmbeddingSpec.OnDisk("e5-style", model, tokenizer, Pooling.CLS, "query: ",
                "passage: ", 0);
        String text = texts.get(4);
        try (OnnxBatchEmbedder e5 = Embedders.forQueries(spec)) {
            assertThat(Vectors.cosine(e5.embedQuery(text), cls.embedQuery("query: " + text))).isGreaterThan(SAME);
            assertThat(Vectors.cosine(e5.embedAll(List.of(text)).getFirst(), cls.embedAll(List.of("passage: " + text))
                    .getFirst())).isGreaterThan(SAME);
            assertThat(e5.modelId()).startsWith("e5-style;").contains(";query=\"query: \";passage=\"passage: \";");
        }
    }

    @Test
    void textsAreCutAtMaxTokensAndBlankTextIsRefused() {
        String longText = String.join(" ", texts);
        EmbeddingSpec.OnDisk spec = new EmbeddingSpec.OnDisk("bge", model, null, Pooling.CLS, null, null, 128);
        try (OnnxBatchEmbedder short128 = Embedders.forIndexing(spec)) {
            assertThat(short128.countTokens(longText)).isEqualTo(128);
            assertThat(cls.countTokens(longText)).isEqualTo(512);
            assertThat(short128.modelId()).contains(";maxTokens=128;");
            assertThatThrownBy(() -> short128.embedAll(List.of("fine", " "))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty or whitespace-only text (text 1)");
        }
    }

    @Test
    void anotherFileGivesAnotherIdAndAMissingFileIsNamed() throws IOException {
        Files.createDirectories(dir.resolve("copy"));
        Path copy = Files.copy(model, dir.resolve("copy/model.onnx"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(tokenizer, dir.resolve("copy/tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        EmbeddingSpec.OnDisk same = EmbeddingSpec.OnDisk.of("bge-small-en-v1.5-q", copy, Pooling.CLS);
        assertThat(Embedders.modelId(same)).as("same bytes, same id").isEqualTo(cls.modelId());
        Files.write(copy, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(Embedders.modelId(same)).as("other bytes").isNotEqualTo(cls.modelId());

        EmbeddingSpec.OnDisk missing = EmbeddingSpec.OnDisk.of("e5", dir.resolve("nowhere/model.onnx"), Pooling.MEAN);
        assertThatThrownBy(() -> Embedders.forQueries(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such model file: " + dir.resolve("nowhere/model.onnx"));
    }

    @Test
    void specsDefaultTheTokenizerAndPrefixesAndResolveRelativePaths() {
        EmbeddingSpec.OnDisk spec = EmbeddingSpec.OnDisk.of("e5", Path.of("models/e5/model.onnx"), Pooling.MEAN);
        assertThat(spec.tokenizer()).isEqualTo(Path.of("models/e5/tokenizer.json"));
        assertThat(spec.queryPrefix()).isEmpty();
        assertThat(spec.maxTokens()).isEqualTo(EmbeddingSpec.DEFAULT_MAX_TOKENS);
        EmbeddingSpec.OnDisk resolved = spec.resolve(dir);
        assertThat(resolved.model()).isEqualTo(dir.resolve("models/e5/model.onnx"));
        assertThat(resolved.tokenizer()).isEqualTo(dir.resolve("models/e5/tokenizer.json"));
        assertThat(EmbeddingSpec.OnDisk.of("e5", dir.resolve("m.onnx"), Pooling.CLS).resolve(Path.of("/elsewhere")).model())
                .as("absolute stays").isEqualTo(dir.resolve("m.onnx"));
        assertThat(EmbeddingSpec.shipped().resolve(dir)).isEqualTo(new EmbeddingSpec.Shipped("bge-small-en-v1.5-q"));
        assertThatThrownBy(() -> new EmbeddingSpec.Shipped("e5-large")).hasMessageContaining("unknown embedding 'e5-large'");
        assertThatThrownBy(() -> EmbeddingSpec.OnDisk.of(" ", spec.model(), Pooling.CLS)).hasMessageContaining("name");
        assertThatThrownBy(() -> Pooling.parse("max")).hasMessage("unknown pooling 'max'; expected cls or mean");
        assertThat(Pooling.parse(" MEAN ")).isEqualTo(Pooling.MEAN);
    }

    private static Path extract(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = OnDiskEmbedderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    private static List<String> readTexts() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (InputStream in = OnDiskEmbedderTest.class.getResourceAsStream("/embed/passages.jsonl");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line).get("text").asText());
                }
            }
        }
        return out;
    }
}
