package fr.preuve.indexer.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The documents that differ between two corpus versions, by id, sorted.
 *
 * @param added   in {@code to} only
 * @param changed in both, with a different content hash
 * @param removed in {@code from} only
 */
public record VersionDiff(String from, String to, List<String> added, List<String> changed, List<String> removed) {

    public VersionDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** Compares two manifests (document id to content hash). */
    public static VersionDiff of(String from, Map<String, String> before, String to, Map<String, String> after) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            String a = before.get(id);
            String b = after.get(id);
            if (a == null) {
                added.add(id);
            } else if (b == null) {
                removed.add(id);
            } else if (!a.equals(b)) {
                changed.add(id);
            }
        }
        return new VersionDiff(from, to, added, changed, removed);
    }
}
