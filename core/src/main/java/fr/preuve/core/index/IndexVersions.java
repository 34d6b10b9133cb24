package fr.preuve.core.index;

import fr.preuve.core.config.Defaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The corpus versions an index keeps on disk: the writer configuration whose {@link KeepVersionsPolicy} keeps the
 * commits of the last {@link Defaults#KEEP_VERSIONS} complete versions, listing them, and making one the head again.
 */
final class IndexVersions {

    private IndexVersions() {
    }

    /**
     * The configuration of every writer of an index: append, no commit on close, versions kept; the HNSW graph's
     * settings stated ({@link Defaults#HNSW_MAX_CONN}, {@link Defaults#HNSW_BEAM_WIDTH}); merges run in the writing
     * thread, so the same documents written in the same order give the same segments and the same graphs (with
     * background merges, which segments merge depended on timing, and a rebuilt index searched differently).
     */
    static IndexWriterConfig writerConfig() {
        return new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                .setIndexDeletionPolicy(new KeepVersionsPolicy(Defaults.KEEP_VERSIONS))
                .setRAMBufferSizeMB(64)
                .setMergeScheduler(new SerialMergeScheduler())
                .setCodec(CODEC);
    }

    /** Lucene's current codec with the HNSW settings of {@link Defaults}. */
    private static final Codec CODEC = new Lucene104Codec() {
        private final KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(Defaults.HNSW_MAX_CONN,
                Defaults.HNSW_BEAM_WIDTH);

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return vectors;
        }
    };

    /** See {@link PassageIndex#keptVersions}. */
    static List<CorpusState> keptVersions(Path dir) {
        if (!PassageIndex.exists(dir)) {
            return List.of();
        }
        try (Directory directory = FSDirectory.open(dir)) {
            List<CorpusState> out = new ArrayList<>();
            for (IndexCommit c : DirectoryReader.listCommits(directory)) {
                CorpusState s = CorpusState.from(c.getUserData());
                if (s.complete() && s.version() != null) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the commits of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** See {@link PassageIndex#rollback}. */
    static CorpusState rollback(Path dir, String version) {
        if (!PassageIndex.exists(dir)) {
            throw new IllegalStateException("no index at " + dir + " yet: run `preuve index` first");
        }
        try (Directory directory = FSDirectory.open(dir)) {
            IndexCommit target = null;
            for (IndexCommit c : DirectoryReader.listCommits(directory)) {
                CorpusState s = CorpusState.from(c.getUserData());
                if (s.complete() && version.equals(s.version())) {
                    target = c;
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("version '" + version + "' is not kept in " + dir + "; kept: "
                        + keptVersions(dir).stream().map(CorpusState::version).distinct().toList());
            }
            try (IndexWriter w = new IndexWriter(directory, writerConfig().setIndexCommit(target))) {
                w.setLiveCommitData(new TreeMap<>(target.getUserData()).entrySet());
                w.commit();
            }
            return CorpusState.from(target.getUserData());
        } catch (LockObtainFailedException e) {
            throw new IndexLockedException(dir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll back the index at " + dir + ": " + e.getMessage(), e);
        }
    }
}
