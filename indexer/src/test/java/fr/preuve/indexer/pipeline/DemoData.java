package fr.preuve.indexer.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.testing.RunDir;
import fr.preuve.core.testing.TestEmbedders;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Real demo data shipped in {@code corpus-config/demo/}, and corpora built from it for tests. */
final class DemoData {
    private DemoData() {
    }

    static final Path DEMO = Path.of("").toAbsolutePath().getParent().resolve("corpus-config/demo");
    static final Path PUBMEDQA = DEMO.resolve("pubmedqa/ori_pqal.json");
    static final Path HAS_XML = DEMO.resolve("has/has_rest_RecommandationVaccinale_page0.xml");
    static final Path HEALTHY_DIET = DEMO.resolve("who/who_emro_healthy_diet_WHO-EM-NUT-282-E.pdf");

    /** One embedder for the whole test JVM: loading the ONNX model takes a second or two. */
    static Embedder embedder() {
        return TestEmbedders.shipped();
    }

    /** Writes a corpus file into {@code dir} and loads it. */
    static CorpusConfig corpus(Path dir, String yaml) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("corpus.yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return CorpusConfig.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small mixed corpus: the WHO healthy-diet guide (English PDF) and the two HAS recommendations (French). */
    static String smallCorpusYaml() {
        return """
                name: small
                sources:
                  - type: who-pdf
                    path: %s
                    id: WHO-EM-NUT-282-E
                    title: Healthy diet
                    date: "2019"
                  - type: has-api-xml
                    path: %s
                """.formatted(HEALTHY_DIET, HAS_XML);
    }

    /**
     * Writes {@code count} real PubMedQA items, starting at item {@code from} of {@code ori_pqal.json}, to {@code file}
     * (a PubMedQA file the {@code pubmedqa} source reads), after {@code edit} has had its way with them.
     */
    static Path pubmedqaSubset(Path file, int from, int count, java.util.function.Consumer<ObjectNode> edit) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode all = json.readTree(PUBMEDQA.toFile());
            ObjectNode out = json.createObjectNode();
            var it = all.properties().iterator();
            for (int i = 0; it.hasNext() && i < from + count; i++) {
                var e = it.next();
                if (i >= from) {
                    out.set(e.getKey(), e.getValue());
                }
            }
            edit.accept(out);
            Files.createDirectories(file.toAbsolutePath().getParent());
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Document ids ({@code pubmed:<PMID>}) of items {@code from} to {@code from + count - 1}, in file order. */
    static java.util.List<String> pubmedqaIds(int from, int count) {
        try {
            var ids = new java.util.ArrayList<String>();
            var it = new ObjectMapper().readTree(PUBMEDQA.toFile()).properties().iterator();
            for (int i = 0; it.hasNext() && i < from + count; i++) {
                String pmid = it.next().getKey();
                if (i >= from) {
                    ids.add("pubmed:" + pmid);
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A corpus of one PubMedQA file. */
    static String pubmedqaYaml(String name, Path file) {
        return """
                name: %s
                sources:
                  - type: pubmedqa
                    name: pubmedqa
                    path: %s
                    licence: PubMedQA MIT; abstracts courtesy of the U.S. National Library of Medicine
                """.formatted(name, file.toAbsolutePath());
    }

    static IndexReport index(PassageIndex index, CorpusConfig corpus) {
        return new Indexer(index, embedder(), Chunker.defaults(), Clock.systemUTC(), ProgressListener.NONE).run(corpus, false);
    }

    private static PassageIndex pubmedqa;

    /**
     * The 1,000 PubMedQA abstracts indexed once per test JVM, in its {@link RunDir} (deleted at exit), and shared by
     * the classes that search them.
     */
    static synchronized PassageIndex pubmedqaIndex() {
        if (pubmedqa == null) {
            Path dir = RunDir.resolve("pubmedqa");
            CorpusConfig corpus = corpus(dir, """
                    name: pubmedqa
                    sources:
                      - type: pubmedqa
                        path: %s
                    """.formatted(PUBMEDQA));
            PassageIndex index = PassageIndex.openForWriting(dir.resolve("index"));
            index(index, corpus);
            pubmedqa = index;
        }
        return pubmedqa;
    }
}
