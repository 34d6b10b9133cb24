package fr.preuve.indexer.source.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Golden-file support for source tests: a stable JSON rendering of parsed documents, compared with
 * {@code src/test/resources/golden/<name>}. Run with {@code -Dgolden.update=true} to (re)write the goldens, then read
 * them before committing.
 */
public final class GoldenFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoldenFiles() {
    }

    /** The indexer module directory (the working directory under Maven). */
    public static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("src/main/java/fr/preuve/indexer")) ? here : here.resolve("indexer");
    }

    /** A file of the demo corpus shipped in {@code corpus-config/demo}. */
    public static Path demo(String relative) {
        return moduleDir().resolve("../corpus-config/demo").resolve(relative).normalize();
    }

    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /** JSON of a document with only the sections kept by {@code keep}; "sectionCount" counts them all. */
    public static String render(SourceDocument d, Predicate<Section> keep) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id().toString());
        m.put("title", d.title());
        m.put("language", d.language());
        m.put("date", d.date());
        m.put("url", d.url());
        m.put("metadata", new TreeMap<>(d.metadata()));
        m.put("sectionCount", d.sections().size());
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Section s : d.sections()) {
            if (keep.test(s)) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("heading", s.heading());
                sm.put("page", s.page());
                sm.put("text", s.text());
                sections.add(sm);
            }
        }
        m.put("sections", sections);
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String render(SourceDocument d) {
        return render(d, s -> true);
    }

    /** Compares with the golden file, or writes it when {@code -Dgolden.update=true}. */
    public static void assertGolden(String name, String actual) {
        Path file = moduleDir().resolve("src/test/resources/golden").resolve(name);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file " + file + " is missing; run the test with -Dgolden.update=true and check it by eye");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertThat(actual).as("golden " + name + " (run with -Dgolden.update=true to regenerate)").isEqualTo(expected);
        } catch (IOException e) {
            throw new IllegalStateException("cannot access golden file " + file, e);
        }
    }

    /** Everything a source hands out, in order. */
    public static List<ReadOutcome> readAll(DocumentSource source) {
        List<ReadOutcome> out = new ArrayList<>();
        source.read(out::add);
        return out;
    }

    public static List<SourceDocument> documents(List<ReadOutcome> outcomes) {
        return outcomes.stream().filter(o -> o instanceof ReadOutcome.Read).map(o -> ((ReadOutcome.Read) o).document()).toList();
    }

    public static List<ReadOutcome.Failed> failures(List<ReadOutcome> outcomes) {
        return outcomes.stream().filter(o -> o instanceof ReadOutcome.Failed).map(o -> (ReadOutcome.Failed) o).toList();
    }
}
