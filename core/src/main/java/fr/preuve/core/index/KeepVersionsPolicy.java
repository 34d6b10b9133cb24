package fr.preuve.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;

/**
 * Keeps the newest commit, and the newest commit of each of the last {@code keep} corpus versions produced by complete
 * runs (user data {@code complete=true}), so that the corpus can be rolled back to any of those versions. Intermediate
 * checkpoints and repeated commits of one version are dropped once superseded.
 */
final class KeepVersionsPolicy extends IndexDeletionPolicy {
    private final int keep;

    KeepVersionsPolicy(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("at least one version must be kept, got " + keep);
        }
        this.keep = keep;
    }

    @Override
    public void onInit(List<? extends IndexCommit> commits) {
        onCommit(commits);
    }

    @Override
    public void onCommit(List<? extends IndexCommit> commits) {
        Set<String> kept = new HashSet<>();
        for (int i = commits.size() - 1; i >= 0; i--) { // newest first
            IndexCommit c = commits.get(i);
            CorpusState s = CorpusState.from(userData(c));
            boolean keepVersion = s.complete() && s.version() != null && kept.size() < keep && kept.add(s.version());
            if (i < commits.size() - 1 && !keepVersion) {
                c.delete();
            }
        }
    }

    private static Map<String, String> userData(IndexCommit c) {
        try {
            return c.getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data of commit " + c.getSegmentsFileName(), e);
        }
    }
}
