package fr.preuve.indexer.versions;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.index.DocumentEntry;
import fr.preuve.core.index.PassageIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What Preuve keeps next to an index ({@code <index dir>.meta/}): the version history ({@code versions.jsonl}, one JSON
 * line per version, append-only), a manifest per version ({@code manifests/<version>.tsv.gz}: id, content hash,
 * passages, source name), the last run's report ({@code last-run.json}) and the embedding cache.
 */
public final class CorpusHistory {
    private static final ObjectMapper JSON = Yaml.json();

    private final Path indexDir;
    private final Path dir;

    private CorpusHistory(Path indexDir) {
        this.indexDir = indexDir;
        this.dir = indexDir.resolveSibling(indexDir.getFileName() + ".meta");
    }

    /** The history kept beside the index at {@code indexDir}. */
    public static CorpusHistory forIndex(Path indexDir) {
        return new CorpusHistory(indexDir.toAbsolutePath().normalize());
    }

    public Path dir() {
        return dir;
    }

    /** Where network sources keep their downloads and resume files. */
    public Path sourcesDir() {
        return dir.resolve("sources");
    }

    /** Where the embedding cache files live. */
    public Path embeddingsDir() {
        return dir.resolve("embeddings");
    }

    // ---------------------------------------------------------------- versions

    /** Every recorded version, oldest first (a line cut short by a crash is skipped). */
    public List<CorpusVersion> versions() {
        Path file = dir.resolve("versions.jsonl");
        List<CorpusVersion> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readValue(line, CorpusVersion.class));
                } catch (IOException partial) {
                    // the tail of an append interrupted by a crash: the version is re-recorded by the next run
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The newest record, if any. */
    public Optional<CorpusVersion> latest() {
        List<CorpusVersion> all = versions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** The newest record of {@code version}, if any. */
    public Optional<CorpusVersion> find(String version) {
        return versions().reversed().stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /** Appends a record to {@code versions.jsonl}. */
    public void append(CorpusVersion v) {
        Path file = dir.resolve("versions.jsonl");
        try {
            Files.createDirectories(dir);
            String line = JSON.writeValueAsString(v) + "\n";
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- manifests and diffs

    /** Writes the manifest of {@code version} (atomically: a crash leaves the old one or none). */
    public void writeManifest(String version, List<DocumentEntry> entries) {
        Path file = manifestFile(version);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(tmp)), StandardCharsets.UTF_8)) {
                for (DocumentEntry e : entries) {
                    w.write(e.id() + "\t" + e.contentHash() + "\t" + e.passages() + "\t" + e.origin() + "\n");
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Document id to content hash in {@code version}. */
    public Map<String, String> manifest(String version) {
        Path file = manifestFile(version);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("unknown corpus version '" + version + "'; known: "
                    + versions().stream().map(CorpusVersion::version).distinct().toList());
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                out.put(f[0], f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    public boolean hasManifest(String version) {
        return Files.exists(manifestFile(version));
    }

    /**
     * The documents added, changed and removed from {@code from} to {@code to}.
     *
     * @throws IllegalArgumentException naming an unknown version
     */
    public VersionDiff diff(String from, String to) {
        return VersionDiff.of(from, manifest(from), to, manifest(to));
    }

    private Path manifestFile(String version) {
        if (!version.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("unknown corpus version '" + version + "': versions look like demo-20261122-3f2a9c1b");
        }
        return dir.resolve("manifests").resolve(version + ".tsv.gz");
    }

    // ---------------------------------------------------------------- rollback

    /**
     * Restores the index to {@code version} (see {@link PassageIndex#rollback}) and records it as a new history line.
     * The index must not be open for writing elsewhere.
     */
    public CorpusVersion rollback(String version, Instant when) {
        CorpusVersion target = find(version).orElseThrow(() -> new IllegalArgumentException("unknown corpus version '"
                + version + "'; known: " + versions().stream().map(CorpusVersion::version).distinct().toList()));
        String from = latest().map(CorpusVersion::version).orElseThrow();
        Map<String, String> restored = manifest(version);
        PassageIndex.rollback(indexDir, version);
        VersionDiff diff = VersionDiff.of(from, hasManifest(from) ? manifest(from) : Map.of(), version, restored);
        CorpusVersion line = target.asRollback(when.toString(), from, diff);
        append(line);
        return line;
    }

    // ---------------------------------------------------------------- last run

    public void saveLastRun(LastRun run) {
        Path file = dir.resolve("last-run.json");
        Path tmp = dir.resolve("last-run.json.tmp");
        Yaml.writeJson(tmp, run);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The last run that read the sources, if one was recorded. */
    public Optional<LastRun> lastRun() {
        Path file = dir.resolve("last-run.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), LastRun.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
