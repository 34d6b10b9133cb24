package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.DocumentEntry;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.versions.CorpusHistory;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of indexing real PubMedQA abstracts, in a real subprocess: the index stays consistent, the
 * next run resumes, and the result equals a clean run, with nothing lost or duplicated.
 */
class CrashResumeTest {
    private static final int ITEMS = 60;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void killedTwiceAtCheckpointsThenResumedEqualsACleanRun() throws Exception {
        Path data = DemoData.pubmedqaSubset(tmp.resolve("data/pqal.json"), 100, ITEMS, x -> {
        });
        CorpusConfig corpus = DemoData.corpus(tmp.resolve("cfg"), DemoData.pubmedqaYaml("crash", data));
        Path dir = tmp.resolve("index");

        // First run: killed once its first checkpoint is on disk.
        killAfterCheckpoints(corpus, dir, 1);
        List<DocumentEntry> afterFirst = assertConsistentAndIncomplete(dir);
        assertThat(afterFirst).isNotEmpty().hasSizeLessThan(ITEMS);

        // Second run resumes, and is killed after two more checkpoints: it kept what the first run wrote.
        killAfterCheckpoints(corpus, dir, 2);
        List<DocumentEntry> afterSecond = assertConsistentAndIncomplete(dir);
        assertThat(afterSecond).containsAll(afterFirst).hasSizeGreaterThan(afterFirst.size()).hasSizeLessThan(ITEMS);

        // Third run completes.
        Process last = start(corpus, dir);
        assertThat(last.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String summary = output();
        assertThat(last.exitValue()).as(summary).isZero();
        assertThat(summary).contains("0 failures").contains((ITEMS - afterSecond.size()) + " added")
                .contains(afterSecond.size() + " unchanged");

        // A clean run of the same corpus (given the embedding cache, so that it does not embed again) is identical.
        Path clean = tmp.resolve("clean");
        Path cache = CorpusHistory.forIndex(dir).embeddingsDir();
        Path cleanCache = CorpusHistory.forIndex(clean).embeddingsDir();
        Files.createDirectories(cleanCache);
        try (var files = Files.list(cache)) {
            for (Path f : files.toList()) {
                Files.copy(f, cleanCache.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        IndexReport cleanReport;
        List<DocumentEntry> resumed;
        try (PassageIndex index = PassageIndex.openForWriting(clean)) {
            cleanReport = new Indexer(index, DemoData.embedder(), fr.preuve.core.text.Chunker.defaults(),
                    java.time.Clock.systemUTC(), ProgressListener.NONE).run(corpus, false);
            assertThat(cleanReport.embedded()).isZero();
        }
        try (PassageIndex a = PassageIndex.openReadOnly(dir); PassageIndex b = PassageIndex.openReadOnly(clean)) {
            resumed = a.documentEntries();
            assertThat(resumed).hasSize(ITEMS).isEqualTo(b.documentEntries());
            assertThat(a.counts()).isEqualTo(b.counts());
            CorpusState state = CorpusState.from(a.commitData());
            assertThat(state.complete()).isTrue();
            assertThat(state.version()).isEqualTo(cleanReport.corpusVersion());
            CorpusVersionsTest.assertConsistent(a);
        }
        assertThat(CorpusHistory.forIndex(dir).versions()).hasSize(1).first()
                .satisfies(v -> assertThat(v.added()).isEqualTo(ITEMS));
    }

    /** Starts the indexer in a new JVM and kills it (SIGKILL) once {@code checkpoints} more commits are on disk. */
    private void killAfterCheckpoints(CorpusConfig corpus, Path dir, int checkpoints) throws Exception {
        String last = lastCommit(dir);
        int seen = 0;
        Process p = start(corpus, dir);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (seen < checkpoints) {
            String now = lastCommit(dir);
            if (now != null && !now.equals(last)) {
                seen++;
                last = now;
                continue;
            }
            assertThat(p.isAlive()).as("the indexer ended before its checkpoint " + checkpoints + ": " + output()).isTrue();
            assertThat(System.nanoTime()).as("no checkpoint in time").isLessThan(deadline);
            Thread.sleep(20);
        }
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed by SIGKILL; output: " + output()).isEqualTo(137);
    }

    private static List<DocumentEntry> assertConsistentAndIncomplete(Path dir) {
        try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
            assertThat(CorpusState.from(index.commitData()).complete()).isFalse();
            CorpusVersionsTest.assertConsistent(index);
            return index.documentEntries();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The segments file of the last commit on disk, or null. Each checkpoint writes a new one (generations are not
     * counted: after a crash Lucene skips the generation the dead process had started).
     */
    private static String lastCommit(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return null;
            }
            List<IndexCommit> commits = DirectoryReader.listCommits(d);
            return commits.getLast().getSegmentsFileName();
        } catch (java.io.IOException e) {
            return null; // a commit being written: look again
        }
    }

    private String output() throws java.io.IOException {
        return Files.readString(tmp.resolve("indexer.out"), StandardCharsets.UTF_8);
    }

    private Process start(CorpusConfig corpus, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-javaagent") && !arg.contains("jdwp")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), IndexMain.class.getName(),
                corpus.file().toString(), dir.toString(), "8", "24"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("indexer.out").toFile()).start();
    }
}
