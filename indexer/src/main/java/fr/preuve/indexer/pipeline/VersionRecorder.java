package fr.preuve.indexer.pipeline;

import fr.preuve.core.hash.Sha256;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.IndexCounts;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.indexer.versions.CorpusHistory;
import fr.preuve.indexer.versions.CorpusVersion;
import fr.preuve.indexer.versions.VersionDiff;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The last phase of a run: names the corpus version (the same content indexed the same way keeps its version),
 * writes its manifest, commits it, and records it in the {@link CorpusHistory}.
 */
final class VersionRecorder {

    private static final DateTimeFormatter VERSION_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final PassageIndex index;
    private final CorpusHistory history;
    private final Clock clock;

    VersionRecorder(PassageIndex index, CorpusHistory history, Clock clock) {
        this.index = index;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Commits the complete state of the run with {@code cursors}, after writing the manifest of its version, and
     * records that version.
     *
     * @param failures items that could not be read or indexed in this run
     */
    CorpusState commit(RunBasis basis, SourceCursors cursors, int failures) {
        index.refresh();
        Instant now = clock.instant();
        CorpusState previous = basis.previous();
        String candidate = version(basis.corpus(), now, index.documentHashes(), basis.vectors());
        boolean same = previous.version() != null && hashPart(previous.version()).equals(hashPart(candidate));
        CorpusState state = same ? basis.complete(previous.version(), previous.date())
                : basis.complete(candidate, now.toString());
        if (!history.hasManifest(state.version())) {
            // before the commit, so that a committed version can be diffed
            history.writeManifest(state.version(), index.documentEntries());
        }
        index.commit(cursors.commitData(state));
        record(state, failures);
        return state;
    }

    /**
     * Appends the history line of a complete version unless it is already the latest, with the documents added,
     * changed and removed since the latest recorded version.
     */
    void record(CorpusState state, int failures) {
        if (state.version() == null || !history.hasManifest(state.version())) {
            return; // an index written before versions were recorded: its next change records one
        }
        Optional<CorpusVersion> latest = history.latest();
        if (latest.isPresent() && latest.get().version().equals(state.version())) {
            return;
        }
        Map<String, String> before = latest.filter(v -> history.hasManifest(v.version()))
                .map(v -> history.manifest(v.version())).orElse(Map.of());
        VersionDiff diff = VersionDiff.of(latest.map(CorpusVersion::version).orElse(null), before, state.version(),
                history.manifest(state.version()));
        IndexCounts counts = index.counts();
        int documents = counts.documents();
        history.append(new CorpusVersion(CorpusVersion.INDEXED, state.version(), state.date(), state.name(),
                state.fingerprint(), state.model(), state.pipeline(), documents, counts.passages(), index.countsByOrigin(),
                diff.added().size(), diff.changed().size(), diff.removed().size(),
                documents - diff.added().size() - diff.changed().size(), failures, null));
    }

    /**
     * {@code <name>-<yyyyMMdd>-<8 hex>}: the hash covers every document's content and how passages were cut and
     * embedded, so the same corpus indexed the same way gets the same hash part.
     */
    static String version(String name, Instant when, Map<String, String> hashes, String vectors) {
        return name + "-" + VERSION_DATE.format(when) + "-" + contentHash(hashes, vectors);
    }

    private static String hashPart(String version) {
        return version.substring(version.lastIndexOf('-') + 1);
    }

    private static String contentHash(Map<String, String> hashes, String vectors) {
        MessageDigest md = Sha256.digest();
        md.update((vectors + "\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
            md.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 8);
    }
}
