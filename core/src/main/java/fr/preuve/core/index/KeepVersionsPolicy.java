package fr.preuve.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;

/**
 * Keeps the newest commit and the last {@code keep} commits of complete runs (user data {@code complete=true}), so that
 * the corpus can be rolled back to any of those versions; intermediate checkpoints are dropped once superseded.
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
        int completeSeen = 0;
        for (int i = commits.size() - 1; i >= 0; i--) { // newest first
            IndexCommit c = commits.get(i);
            boolean newest = i == commits.size() - 1;
            boolean complete = isComplete(c);
            if (complete) {
                completeSeen++;
            }
            if (!newest && !(complete && completeSeen <= keep)) {
                c.delete();
            }
        }
    }

    static boolean isComplete(IndexCommit c) {
        try {
            return "true".equals(c.getUserData().get("complete"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data of commit " + c.getSegmentsFileName(), e);
        }
    }
}
