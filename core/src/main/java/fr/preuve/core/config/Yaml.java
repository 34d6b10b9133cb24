package fr.preuve.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Strict YAML binding to records: unknown keys, wrong types and missing values fail with file, line and field. */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Yaml() {
    }

    /** Binds {@code file} to {@code type}; any problem is a {@link ConfigException} naming file, line and field. */
    public static <T> T read(Path file, Class<T> type) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new ConfigException(file + ": the file is empty");
            }
            return value;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (JsonMappingException e) {
            throw new ConfigException(describe(file, e), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code value} to {@code file} as indented JSON, creating missing parent directories. */
    public static void writeJson(Path file, Object value) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            json().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A JSON mapper for records crossing module boundaries (UTF-8, the {@code java.time} module registered). It keeps
     * Jackson's default of writing dates as numbers: an {@link java.time.Instant} is epoch seconds with a nanosecond
     * fraction ({@code 1764806400.000000000}), not an ISO-8601 string; records that must show an ISO date hold it as a
     * {@code String}.
     */
    public static ObjectMapper json() {
        return JsonMapper.builder().findAndAddModules().build();
    }

    /**
     * The line of {@code key:} at or above {@code reported}: the YAML parser reports where it stopped, which can be past
     * the offending key.
     */
    private static int keyLine(Path file, String key, int reported) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\s*(-\\s+)?[\"']?"
                    + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:");
            for (int i = Math.min(reported, lines.size()); i >= 1; i--) {
                if (p.matcher(lines.get(i - 1)).find()) {
                    return i;
                }
            }
        } catch (IOException ignored) {
            // keep the parser's line
        }
        return reported;
    }

    private static String describe(Path file, JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        JsonLocation loc = e.getLocation();
        int line = loc == null ? -1 : loc.getLineNr();
        String key = e.getPath().isEmpty() ? null : e.getPath().getLast().getFieldName();
        if (line > 0 && key != null) {
            line = keyLine(file, key, line);
        }
        String where = file + (line > 0 ? ":" + line : "");
        Throwable root = e;
        while (root.getCause() != null && !root.getCause().equals(root)) { // Throwable: identity
            root = root.getCause();
        }
        String reason = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
        int cut = reason.indexOf(" (class ");
        if (cut > 0) {
            reason = reason.substring(0, cut);
        }
        return where + (field.isEmpty() ? "" : ": field '" + field + "'") + ": " + reason;
    }
}
