package fr.preuve.eval.guard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.preuve.core.guard.FindingType;
import fr.preuve.eval.dataset.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A guard dataset: JSON Lines of {@code {"id", "text", "findings": [{"type", "text"}], "note"}} (format in
 * {@code eval/datasets/guard/README.md}). Loading checks every line; errors name the file, line and field.
 */
public record GuardSet(String name, List<GuardItem> items) {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/\\-]*");
    private static final Set<String> FIELDS = Set.of("id", "text", "findings", "note");
    private static final Set<String> FINDING_FIELDS = Set.of("type", "text");

    public GuardSet {
        items = List.copyOf(items);
    }

    /** Reads {@code file}; throws {@link DatasetException} naming the file, line and field of the first problem. */
    public static GuardSet load(Path file) {
        String name = file.getFileName() == null ? String.valueOf(file) : file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(name, 0, null, "cannot read: " + e.getMessage(), e);
        }
        List<GuardItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                GuardItem item = parse(name, i + 1, line);
                if (!ids.add(item.id())) {
                    throw new DatasetException(name, i + 1, "id", "duplicate id '" + item.id() + "'");
                }
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            throw new DatasetException(name, 0, null, "no items");
        }
        return new GuardSet(name, items);
    }

    private static GuardItem parse(String file, int lineNo, String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new DatasetException(file, lineNo, null, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new DatasetException(file, lineNo, null, "expected a JSON object");
        }
        unknownFields(file, lineNo, node, FIELDS, "");
        String id = string(file, lineNo, node, "id", "id");
        if (!ID.matcher(id).matches()) {
            throw new DatasetException(file, lineNo, "id", "bad id '" + id + "': letters, digits, . _ : / -");
        }
        String text = string(file, lineNo, node, "text", "text");
        JsonNode findings = node.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new DatasetException(file, lineNo, "findings", "expected an array (empty for a clean text)");
        }
        List<GoldFinding> gold = new ArrayList<>();
        for (int k = 0; k < findings.size(); k++) {
            String field = "findings[" + k + "]";
            JsonNode f = findings.get(k);
            if (!f.isObject()) {
                throw new DatasetException(file, lineNo, field, "expected an object {type, text}");
            }
            unknownFields(file, lineNo, f, FINDING_FIELDS, field + ".");
            String typeKey = string(file, lineNo, f, "type", field + ".type");
            FindingType type;
            try {
                type = FindingType.fromKey(typeKey);
            } catch (IllegalArgumentException e) {
                throw new DatasetException(file, lineNo, field + ".type", e.getMessage(), e);
            }
            String quote = string(file, lineNo, f, "text", field + ".text").trim();
            int start = locate(text, quote, gold);
            if (start < 0) {
                throw new DatasetException(file, lineNo, field + ".text", "'" + quote + "' is not in the text"
                        + (text.contains(quote) ? " (as many times as it is labelled)" : ""));
            }
            gold.add(new GoldFinding(type, quote, start, start + quote.length()));
        }
        JsonNode note = node.get("note");
        if (note != null && !note.isTextual()) {
            throw new DatasetException(file, lineNo, "note", "expected a string");
        }
        return new GuardItem(id, text, gold, note == null ? null : note.asText());
    }

    /** The first occurrence of {@code quote} that no earlier gold finding overlaps, or -1. */
    private static int locate(String text, String quote, List<GoldFinding> taken) {
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
            int s = at;
            if (taken.stream().noneMatch(g -> s < g.end() && g.start() < s + quote.length())) {
                return at;
            }
        }
        return -1;
    }

    private static String string(String file, int lineNo, JsonNode node, String key, String field) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new DatasetException(file, lineNo, field, "expected a non-blank string");
        }
        return v.asText();
    }

    private static void unknownFields(String file, int lineNo, JsonNode node, Set<String> allowed, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new DatasetException(file, lineNo, prefix + f, "unknown field; expected " + allowed);
            }
        }
    }

    public int size() {
        return items.size();
    }
}
