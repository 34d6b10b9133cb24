package fr.preuve.indexer.source.pubmedqa;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.indexer.source.DocumentSource;
import fr.preuve.indexer.source.ReadOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * PubMedQA PQA-L ({@code ori_pqal.json}): an object keyed by PMID, each item a PubMed abstract with its title as a
 * question. One {@link SourceDocument} per item, in file order, streamed (the file is never held in memory as a tree).
 *
 * <p>Item → {@code pubmed:<PMID>}, title = QUESTION, date = YEAR, url = the PubMed page, sections = CONTEXTS with
 * LABELS as headings, then LONG_ANSWER under "CONCLUSIONS" (the abstract's conclusion) unless a context already holds
 * it. MeSH terms go to metadata "mesh". The evaluation labels (final_decision, reasoning_*) are left out on purpose.
 */
public final class PubMedQaSource implements DocumentSource {

    private static final Pattern PMID = Pattern.compile("\\d{1,9}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path json;

    public PubMedQaSource(Path json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void read(Consumer<ReadOutcome> sink) {
        String file = String.valueOf(json.getFileName());
        try {
            if (!Files.isRegularFile(json)) {
                sink.accept(new ReadOutcome.Failed(file, "file not found: " + json));
                return;
            }
            if (Files.size(json) == 0) {
                sink.accept(new ReadOutcome.Failed(file, "file is empty"));
                return;
            }
        } catch (IOException e) {
            sink.accept(new ReadOutcome.Failed(file, "cannot read file: " + e.getMessage()));
            return;
        }
        JsonFactory factory = MAPPER.getFactory();
        String lastKey = null;
        try (InputStream in = Files.newInputStream(json); JsonParser p = factory.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                sink.accept(new ReadOutcome.Failed(file, "file is empty"));
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                sink.accept(new ReadOutcome.Failed(file, "not a PubMedQA file: expected a JSON object keyed by PMID, found "
                        + first.asString()));
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                lastKey = key;
                p.nextToken();
                JsonNode item = p.readValueAsTree();
                sink.accept(toOutcome(file, key, item));
            }
            if (t != JsonToken.END_OBJECT) {
                sink.accept(new ReadOutcome.Failed(file, "invalid JSON: unexpected " + t));
            }
        } catch (JsonProcessingException e) {
            sink.accept(new ReadOutcome.Failed(file + where(lastKey, e.getLocation()),
                    "invalid or truncated JSON: " + e.getOriginalMessage()));
        } catch (NoSuchFileException e) {
            sink.accept(new ReadOutcome.Failed(file, "file not found: " + json));
        } catch (IOException | RuntimeException e) {
            sink.accept(new ReadOutcome.Failed(file + where(lastKey, null), "cannot read file: " + e));
        }
    }

    private static String where(String lastKey, JsonLocation loc) {
        StringBuilder sb = new StringBuilder();
        if (lastKey != null) {
            sb.append(" after #").append(lastKey);
        }
        if (loc != null && loc.getLineNr() > 0) {
            sb.append(" (line ").append(loc.getLineNr()).append(", column ").append(loc.getColumnNr()).append(')');
        }
        return sb.toString();
    }

    private static ReadOutcome toOutcome(String file, String pmid, JsonNode item) {
        String location = file + "#" + pmid;
        try {
            return new ReadOutcome.Read(toDocument(pmid, item));
        } catch (BadItem e) {
            return new ReadOutcome.Failed(location, e.getMessage());
        } catch (RuntimeException e) {
            return new ReadOutcome.Failed(location, "cannot build the document: " + e.getMessage());
        }
    }

    static SourceDocument toDocument(String pmid, JsonNode item) {
        if (!PMID.matcher(pmid).matches()) {
            throw new BadItem("key '" + pmid + "' is not a PMID");
        }
        if (item == null || !item.isObject()) {
            throw new BadItem("item is not a JSON object");
        }
        String question = text(item.get("QUESTION"));
        if (question == null) {
            throw new BadItem("no QUESTION (title)");
        }
        JsonNode contexts = item.get("CONTEXTS");
        if (contexts != null && !contexts.isNull() && !contexts.isArray()) {
            throw new BadItem("CONTEXTS is not an array");
        }
        JsonNode labels = item.get("LABELS");
        List<Section> sections = new ArrayList<>();
        if (contexts != null && contexts.isArray()) {
            for (int i = 0; i < contexts.size(); i++) {
                String text = text(contexts.get(i));
                if (text == null) {
                    continue;
                }
                String label = labels != null && labels.isArray() && i < labels.size() ? text(labels.get(i)) : null;
                sections.add(Section.of(label, text));
            }
        }
        String conclusion = text(item.get("LONG_ANSWER"));
        if (conclusion != null && sections.stream().noneMatch(s -> s.text().equals(conclusion))) {
            sections.add(Section.of("CONCLUSIONS", conclusion));
        }
        if (sections.isEmpty()) {
            throw new BadItem("no text: CONTEXTS and LONG_ANSWER are empty");
        }
        String year = text(item.get("YEAR"));
        String date = year != null && YEAR.matcher(year).matches() ? year : null;
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode meshes = item.get("MESHES");
        if (meshes != null && meshes.isArray()) {
            List<String> terms = new ArrayList<>();
            meshes.forEach(m -> {
                String term = text(m);
                if (term != null) {
                    terms.add(term);
                }
            });
            if (!terms.isEmpty()) {
                metadata.put("mesh", String.join("; ", terms));
            }
        }
        return new SourceDocument(DocumentId.of(SourceKind.PUBMED, pmid), question, "en", date,
                "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/", sections, metadata);
    }

    /** The node's text with whitespace collapsed, or null when absent, not a scalar, or blank. */
    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = SPACES.matcher(n.asText()).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    private static final class BadItem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadItem(String message) {
            super(message, null, false, false);
        }
    }
}
