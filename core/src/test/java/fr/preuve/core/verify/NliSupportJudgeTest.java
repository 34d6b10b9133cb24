package fr.preuve.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.embed.OnnxBatchEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No NLI model is available offline: these tests cover the loading checks only. */
class NliSupportJudgeTest {
    @TempDir
    Path dir;

    private void copyResource(String resource, Path to) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, to);
        }
    }

    @Test
    void missingDirectoryIsNamed() {
        Path missing = dir.resolve("no-such-model");
        assertThatThrownBy(() -> NliSupportJudge.load(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NLI model directory not found: " + missing)
                .hasMessageContaining("model.onnx and tokenizer.json");
    }

    @Test
    void missingModelAndTokenizerFilesAreNamed() throws IOException {
        assertThatThrownBy(() -> NliSupportJudge.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("model.onnx") + " not found");
        Files.writeString(dir.resolve("model.onnx"), "x");
        assertThatThrownBy(() -> NliSupportJudge.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("tokenizer.json") + " not found");
    }

    @Test
    void withoutId2LabelTheEntailmentIndexMustBeGiven() throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "x");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        assertThatThrownBy(() -> NliSupportJudge.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is entailment: no id2label in " + dir.resolve("config.json"));
        Files.writeString(dir.resolve("config.json"), "{\"id2label\": {\"0\": \"LABEL_0\", \"1\": \"LABEL_1\"}}");
        assertThatThrownBy(() -> NliSupportJudge.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no 'entailment' label in id2label");
    }

    @Test
    void id2LabelIsRead() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"id2label\": {\"0\": \"contradiction\", \"1\": \"entailment\", \"2\": \"neutral\"}}",
                StandardCharsets.UTF_8);
        assertThat(NliSupportJudge.id2label(config)).isEqualTo(Map.of(0, "contradiction", 1, "entailment", 2, "neutral"));
        Files.writeString(config, "{\"id2label\": {\"first\": \"entailment\"}}");
        assertThatThrownBy(() -> NliSupportJudge.id2label(config)).hasMessageContaining("'first' is not an integer");
    }

    @Test
    void aFileThatIsNotAnOnnxModelIsNamed() throws IOException {
        Files.writeString(dir.resolve("model.onnx"), "not a model");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        assertThatThrownBy(() -> NliSupportJudge.load(dir, new NliSupportJudge.Settings(0, 0.5, 512)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot load the ONNX model " + dir.resolve("model.onnx"));
    }

    @Test
    void anEncoderWhoseOutputIsNotLogitsIsRefused() throws IOException {
        // bge-small is a BERT encoder: the right inputs, but its output is [batch, tokens, 384], not logits
        copyResource(OnnxBatchEmbedder.BGE_SMALL_MODEL_RESOURCE, dir.resolve("model.onnx"));
        copyResource(OnnxBatchEmbedder.BGE_SMALL_TOKENIZER_RESOURCE, dir.resolve("tokenizer.json"));
        assertThatThrownBy(() -> NliSupportJudge.load(dir, new NliSupportJudge.Settings(0, 0.5, 512)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of " + dir.resolve("model.onnx") + " does not fit an NLI cross-encoder")
                .hasMessageContaining("expected logits [batch, labels], got shape [-1, -1, 384]");
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new NliSupportJudge.Settings(-1, 0.5, 512)).hasMessageContaining("entailmentIndex");
        assertThatThrownBy(() -> new NliSupportJudge.Settings(null, 1.5, 512)).hasMessageContaining("minEntailment");
        assertThatThrownBy(() -> new NliSupportJudge.Settings(null, 0.5, 8)).hasMessageContaining("maxTokens");
    }

    @Test
    void softmax() {
        double[] p = NliSupportJudge.softmax(new float[] {1f, 2f, 3f});
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p[2]).isCloseTo(0.6652, org.assertj.core.data.Offset.offset(1e-4));
    }
}
