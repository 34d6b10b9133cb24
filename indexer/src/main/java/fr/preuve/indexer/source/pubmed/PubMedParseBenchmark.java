package fr.preuve.indexer.source.pubmed;

import fr.preuve.indexer.source.ReadOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Streaming benchmark of {@link PubMedXmlSource}: articles per second and peak heap over MEDLINE files, repeated.
 *
 * <pre>
 * java -cp ... fr.preuve.indexer.source.pubmed.PubMedParseBenchmark [repeats] file-or-dir...
 * </pre>
 *
 * Defaults: 20 repeats over the {@code .xml.gz} files of {@code indexer/src/test/resources/pubmed}. The first repeat is
 * a warm-up and not counted. Peak heap is the sum of the heap pools' peak usage (reset after the warm-up), measured
 * after a GC; run with a small {@code -Xmx} (for example 64m) to show that memory does not grow with the file.
 */
public final class PubMedParseBenchmark {

    private PubMedParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = 20;
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            if (a.matches("\\d+")) {
                repeats = Integer.parseInt(a);
            } else {
                add(Path.of(a), files);
            }
        }
        if (files.isEmpty()) {
            Path dir = Path.of("indexer/src/test/resources/pubmed");
            add(Files.isDirectory(dir) ? dir : Path.of("src/test/resources/pubmed"), files);
        }
        if (files.isEmpty()) {
            System.err.println("no .xml/.xml.gz file found; usage: PubMedParseBenchmark [repeats] file-or-dir...");
            System.exit(2);
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        run(files); // warm-up
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long articles = 0;
        long failures = 0;
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            long[] c = run(files);
            articles += c[0];
            failures += c[1];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%d files (%.1f MB on disk) x %d repeats: %d articles, %d failures, %.2f s, "
                        + "%.0f articles/s, %.1f MB/s compressed, peak heap %.1f MB (max heap %.0f MB)%n",
                files.size(), bytes / 1e6, repeats, articles, failures, seconds, articles / seconds,
                bytes * (double) repeats / 1e6 / seconds, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static long[] run(List<Path> files) {
        long[] counts = new long[2];
        for (Path f : files) {
            new PubMedXmlSource(f).read(o -> {
                if (o instanceof ReadOutcome.Read) {
                    counts[0]++;
                } else {
                    counts[1]++;
                }
            });
        }
        return counts;
    }

    private static void add(Path p, List<Path> files) throws java.io.IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                s.filter(f -> f.getFileName().toString().endsWith(".xml.gz")).sorted().forEach(files::add);
            }
        } else if (Files.isRegularFile(p)) {
            files.add(p);
        }
    }
}
