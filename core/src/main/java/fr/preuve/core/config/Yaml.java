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

    /** A JSON mapper for records crossing module boundaries (UTF-8, ISO dates). */
    public static ObjectMapper json() {
        return JsonMapper.builder().findAndAddModules().build();
    }

    private static String describe(Path file, JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        JsonLocation loc = e.getLocation();
        String where = file + (loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() : "");
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
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
