package fr.preuve.indexer.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import fr.preuve.core.config.ConfigException;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.embed.EmbeddingSpec;
import fr.preuve.core.hash.Sha256;
import fr.preuve.indexer.source.SourceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A corpus declared in {@code corpus-config/*.yaml}: its name, index location, embedding model and sources. Relative
 * paths ({@code index}, source files) are resolved against the YAML file's directory.
 *
 * @param name        corpus name, also the default index directory name ({@code demo})
 * @param description what the corpus holds, for people
 * @param embedding   the embedding model: the shipped {@code bge-small-en-v1.5-q} (default), or a model on disk whose
 *                    paths {@link #load} resolves against the corpus file and checks
 * @param index       the index directory as declared, or null for {@code <home>/indexes/<name>}; see {@link #indexDir}
 * @param sources     the sources, indexed in this order
 * @param file        the YAML file it was read from (set by {@link #load})
 */
public record CorpusConfig(String name, String description,
                           @JsonDeserialize(using = EmbeddingYaml.class) EmbeddingSpec embedding, String index,
                           List<SourceSpec> sources, Path file) {

    public CorpusConfig {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("name must be lower-case letters, digits, '-' or '_' (it names the "
                    + "index directory), got '" + name + "'");
        }
        embedding = embedding == null ? EmbeddingSpec.shipped() : embedding;
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("sources is missing or empty: declare at least one source");
        }
        sources = List.copyOf(sources);
        Set<String> names = new HashSet<>();
        for (SourceSpec s : sources) {
            if (!names.add(s.label())) {
                throw new IllegalArgumentException("two sources are named '" + s.label() + "'; give each a distinct name");
            }
        }
    }

    /** Reads and validates a corpus file; errors name the file, line and field. */
    public static CorpusConfig load(Path file) {
        CorpusConfig c = Yaml.read(file, CorpusConfig.class);
        Path absolute = file.toAbsolutePath().normalize();
        CorpusConfig bound = new CorpusConfig(c.name(), c.description(), c.embedding().resolve(absolute.getParent()),
                c.index(), c.sources(), absolute);
        if (c.embedding() instanceof EmbeddingSpec.OnDisk declared
                && bound.embedding() instanceof EmbeddingSpec.OnDisk model) {
            requireFile(file, "model", model.model(), declared.model());
            requireFile(file, "tokenizer", model.tokenizer(), declared.tokenizer());
        }
        if (bound.index() != null) {
            String where = file + lineOf(file, "index") + ": field 'index': ";
            if (bound.index().isBlank()) {
                throw new ConfigException(where + "empty: name a directory, or leave the key out for <home>/indexes/" + bound.name());
            }
            Path dir;
            try {
                dir = bound.baseDir().resolve(bound.index()).normalize();
            } catch (InvalidPathException e) {
                throw new ConfigException(where + "'" + bound.index() + "' is not a valid path: " + e.getReason());
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ConfigException(where + "'" + bound.index() + "' is a file, not a directory: " + dir);
            }
            if (bound.baseDir().startsWith(dir)) {
                throw new ConfigException(where + "'" + bound.index() + "' is the directory of the corpus file or one "
                        + "above it (" + dir + "); the index needs a directory of its own");
            }
        }
        for (SourceSpec s : bound.sources()) {
            for (Path p : s.inputs(bound.baseDir())) {
                if (!Files.exists(p)) {
                    throw new ConfigException(file + ": source '" + s.label() + "': no such file or directory: " + p);
                }
            }
        }
        return bound;
    }

    /**
     * The directory of this corpus's index: the declared {@code index} resolved against the corpus file's directory,
     * else {@code <home>/indexes/<name>}. Every command and the server find the index through this method; its
     * versions, caches and downloads live beside it in {@code <dir>.meta}.
     */
    public Path indexDir(PreuveConfig config) {
        return index == null ? config.indexDir(name) : baseDir().resolve(index).normalize();
    }

    /** Fails unless {@code path}, declared as {@code declared} in field {@code embedding.<key>}, is a regular file. */
    private static void requireFile(Path corpusFile, String key, Path path, Path declared) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(corpusFile + lineOf(corpusFile, "embedding", key) + ": field 'embedding." + key
                    + "': " + (Files.isDirectory(path) ? "'" + declared + "' is a directory, not a file"
                    : "no such file '" + declared + "'") + " (" + path + ")");
        }
    }

    /**
     * {@code ":<line>"} of {@code sub:} in the block under the top-level {@code key} (for a flow mapping, or when not
     * found, the line of {@code key}), or "" when {@code key} cannot be found.
     */
    private static String lineOf(Path file, String key, String sub) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key + ":")) {
                    for (int j = i + 1; j < lines.size() && (lines.get(j).isBlank() || lines.get(j).startsWith(" ")); j++) {
                        if (lines.get(j).strip().startsWith(sub + ":")) {
                            return ":" + (j + 1);
                        }
                    }
                    return ":" + (i + 1);
                }
            }
        } catch (IOException e) {
            // the file was just read; without it the message names the field only
        }
        return "";
    }

    /** {@code ":<line>"} of the top-level {@code key} in {@code file}, or "" when it cannot be found. */
    private static String lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key + ":")) {
                    return ":" + (i + 1);
                }
            }
        } catch (IOException e) {
            // the file was just read; without it the message names the field only
        }
        return "";
    }

    /**
     * What sources are opened with: this file's directory, {@code cacheDir} for downloads, the process
     * environment and real HTTP.
     */
    public SourceContext sourceContext(Path cacheDir) {
        return SourceContext.of(baseDir(), cacheDir);
    }

    /** Directory that relative source paths are resolved against. */
    public Path baseDir() {
        return file == null ? Path.of("").toAbsolutePath() : file.getParent();
    }

    /**
     * A fingerprint of the declaration and of every input file (size and modification time): when it is unchanged
     * since the last complete run, there is nothing to re-read. A corpus with a {@linkplain SourceSpec#remote() network
     * source} gets a new fingerprint every time.
     */
    public String fingerprint() {
        try {
            MessageDigest md = Sha256.digest();
            if (file != null) {
                md.update(Files.readAllBytes(file));
            }
            for (SourceSpec s : sources) {
                if (s.remote()) {
                    // network content may have changed: never "up to date" without reading
                    md.update(java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                }
                for (Path p : s.inputs(baseDir())) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(p)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        md.update((f + "|" + Files.size(f) + "|" + Files.getLastModifiedTime(f).toMillis() + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint corpus " + name + ": " + e.getMessage(), e);
        }
    }
}
