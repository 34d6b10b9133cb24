package fr.preuve.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link OnnxBatchEmbedder} must give LangChain4j's vectors; real PubMedQA texts (see resources/embed/README.md). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnnxBatchEmbedderTest {

    private static final double SAME = 0.9999;

    private record Text(String id, String kind, String text) {
    }

    private List<Text> texts;
    private List<String> strings;
    private LangChain4jEmbedder baseline;
    private List<float[]> expected;
    private OnnxBatchEmbedder onnx;

    @BeforeAll
    void setUp() throws IOException {
        texts = readPassages();
        strings = texts.stream().map(Text::text).toList();
        baseline = LangChain4jEmbedder.bgeSmall();
        expected = baseline.embedAll(strings);
        onnx = OnnxBatchEmbedder.bgeSmall();
    }

    @AfterAll
    void tearDown() {
        if (onnx != null) {
            onnx.close();
        }
    }

    @Test
    void fixtureCoversShortMediumAndLongTexts() {
        assertThat(texts).hasSizeGreaterThanOrEqualTo(19);
        assertThat(texts).extracting(Text::kind).contains("query", "passage", "long");
        // The long texts (480-1180 words) exceed the window. The tokenizer, created with LangChain4j's options, keeps
        // DJL's default truncation (LONGEST_FIRST at 512), so they are cut at 512 tokens, exactly as LangChain4j does.
        assertThat(texts.stream().filter(t -> t.kind().equals("long")))
                .allMatch(t -> t.text().split("\\s+").length > 450)
                .allMatch(t -> onnx.countTokens(t.text()) == OnnxBatchEmbedder.MAX_SEQUENCE_LENGTH + 2);
        assertThat(texts.stream().filter(t -> !t.kind().equals("long")))
                .allMatch(t -> onnx.countTokens(t.text()) < OnnxBatchEmbedder.MAX_SEQUENCE_LENGTH);
    }

    @Test
    void sameIdAndDimensionAsBaseline() {
        assertThat(onnx.modelId()).isEqualTo(LangChain4jEmbedder.BGE_SMALL_EN_V15_Q).isEqualTo(baseline.modelId());
        assertThat(onnx.dimension()).isEqualTo(baseline.dimension()).isEqualTo(384);
    }

    @Test
    void embedAllMatchesLangChain4j() {
        assertSame(onnx.embedAll(strings), expected, "default options");
    }

    @Test
    void everyThreadLayoutMatchesLangChain4j() {
        for (OnnxBatchEmbedder.Options o : List.of(
                new OnnxBatchEmbedder.Options(1, 1, 1, 1),
                new OnnxBatchEmbedder.Options(1, 1, 2, 2),
                new OnnxBatchEmbedder.Options(1, 2, 2, 1))) {
            try (OnnxBatchEmbedder e = OnnxBatchEmbedder.bgeSmall(o)) {
                assertThat(e.modelId()).isEqualTo(LangChain4jEmbedder.BGE_SMALL_EN_V15_Q);
                assertSame(e.embedAll(strings), expected, o.toString());
            }
        }
    }

    @Test
    void embedQueryMatchesLangChain4j() {
        for (Text t : texts) {
            if (!t.kind().equals("long")) {
                assertThat(cosine(onnx.embedQuery(t.text()), baseline.embedQuery(t.text())))
                        .as(t.id()).isGreaterThanOrEqualTo(SAME);
            }
        }
    }

    @Test
    void vectorsAreUnitLength() {
        for (float[] v : onnx.embedAll(strings)) {
            assertThat(cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void orderIsPreservedForShuffledLengths() {
        List<Integer> order = new ArrayList<>(IntStream.range(0, strings.size()).boxed().toList());
        Collections.shuffle(order, new Random(42));
        List<String> shuffled = order.stream().map(strings::get).toList();
        List<float[]> got = onnx.embedAll(shuffled);
        assertThat(got).hasSize(shuffled.size());
        for (int i = 0; i < order.size(); i++) {
            assertThat(cosine(got.get(i), expected.get(order.get(i)))).as("position " + i)
                    .isGreaterThanOrEqualTo(SAME);
        }
    }

    @Test
    void paddedBatchesKeepOrderButReportAnotherModelId() {
        List<Integer> order = new ArrayList<>(IntStream.range(0, strings.size()).boxed().toList());
        Collections.shuffle(order, new Random(7));
        List<String> shuffled = order.stream().map(strings::get).toList();
        try (OnnxBatchEmbedder batched = OnnxBatchEmbedder.bgeSmall(4, 2)) {
            assertThat(batched.modelId())
                    .isEqualTo(LangChain4jEmbedder.BGE_SMALL_EN_V15_Q + OnnxBatchEmbedder.BATCHED_ID_SUFFIX);
            List<float[]> got = batched.embedAll(shuffled);
            for (int i = 0; i < order.size(); i++) {
                // Dynamic quantization over a padded batch moves vectors a little, never to another text.
                assertThat(cosine(got.get(i), expected.get(order.get(i)))).as("position " + i).isGreaterThan(0.99);
            }
        }
    }

    @Test
    void manyTextsSpanSeveralChunksInOrder() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(texts.get(i % 4).text() + " (case " + i + ")");
        }
        List<float[]> got = onnx.embedAll(many);
        assertThat(got).hasSize(600);
        for (int i : new int[] {0, 1, 511, 512, 513, 599}) {
            assertThat(cosine(got.get(i), onnx.embedQuery(many.get(i)))).as("text " + i)
                    .isGreaterThanOrEqualTo(SAME);
        }
    }

    @Test
    void emptyListGivesEmptyList() {
        assertThat(onnx.embedAll(List.of())).isEmpty();
    }

    @Test
    void blankTextIsRejectedLikeLangChain4j() {
        assertThatThrownBy(() -> onnx.embedAll(List.of("fine", "  "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> onnx.embedQuery("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCallsGiveTheSameVectors() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> all = new ArrayList<>();
            List<Future<float[]>> queries = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                all.add(callers.submit(() -> onnx.embedAll(strings)));
                queries.add(callers.submit(() -> onnx.embedQuery(strings.get(0))));
            }
            for (Future<List<float[]>> f : all) {
                assertSame(f.get(), expected, "concurrent embedAll");
            }
            for (Future<float[]> f : queries) {
                assertThat(cosine(f.get(), expected.get(0))).isGreaterThanOrEqualTo(SAME);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void closedEmbedderRefusesWork() {
        OnnxBatchEmbedder e = OnnxBatchEmbedder.bgeSmall(new OnnxBatchEmbedder.Options(1, 1, 1, 1));
        e.close();
        e.close();
        assertThatThrownBy(() -> e.embedQuery("x")).isInstanceOf(IllegalStateException.class);
    }

    private void assertSame(List<float[]> got, List<float[]> want, String what) {
        assertThat(got).as(what).hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            assertThat(cosine(got.get(i), want.get(i))).as(what + ": " + texts.get(i).id())
                    .isGreaterThanOrEqualTo(SAME);
        }
    }

    static double cosine(float[] a, float[] b) {
        return Vectors.cosine(a, b);
    }

    private static List<Text> readPassages() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Text> out = new ArrayList<>();
        try (InputStream in = OnnxBatchEmbedderTest.class.getResourceAsStream("/embed/passages.jsonl");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    out.add(new Text(n.get("id").asText(), n.get("kind").asText(), n.get("text").asText()));
                }
            }
        }
        return out;
    }
}
