package fr.preuve.indexer.source.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of a folder that never leaves it: hidden entries are skipped; a symbolic link is followed only when its
 * target lies inside the folder, and each real file or folder is visited once (a second path to it is ignored, a link
 * back to a folder that contains it is a loop). Links outside, broken links, loops, devices, FIFOs and sockets are
 * {@link Skipped} entries, never opened. Nothing is read here but directory listings and file attributes.
 */
final class FolderWalk {

    /** One entry of the walk, located by its path relative to the folder ({@code /}-separated). */
    sealed interface Entry permits Found, Skipped {
        String rel();
    }

    /**
     * A regular file to read.
     *
     * @param real the file itself, every link resolved
     * @param size its size in bytes
     */
    record Found(String rel, Path real, long size) implements Entry {
    }

    /** An entry not read, and why, in words for the index report. */
    record Skipped(String rel, String reason) implements Entry {
    }

    private final Path root;
    private final List<Entry> entries = new ArrayList<>();
    private final Set<Path> seenFiles = new HashSet<>();
    private final Set<Path> seenDirs = new HashSet<>();
    private final Deque<Link> links = new ArrayDeque<>();

    /** A symbolic link met during the walk, followed once the real entries are known (so that they keep their path). */
    private record Link(Path path, String rel, List<Path> ancestors) {
    }

    private FolderWalk(Path root) {
        this.root = root;
    }

    /** The entries under {@code dir}, in path order; fails only when {@code dir} itself cannot be resolved. */
    static List<Entry> walk(Path dir) throws IOException {
        FolderWalk w = new FolderWalk(dir.toRealPath());
        w.seenDirs.add(w.root);
        w.visit(w.root, "", List.of(w.root));
        while (!w.links.isEmpty()) {
            Link link = w.links.removeFirst();
            try {
                w.follow(link);
            } catch (IOException | RuntimeException e) {
                w.entries.add(new Skipped(link.rel(), "cannot follow the symbolic link: " + e.getMessage()));
            }
        }
        return w.entries.stream().sorted(Comparator.comparing(Entry::rel)).toList();
    }

    private void visit(Path realDir, String relDir, List<Path> ancestors) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(realDir)) {
            list.forEach(children::add);
        } catch (IOException | RuntimeException e) {
            entries.add(new Skipped(relDir.isEmpty() ? "." : relDir, "cannot list the folder: " + e.getMessage()));
            return;
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            String rel = relDir.isEmpty() ? name : relDir + "/" + name;
            try {
                entry(child, rel, ancestors);
            } catch (IOException | RuntimeException e) {
                entries.add(new Skipped(rel, "cannot read the file's attributes: " + e.getMessage()));
            }
        }
    }

    private void entry(Path child, String rel, List<Path> ancestors) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
            links.addLast(new Link(child, rel, ancestors));
        } else {
            add(child, attrs, rel, "", ancestors);
        }
    }

    private void follow(Link link) throws IOException {
        String rel = link.rel();
        String target = String.valueOf(Files.readSymbolicLink(link.path()));
        Path real;
        try {
            real = link.path().toRealPath();
        } catch (NoSuchFileException e) {
            entries.add(new Skipped(rel, "broken symbolic link to " + target + ": skipped"));
            return;
        } catch (FileSystemException e) {
            String why = e.getReason() != null && e.getReason().contains("levels of symbolic links")
                    ? "symbolic link loop" : "symbolic link that cannot be followed (" + e.getReason() + ")";
            entries.add(new Skipped(rel, why + " through " + target + ": skipped"));
            return;
        }
        if (!real.startsWith(root)) {
            entries.add(new Skipped(rel, "symbolic link to " + target + ", outside the folder: not read"));
            return;
        }
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        add(real, attrs, rel, " (symbolic link to " + target + ")", link.ancestors());
    }

    private void add(Path real, BasicFileAttributes attrs, String rel, String via, List<Path> ancestors) {
        if (attrs.isDirectory()) {
            if (ancestors.contains(real)) {
                entries.add(new Skipped(rel, "symbolic link loop" + via + ": a folder that contains it, not read again"));
            } else if (seenDirs.add(real)) {
                List<Path> deeper = new ArrayList<>(ancestors);
                deeper.add(real);
                visit(real, rel, deeper);
            }
        } else if (attrs.isRegularFile()) {
            if (seenFiles.add(real)) {
                entries.add(new Found(rel, real, attrs.size()));
            }
        } else {
            entries.add(new Skipped(rel, "not a regular file (device, FIFO or socket)" + via + ": not read"));
        }
    }
}
