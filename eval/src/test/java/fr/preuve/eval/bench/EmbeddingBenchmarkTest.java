package fr.preuve.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.embed.LangChain4jEmbedder;
import fr.preuve.core.embed.OnnxBatchEmbedder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingBenchmarkTest {

    private static Path mini() throws URISyntaxException {
        return Path.of(EmbeddingBenchmarkTest.class.getResource("/bench/mini_pqal.json").toURI());
    }

    @Test
    void passagesAreFixedSizeWindowsSpreadOverAbstracts() throws Exception {
        // Abstracts of 251, 245 and 173 words: 2 + 2 + 1 windows of 100 words, first windows first.
        List<String> p = EmbeddingBenchmark.loadPassages(mini(), 10, 100);
        assertThat(p).hasSize(5).allMatch(s -> s.split("\\s+").length == 100);
        assertThat(p.get(0)).startsWith("Programmed cell death (PCD)");
        assertThat(p.get(3)).doesNotStartWith("Programmed").isNotEqualTo(p.get(0));
        assertThat(EmbeddingBenchmark.loadPassages(mini(), 2, 100)).containsExactlyElementsOf(p.subList(0, 2));
    }

    @Test
    void questionsAreRead() throws Exception {
        assertThat(EmbeddingBenchmark.loadQuestions(mini(), 10)).hasSize(3)
                .first().asString().startsWith("Do mitochondria play a role");
    }

    @Test
    void statistics() {
        double[] v = {5, 1, 4, 2, 3};
        assertThat(EmbeddingBenchmark.median(v)).isEqualTo(3);
        assertThat(EmbeddingBenchmark.median(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
        assertThat(EmbeddingBenchmark.percentile(v, 50)).isEqualTo(3);
        assertThat(EmbeddingBenchmark.percentile(v, 95)).isEqualTo(5);
        assertThat(v).containsExactly(5, 1, 4, 2, 3);
    }

    @Test
    void argumentsAreParsed() {
        EmbeddingBenchmark.Config c = EmbeddingBenchmark.parse(new String[] {"x.json", "--passages", "50", "--words",
            "120", "--rounds", "3", "--queries", "40", "--batch", "4", "--workers", "1", "--threads", "2",
            "--query-threads", "2", "--variant", "1,2,1,2", "--no-baseline"});
        assertThat(c.data()).isEqualTo(Path.of("x.json"));
        assertThat(c.passages()).isEqualTo(50);
        assertThat(c.wordsPerPassage()).isEqualTo(120);
        assertThat(c.rounds()).isEqualTo(3);
        assertThat(c.queries()).isEqualTo(40);
        assertThat(c.onnx()).isEqualTo(new OnnxBatchEmbedder.Options(4, 1, 2, 2));
        assertThat(c.variants()).containsExactly(new OnnxBatchEmbedder.Options(1, 2, 1, 2));
        assertThat(c.baseline()).isFalse();
        assertThatThrownBy(() -> EmbeddingBenchmark.parse(new String[] {"--nope"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void smallRunReportsEveryEmbedder() throws Exception {
        EmbeddingBenchmark.Config c = new EmbeddingBenchmark.Config(mini(), 3, 60, 1, 3,
                new OnnxBatchEmbedder.Options(1, 2, 1, 2), List.of(new OnnxBatchEmbedder.Options(2, 1, 2, 2)), true);
        EmbeddingBenchmark.Result r = EmbeddingBenchmark.run(c);
        assertThat(r.passages()).isEqualTo(3);
        assertThat(r.meanWords()).isEqualTo(60);
        assertThat(r.rows()).hasSize(3);
        assertThat(r.rows().get(0).modelId()).isEqualTo(LangChain4jEmbedder.BGE_SMALL_EN_V15_Q);
        EmbeddingBenchmark.Row onnx = r.rows().get(1);
        assertThat(onnx.modelId()).isEqualTo(LangChain4jEmbedder.BGE_SMALL_EN_V15_Q);
        assertThat(onnx.minCosine()).isGreaterThanOrEqualTo(0.9999);
        assertThat(onnx.passagesPerSecond()).isPositive();
        assertThat(onnx.queryP95Ms()).isGreaterThanOrEqualTo(onnx.queryP50Ms());
        assertThat(r.rows().get(2).modelId()).endsWith(OnnxBatchEmbedder.BATCHED_ID_SUFFIX);
        assertThat(r.table()).contains("passages/s", "langchain4j", "onnx batch=2");
    }
}
