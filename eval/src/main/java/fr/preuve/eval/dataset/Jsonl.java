package fr.preuve.eval.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reading and writing JSON Lines datasets: UTF-8, one JSON object per line, blank lines ignored. Every object is
 * checked field by field through a {@link Line}, whose errors name the file, line and field.
 */
final class Jsonl {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/\\-]*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private Jsonl() {
    }

    /** Reads every non-blank line of {@code file} as an object and hands it to {@code parse}. */
    static <T> List<T> read(Path file, Function<Line, T> parse) {
        String name = String.valueOf(file);
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(name, 0, null, "no such file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(name, 0, null, "no such file");
        } catch (IOException e) {
            throw new DatasetException(name, 0, null, "cannot read: " + e.getMessage(), e);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<T> out = new ArrayList<>();
        int lineNo = 0;
        int from = 0;
        while (from < bytes.length) {
            int nl = from;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            lineNo++;
            String text;
            try {
                text = decoder.decode(ByteBuffer.wrap(bytes, from, nl - from)).toString();
            } catch (CharacterCodingException e) {
                throw new DatasetException(name, lineNo, null, "not valid UTF-8", e);
            }
            from = nl + 1;
            if (lineNo == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try (JsonParser p = MAPPER.createParser(text)) {
                node = MAPPER.readTree(p);
                if (p.nextToken() != null) {
                    throw new DatasetException(name, lineNo, null, "more than one JSON value on the line");
                }
            } catch (JsonProcessingException e) {
                throw new DatasetException(name, lineNo, null, "not valid JSON: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new DatasetException(name, lineNo, null, "cannot parse: " + e.getMessage(), e);
            }
            if (!(node instanceof ObjectNode obj)) {
                throw new DatasetException(name, lineNo, null, "expected a JSON object, found " + node.getNodeType());
            }
            out.add(parse.apply(new Line(name, lineNo, obj)));
        }
        if (out.isEmpty()) {
            throw new DatasetException(name, 0, null, "the file holds no records");
        }
        return out;
    }

    /** Writes one compact JSON object per line, UTF-8, LF line ends. */
    static void write(Path file, List<ObjectNode> rows) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (ObjectNode row : rows) {
                    w.write(MAPPER.writeValueAsString(row));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Collapses runs of white space to one space and trims. */
    static String normalizeSpaces(String s) {
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** One object of a JSONL file, with typed, checked accessors. */
    static final class Line {
        final String file;
        final int line;
        final ObjectNode obj;

        Line(String file, int line, ObjectNode obj) {
            this.file = file;
            this.line = line;
            this.obj = obj;
        }

        DatasetException error(String field, String reason) {
            return new DatasetException(file, line, field, reason);
        }

        /** Rejects any field not in {@code allowed}. */
        void onlyFields(Set<String> allowed) {
            Iterator<String> names = obj.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!allowed.contains(n)) {
                    throw error(n, "unknown field; expected only " + String.join(", ", allowed));
                }
            }
        }

        private JsonNode present(String field) {
            JsonNode n = obj.get(field);
            return n == null || n.isNull() ? null : n;
        }

        String requiredString(String field) {
            String s = optionalString(field);
            if (s == null) {
                throw error(field, "missing (required)");
            }
            return s;
        }

        /** A non-blank string, or null when the field is absent or null. */
        String optionalString(String field) {
            JsonNode n = present(field);
            if (n == null) {
                return null;
            }
            if (!n.isTextual()) {
                throw error(field, "expected a string, found " + n.getNodeType());
            }
            if (n.textValue().isBlank()) {
                throw error(field, "is blank");
            }
            return n.textValue();
        }

        String id(String field) {
            String id = requiredString(field);
            if (!ID.matcher(id).matches()) {
                throw error(field, "bad id '" + id + "': letters, digits, '.', '_', ':', '/', '-' only, starting with"
                        + " a letter or digit");
            }
            return id;
        }

        boolean optionalBoolean(String field, boolean dflt) {
            JsonNode n = present(field);
            if (n == null) {
                return dflt;
            }
            if (!n.isBoolean()) {
                throw error(field, "expected true or false, found " + n.getNodeType());
            }
            return n.booleanValue();
        }

        /** An array of distinct positive integers; absent = empty. */
        List<Integer> positiveInts(String field) {
            JsonNode n = present(field);
            if (n == null) {
                return List.of();
            }
            if (!n.isArray()) {
                throw error(field, "expected an array of page numbers, found " + n.getNodeType());
            }
            Set<Integer> out = new LinkedHashSet<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode e = n.get(i);
                if (!e.isInt() || e.intValue() < 1) {
                    throw error(field + "[" + i + "]", "expected a positive integer, found '" + e + "'");
                }
                if (!out.add(e.intValue())) {
                    throw error(field + "[" + i + "]", "duplicate value " + e.intValue());
                }
            }
            return List.copyOf(out);
        }

        /** An array of non-blank strings, distinct; absent = empty unless {@code required}. */
        List<String> strings(String field, boolean required) {
            JsonNode n = present(field);
            if (n == null) {
                if (required) {
                    throw error(field, "missing (required; use [] for none)");
                }
                return List.of();
            }
            if (!n.isArray()) {
                throw error(field, "expected an array of strings, found " + n.getNodeType());
            }
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode e = n.get(i);
                String f = field + "[" + i + "]";
                if (!e.isTextual()) {
                    throw error(f, "expected a string, found " + e.getNodeType());
                }
                if (e.textValue().isBlank()) {
                    throw error(f, "is blank");
                }
                if (!out.add(e.textValue())) {
                    throw error(f, "duplicate value '" + e.textValue() + "'");
                }
            }
            return List.copyOf(out);
        }
    }
}
